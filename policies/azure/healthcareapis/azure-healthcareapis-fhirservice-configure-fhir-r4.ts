import * as healthcareapis from "@pulumi/azure-native/healthcareapis";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * FHIR R4 is the normative release that Health Data Services maintains (AuditEvent, Provenance, SMART scopes); an
 * STU3 service is a legacy format the platform's validation and erasure tooling do not cover.
 * @severity medium
 * @controls hipaa:164.312(c)(1), gdpr:art32
 */
export const azureHealthcareApisFhirServiceConfigureFhirR4 = resourcePolicy(
  {
    name: "azure-healthcareapis-fhirservice-configure-fhir-r4",
    description: 'FHIR services must use kind "fhir-R4".',
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps: 'Set `kind: "fhir-R4"` on the healthcareapis.FhirService.',
  },
  healthcareapis.FhirService,
  (fhir, { report }) => {
    if (fhir.kind !== "fhir-R4") {
      report(`kind is ${shown(fhir.kind, "no FHIR version chosen")}; set it to "fhir-R4".`);
    }
  },
);
