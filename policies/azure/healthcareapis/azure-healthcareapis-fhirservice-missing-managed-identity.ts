import * as healthcareapis from "@pulumi/azure-native/healthcareapis";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * The FHIR service reaches its customer-managed key, export storage and container registry as itself; without a
 * managed identity those need shared secrets or cannot be configured at all.
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureHealthcareApisFhirServiceMissingManagedIdentity = resourcePolicy(
  {
    name: "azure-healthcareapis-fhirservice-missing-managed-identity",
    description: "FHIR services must have a managed identity.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `identity: { type: "SystemAssigned" }` (or "UserAssigned" with the identity ids) on the healthcareapis.FhirService.',
  },
  healthcareapis.FhirService,
  (fhir, { report }) => {
    const type = fhir.identity?.type;
    if (type === undefined || type === "None") {
      report(
        `identity.type is ${shown(type, "no identity")}; set it to "SystemAssigned" or "UserAssigned".`,
      );
    }
  },
);
