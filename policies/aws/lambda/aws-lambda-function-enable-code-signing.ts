import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";

/**
 * A code signing configuration makes Lambda refuse packages that were not signed by the platform's signing
 * profile, so a tampered build artifact cannot be deployed to a function that handles PHI. Advisory: it needs an
 * AWS Signer profile in the pipeline.
 * @severity low
 * @controls hipaa:164.312(c)(2), hipaa:164.312(c)(1)
 */
export const awsLambdaFunctionEnableCodeSigning = resourcePolicy(
  {
    name: "aws-lambda-function-enable-code-signing",
    description:
      "Lambda functions deployed from zip packages should enforce a code signing configuration (advisory).",
    severity: "low",
    controls: ["hipaa:164.312(c)(2)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      'Create an aws.lambda.CodeSigningConfig with `policies: {untrustedArtifactOnDeployment: "Enforce"}` and set `codeSigningConfigArn` on the aws.lambda.Function.',
  },
  lambda.Function,
  (fn, { report }) => {
    if (fn.packageType === "Image") {
      // Container images are verified through ECR image signing, not Lambda code signing.
      return;
    }
    if (fn.codeSigningConfigArn === undefined) {
      report(
        "codeSigningConfigArn is not set; expected a code signing configuration that enforces trusted publishers.",
      );
    }
  },
);
