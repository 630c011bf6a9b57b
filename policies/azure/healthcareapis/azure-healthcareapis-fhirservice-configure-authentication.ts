import * as healthcareapis from "@pulumi/azure-native/healthcareapis";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * Every FHIR request is authenticated with an Entra ID token whose issuer (authority) and audience the service
 * checks; without them the service's identity boundary is undefined.
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureHealthcareApisFhirServiceConfigureAuthentication = resourcePolicy(
  {
    name: "azure-healthcareapis-fhirservice-configure-authentication",
    description: "FHIR services must set the token authority and audience.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `authenticationConfiguration: { authority: "https://login.microsoftonline.com/<tenant>", audience: "https://<workspace>-<fhir>.fhir.azurehealthcareapis.com" }` on the healthcareapis.FhirService.',
  },
  healthcareapis.FhirService,
  (fhir, { report }) => {
    const auth = fhir.authenticationConfiguration;
    const missing = [
      isSet(auth?.authority) ? [] : ["authority"],
      isSet(auth?.audience) ? [] : ["audience"],
    ].flat();
    if (missing.length > 0) {
      report(
        `authenticationConfiguration is missing ${missing.join(" and ")}; set both to the Entra ID tenant and the service URL.`,
      );
    }
  },
);
