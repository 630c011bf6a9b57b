import * as frontdoor from "@pulumi/azure-native/frontdoor";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A Front Door WAF policy in Detection mode (the default) or disabled only observes attacks on the PHI applications
 * it fronts (Checkov CKV_AZURE_123).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureFrontdoorPolicyEnforcePreventionMode = resourcePolicy(
  {
    name: "azure-frontdoor-policy-enforce-prevention-mode",
    description: 'Front Door WAF policies must be enabled in "Prevention" mode.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `policySettings: {enabledState: "Enabled", mode: "Prevention"}` on the azure-native frontdoor.Policy.',
  },
  frontdoor.Policy,
  (policy, { report }) =>
    checkEach(report, [
      () =>
        policy.policySettings?.mode === "Prevention"
          ? undefined
          : `policySettings.mode is ${shown(policy.policySettings?.mode, "the service default Detection")}; expected "Prevention".`,
      () =>
        policy.policySettings?.enabledState === "Disabled"
          ? 'policySettings.enabledState is "Disabled"; expected "Enabled".'
          : undefined,
    ]),
);
