import * as lb from "@pulumi/aws/lb";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Malformed HTTP headers are the raw material of request smuggling; an Application Load Balancer that drops them
 * stops such requests before they reach the application.
 * @severity medium
 * @controls gdpr:art32, hipaa:164.312(e)(1)
 */
export const awsLbLoadBalancerEnableDropInvalidHeaderFields = resourcePolicy(
  {
    name: "aws-lb-load-balancer-enable-drop-invalid-header-fields",
    description: "Application Load Balancers must drop invalid HTTP header fields.",
    severity: "medium",
    controls: ["gdpr:art32", "hipaa:164.312(e)(1)"],
    remediationSteps: "Set `dropInvalidHeaderFields: true` on the aws.lb.LoadBalancer.",
  },
  lb.LoadBalancer,
  (balancer, { report }) => {
    if ((balancer.loadBalancerType ?? "application") !== "application") {
      return;
    }
    if (balancer.dropInvalidHeaderFields !== true) {
      report(
        `dropInvalidHeaderFields is ${shown(balancer.dropInvalidHeaderFields)}; expected true.`,
      );
    }
  },
);
