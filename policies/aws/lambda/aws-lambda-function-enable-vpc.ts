import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";

/**
 * A function inside the VPC reaches PHI stores over private subnets and VPC endpoints, and its egress is
 * governed by security groups instead of going straight to the internet.
 * @severity medium
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1)
 */
export const awsLambdaFunctionEnableVpc = resourcePolicy(
  {
    name: "aws-lambda-function-enable-vpc",
    description: "Lambda functions must run inside a VPC with subnets and security groups.",
    severity: "medium",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)"],
    remediationSteps:
      "Set `vpcConfig: {subnetIds: [<private subnet ids>], securityGroupIds: [<security group ids>]}` on the aws.lambda.Function.",
  },
  lambda.Function,
  (fn, { report }) => {
    const vpc = fn.vpcConfig;
    if (vpc === undefined) {
      report("vpcConfig is not set; expected private subnetIds and securityGroupIds.");
      return;
    }
    const missing = (["subnetIds", "securityGroupIds"] as const).filter(
      (k) => (vpc[k] ?? []).length === 0,
    );
    if (missing.length > 0) {
      report(`vpcConfig has no ${missing.join(" and no ")}; expected at least one of each.`);
    }
  },
);
