/**
 * AWS services whose resources hold PHI or the keys that protect it (service prefixes as IAM actions spell them).
 * A service-wide wildcard on them is never granted: the platform's functions refuse one (components/aws/
 * node-function.ts) and the pack reports one on Resource "*" (the aws-iam-*-disallow-phi-service-wildcard policies).
 */
export const phiServices: readonly string[] = [
  "chime",
  "cognito-idp",
  "dynamodb",
  "firehose",
  "healthlake",
  "iot",
  "kinesis",
  "kms",
  "logs",
  "s3",
  "secretsmanager",
  "sns",
  "sqs",
  "ssm",
];
