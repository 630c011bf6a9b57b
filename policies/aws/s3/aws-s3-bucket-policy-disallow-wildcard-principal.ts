import * as s3 from "@pulumi/aws/s3";
import { resourcePolicy } from "../../lib/define";
import { parsePolicyDocument, wildcardPrincipalStatements } from "../../lib/iam";

/**
 * An Allow for Principal "*" makes the bucket readable (or writable) by any AWS account or anonymous caller,
 * unless a condition narrows it to the platform's own account or organisation.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsS3BucketPolicyDisallowWildcardPrincipal = resourcePolicy(
  {
    name: "aws-s3-bucket-policy-disallow-wildcard-principal",
    description:
      "S3 bucket policies must not allow a wildcard principal without an account or organisation condition.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Name the principals in every Allow statement of the aws.s3.BucketPolicy, or add a condition on aws:PrincipalAccount, aws:SourceAccount or aws:PrincipalOrgID.",
  },
  s3.BucketPolicy,
  (bucketPolicy, { report }) => {
    const document = parsePolicyDocument(bucketPolicy.policy);
    if (document === undefined) {
      report("The bucket policy is not valid JSON, so its principals cannot be verified.");
      return;
    }
    for (const sid of wildcardPrincipalStatements(document)) {
      report(
        `Bucket policy statement ${sid} allows principal "*" without an account or organisation condition.`,
      );
    }
  },
);
