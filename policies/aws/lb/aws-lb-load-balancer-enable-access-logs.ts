import * as lb from "@pulumi/aws/lb";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Access logs are the record of who reached a PHI application through the load balancer and from where; without
 * them a breach cannot be traced (AWS FSBP ELB.5, Checkov CKV_AWS_91).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsLbLoadBalancerEnableAccessLogs = resourcePolicy(
  {
    name: "aws-lb-load-balancer-enable-access-logs",
    description: "Application and Network Load Balancers must write access logs to S3.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      "Set `accessLogs: {bucket: <log bucket>, enabled: true}` on the aws.lb.LoadBalancer.",
  },
  lb.LoadBalancer,
  (balancer, { report }) =>
    checkEach(report, [
      () => {
        if (balancer.loadBalancerType === "gateway") {
          return undefined;
        }
        const logs = balancer.accessLogs;
        if (logs === undefined || logs === null) {
          return "accessLogs is not set (the provider default: no access logs); expected accessLogs with a bucket and enabled true.";
        }
        if (logs.enabled !== true) {
          return `accessLogs.enabled is ${logs.enabled === undefined || logs.enabled === null ? "not set (the provider default false, even with a bucket)" : JSON.stringify(logs.enabled)}; expected true.`;
        }
        return typeof logs.bucket === "string" && logs.bucket !== ""
          ? undefined
          : "accessLogs.bucket is not set; expected the S3 bucket that receives the logs.";
      },
    ]),
);
