import * as s3 from "@pulumi/aws/s3";
import { resourcePolicy } from "../../lib/define";
import { isWildcardPrincipal, parsePolicyDocument, PolicyStatement } from "../../lib/iam";
import { listOf } from "../lib/format";

function deniesInsecureTransport(s: PolicyStatement): boolean {
  if (s.Effect !== "Deny" || !isWildcardPrincipal(s.Principal)) {
    return false;
  }
  const actions = listOf(s.Action);
  if (!actions.includes("s3:*") && !actions.includes("*")) {
    return false;
  }
  return Object.entries(s.Condition ?? {}).some(
    ([operator, values]) =>
      /^bool(ifexists)?$/i.test(operator) &&
      Object.entries(values).some(
        ([k, v]) => k.toLowerCase() === "aws:securetransport" && listOf(v).includes("false"),
      ),
  );
}

/**
 * S3 accepts plain HTTP unless the bucket policy refuses it; a Deny on aws:SecureTransport = false is the only way
 * to guarantee PHI never crosses the network unencrypted.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsS3BucketPolicyEnforceSecureTransport = resourcePolicy(
  {
    name: "aws-s3-bucket-policy-enforce-secure-transport",
    description:
      "S3 bucket policies must deny requests that do not use TLS (aws:SecureTransport = false).",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Add to the aws.s3.BucketPolicy `policy` a statement {Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [<bucket ARN>, "<bucket ARN>/*"], Condition: {Bool: {"aws:SecureTransport": "false"}}}.',
  },
  s3.BucketPolicy,
  (bucketPolicy, { report }) => {
    const document = parsePolicyDocument(bucketPolicy.policy);
    if (document === undefined) {
      report("The bucket policy is not valid JSON, so its TLS requirement cannot be verified.");
      return;
    }
    if (!document.Statement.some(deniesInsecureTransport)) {
      report(
        'No statement denies s3:* to Principal "*" when aws:SecureTransport is "false"; expected such a Deny statement.',
      );
    }
  },
);
