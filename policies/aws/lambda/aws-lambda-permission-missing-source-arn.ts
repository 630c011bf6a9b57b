import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";

/**
 * A service principal without a source ARN lets that service invoke the function on behalf of any resource in
 * any account (the confused deputy problem); the source ARN pins it to the platform's own resource.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsLambdaPermissionMissingSourceArn = resourcePolicy(
  {
    name: "aws-lambda-permission-missing-source-arn",
    description:
      "Lambda permissions for AWS service principals must be restricted with a source ARN.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `sourceArn` on the aws.lambda.Permission to the ARN of the invoking resource (API, bucket, rule, topic), and `sourceAccount` for S3.",
  },
  lambda.Permission,
  (permission, { report }) => {
    const principal = permission.principal;
    if (principal.endsWith(".amazonaws.com") && permission.sourceArn === undefined) {
      report(
        `principal is "${principal}" and sourceArn is not set; expected the ARN of the invoking resource.`,
      );
    }
  },
);
