import * as compute from "@pulumi/gcp/compute";
import { resourcePolicy } from "../../lib/define";
import { checkEach, isAnyAddress } from "../../lib/conditions";

/**
 * An ingress rule that allows every protocol or every port from 0.0.0.0/0 exposes every service on the targeted
 * VMs, databases included (CIS GCP 3.6 and 3.7 name SSH and RDP; the same holds for every port).
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpComputeFirewallDisallowPublicAllPorts = resourcePolicy(
  {
    name: "gcp-compute-firewall-disallow-public-all-ports",
    description:
      "VPC firewall ingress rules must not allow all protocols or all ports from the internet.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Restrict `sourceRanges` to named CIDRs or list only the needed `allows[].ports` on the gcp.compute.Firewall.",
  },
  compute.Firewall,
  (rule, { report }) =>
    checkEach(report, [
      () => {
        if ((rule.direction ?? "INGRESS") !== "INGRESS" || rule.disabled === true) {
          return undefined;
        }
        if (!(rule.sourceRanges ?? []).some(isAnyAddress)) {
          return undefined;
        }
        const open = (rule.allows ?? []).filter(
          (a) =>
            a.protocol === "all" ||
            (a.ports ?? []).length === 0 ||
            (a.ports ?? []).includes("0-65535"),
        );
        return open.length === 0
          ? undefined
          : `allows ${open.map((a) => a.protocol).join(", ")} on all ports from ${rule.sourceRanges!.find(isAnyAddress)}; expected named ports or source ranges.`;
      },
    ]),
);
