import * as healthcareapis from "@pulumi/azure-native/healthcareapis";
import { resourcePolicy } from "../../lib/define";

/**
 * A "*" CORS origin lets any website call the FHIR API from a signed-in clinician's browser; origins must name the
 * platform's own front ends.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const azureHealthcareApisFhirServiceDisallowCorsWildcard = resourcePolicy(
  {
    name: "azure-healthcareapis-fhirservice-disallow-cors-wildcard",
    description: 'FHIR services must not allow the CORS origin "*".',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "List the exact front-end origins (https://app.example.org) in `corsConfiguration.origins` of the healthcareapis.FhirService.",
  },
  healthcareapis.FhirService,
  (fhir, { report }) => {
    if ((fhir.corsConfiguration?.origins ?? []).includes("*")) {
      report('corsConfiguration.origins includes "*"; list the allowed origins explicitly.');
    }
  },
);
