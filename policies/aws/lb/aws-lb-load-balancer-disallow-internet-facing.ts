import * as lb from "@pulumi/aws/lb";
import { resourcePolicy } from "../../lib/define";

/**
 * An internet-facing load balancer is a public entry point; PHI services sit behind an internal one (reached through
 * API Gateway, a VPN or PrivateLink) unless the public exposure is deliberate. Advisory: suppress with a reason for
 * the public edge.
 * @severity low
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1)
 */
export const awsLbLoadBalancerDisallowInternetFacing = resourcePolicy(
  {
    name: "aws-lb-load-balancer-disallow-internet-facing",
    description: "Load balancers should be internal unless public exposure is intended (advisory).",
    severity: "low",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)"],
    remediationSteps:
      "Set `internal: true` on the aws.lb.LoadBalancer, or suppress this finding with the reason the endpoint is public (for example a WAF-protected patient portal).",
  },
  lb.LoadBalancer,
  (balancer, { report }) => {
    if (balancer.internal !== true) {
      report(
        `internal is ${balancer.internal === false ? "false" : "not set (internet-facing by default)"}; expected true for services that need no public entry point.`,
      );
    }
  },
);
