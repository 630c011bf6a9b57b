import * as compute from "@pulumi/gcp/compute";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Firewall rule logging records which connections a rule allowed or denied, the evidence of who reached a PHI
 * workload.
 * @severity low
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const gcpComputeFirewallEnableLogging = resourcePolicy(
  {
    name: "gcp-compute-firewall-enable-logging",
    description: "VPC firewall rules must enable logging.",
    severity: "low",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `logConfig: {metadata: "INCLUDE_ALL_METADATA"}` on the gcp.compute.Firewall.',
  },
  compute.Firewall,
  (rule, { report }) =>
    checkEach(report, [
      () =>
        rule.logConfig !== undefined || rule.enableLogging === true
          ? undefined
          : "logConfig is not set, so the rule's connections are not logged; expected logConfig.metadata.",
    ]),
);
