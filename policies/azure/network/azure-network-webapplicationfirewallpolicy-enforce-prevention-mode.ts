import * as network from "@pulumi/azure-native/network";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * An Application Gateway WAF in Detection mode (the default) only logs attacks on the PHI APIs behind it;
 * Prevention blocks them (Checkov CKV_AZURE_135, Azure security baseline NS-6).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureNetworkWebApplicationFirewallPolicyEnforcePreventionMode = resourcePolicy(
  {
    name: "azure-network-webapplicationfirewallpolicy-enforce-prevention-mode",
    description:
      'Application Gateway WAF policies must be enabled in "Prevention" mode with a managed rule set.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `policySettings: {state: "Enabled", mode: "Prevention"}` and `managedRules.managedRuleSets: [{ruleSetType: "Microsoft_DefaultRuleSet" or "OWASP", ruleSetVersion}]` on the azure-native network.WebApplicationFirewallPolicy.',
  },
  network.WebApplicationFirewallPolicy,
  (policy, { report }) =>
    checkEach(report, [
      () =>
        policy.policySettings?.mode === "Prevention"
          ? undefined
          : `policySettings.mode is ${shown(policy.policySettings?.mode, "the service default Detection")}; expected "Prevention".`,
      () =>
        policy.policySettings?.state === "Disabled"
          ? 'policySettings.state is "Disabled"; expected "Enabled".'
          : undefined,
      () =>
        policy.managedRules.managedRuleSets.length > 0
          ? undefined
          : "managedRules.managedRuleSets is empty; expected an OWASP or Microsoft_DefaultRuleSet rule set.",
    ]),
);
