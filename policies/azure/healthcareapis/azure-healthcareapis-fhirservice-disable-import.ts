import * as healthcareapis from "@pulumi/azure-native/healthcareapis";
import { resourcePolicy } from "../../lib/define";

/**
 * $import loads bulk data from a storage account without per-resource validation or audit events, and initial
 * import mode blocks normal writes; neither belongs on a live PHI service.
 * @severity medium
 * @controls hipaa:164.312(c)(1), hipaa:164.312(b), gdpr:art25
 */
export const azureHealthcareApisFhirServiceDisableImport = resourcePolicy(
  {
    name: "azure-healthcareapis-fhirservice-disable-import",
    description: "FHIR services must keep bulk import and initial import mode disabled.",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "hipaa:164.312(b)", "gdpr:art25"],
    remediationSteps:
      "Set `importConfiguration: { enabled: false, initialImportMode: false }` (or omit it) on the healthcareapis.FhirService.",
  },
  healthcareapis.FhirService,
  (fhir, { report }) => {
    if (fhir.importConfiguration?.enabled === true) {
      report("importConfiguration.enabled is true; set it to false.");
    }
    if (fhir.importConfiguration?.initialImportMode === true) {
      report("importConfiguration.initialImportMode is true; set it to false.");
    }
  },
);
