import * as healthcareapis from "@pulumi/azure-native/healthcareapis";
import { resourcePolicy } from "../../lib/define";

const defaultPolicy = "versioned";

/**
 * Versioned resources keep the history of every clinical record (integrity, audit), and that history is personal
 * data an erasure must purge ($purge-history); the policy is chosen on purpose, "versioned" by default.
 * @severity medium
 * @controls hipaa:164.312(c)(1), gdpr:art17
 */
export const azureHealthcareApisFhirServiceConfigureVersioning = resourcePolicy(
  {
    name: "azure-healthcareapis-fhirservice-configure-versioning",
    description: `FHIR services must use the "${defaultPolicy}" resource version policy (configurable).`,
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "gdpr:art17"],
    remediationSteps:
      'Set `resourceVersionPolicyConfiguration.default: "versioned"` on the healthcareapis.FhirService.',
    configSchema: {
      properties: {
        versionPolicy: {
          type: "string",
          enum: ["versioned", "versioned-update", "no-version"],
          default: defaultPolicy,
          description: "The resource version policy every FHIR service must use.",
        },
      },
    },
  },
  healthcareapis.FhirService,
  (fhir, { args, report }) => {
    const expected = (args.getConfig<{ versionPolicy?: string }>().versionPolicy ??
      defaultPolicy) as string;
    // The service's own default is "versioned".
    const actual = fhir.resourceVersionPolicyConfiguration?.default ?? "versioned";
    if (actual !== expected) {
      report(`resourceVersionPolicyConfiguration.default is "${actual}"; set it to "${expected}".`);
    }
  },
);
