import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { isPhi, unlabelledIsPhiFrom, unlabelledIsPhiSchema } from "./lib/labels";
import { storeSpecByType } from "./lib/keys";
import { aws } from "./lib/types";
import { ofType, props, Props, resolve } from "./lib/resources";
import { trailCovers } from "./lib/trail";

/** The bucket a trail writes its log files to. */
function attachedBuckets(trail: PolicyResource, buckets: PolicyResource[]): PolicyResource[] {
  const found = resolve(trail, "s3BucketName", () => props(trail).s3BucketName, buckets);
  return found.target ? [found.target] : [];
}

interface Config {
  unlabelledIsPhi?: boolean;
}

/** True when the property references something: a dependency (known during preview) or a non-empty value. */
function isSet(trail: PolicyResource, key: string): boolean {
  if ((trail.propertyDependencies?.[key] ?? []).length > 0) {
    return true;
  }
  const value = props(trail)[key];
  return typeof value === "string" && value !== "";
}

/** Settings every trail of a PHI stack needs, and how each gap reads. */
const trailChecks: readonly {
  readonly ok: (trail: PolicyResource, p: Props) => boolean;
  readonly gap: string;
}[] = [
  { ok: (_t, p) => p.isMultiRegionTrail === true, gap: "isMultiRegionTrail is not true" },
  { ok: (_t, p) => p.enableLogFileValidation === true, gap: "enableLogFileValidation is not true" },
  { ok: (_t, p) => p.enableLogging !== false, gap: "enableLogging is false" },
  { ok: (t) => isSet(t, "kmsKeyId"), gap: "kmsKeyId is not set (logs not KMS-encrypted)" },
  {
    ok: (t) => isSet(t, "cloudWatchLogsGroupArn"),
    gap: "cloudWatchLogsGroupArn is not set (no delivery to CloudWatch Logs)",
  },
];

/**
 * Access to PHI must leave a trail that can be reviewed and trusted: a multi-region CloudTrail trail with log file
 * validation, KMS encryption and delivery to CloudWatch Logs, recording data events (object reads and writes,
 * function invocations) for every PHI bucket and every Lambda function. Management events alone do not show who
 * read which record. A trail's own log bucket is exempt: logging its own writes would loop, and AWS advises
 * excluding it.
 * @severity high
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), hipaa:164.312(c)(2), gdpr:art33
 */
export const stackAwsAuditEnableCloudtrailDataEvents = stackPolicy(
  {
    name: "stack-aws-audit-enable-cloudtrail-data-events",
    description:
      "A stack with PHI on AWS must have a multi-region, validated, KMS-encrypted CloudTrail trail delivering to CloudWatch Logs, with data events for every PHI bucket and Lambda function.",
    severity: "high",
    controls: [
      "hipaa:164.312(b)",
      "hipaa:164.308(a)(1)(ii)(D)",
      "hipaa:164.312(c)(2)",
      "gdpr:art33",
    ],
    remediationSteps:
      'Add an aws.cloudtrail.Trail with isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId, cloudWatchLogsGroupArn (`${logGroup.arn}:*`) and cloudWatchLogsRoleArn, and advancedEventSelectors with eventCategory = Data for resources.type AWS::S3::Object (resources.ARN startsWith each PHI bucket ARN + "/") and AWS::Lambda::Function.',
    configSchema: { properties: { unlabelledIsPhi: unlabelledIsPhiSchema } },
  },
  ({ args, report }) => {
    const unlabelledIsPhi = unlabelledIsPhiFrom(args.getConfig<Config>());
    const phi = (r: PolicyResource) => isPhi(r, args.resources, unlabelledIsPhi);
    const phiStores = args.resources.filter(
      (r) => r.type.startsWith("aws:") && storeSpecByType.has(r.type) && phi(r),
    );
    const functions = ofType(args.resources, aws.lambdaFunction);
    if (phiStores.length === 0 && !functions.some(phi)) {
      return args.notApplicable("The stack has no PHI resources on AWS.");
    }
    const trails = ofType(args.resources, aws.trail);
    if (trails.length === 0) {
      report(
        "The stack holds PHI on AWS but has no aws.cloudtrail.Trail; expected a multi-region trail with log file validation, KMS encryption, CloudWatch Logs delivery and data events.",
      );
      return;
    }
    for (const trail of trails) {
      const p = props(trail);
      const gaps = trailChecks.filter((c) => !c.ok(trail, p)).map((c) => c.gap);
      if (gaps.length > 0) {
        report(`CloudTrail trail ${trail.name}: ${gaps.join("; ")}.`, trail.urn);
      }
    }
    const trailBuckets = new Set(
      trails
        .flatMap((t) => attachedBuckets(t, ofType(args.resources, aws.bucket, aws.bucketV2)))
        .map((b) => b.urn),
    );
    const buckets = ofType(args.resources, aws.bucket, aws.bucketV2).filter(
      (b) => phi(b) && !trailBuckets.has(b.urn),
    );
    for (const target of [...buckets, ...functions]) {
      if (!trails.some((t) => trailCovers(t, target))) {
        const what = target.type === aws.lambdaFunction ? "Lambda function" : "PHI S3 bucket";
        report(
          `${what} ${target.name} is not covered by any trail's data events; expected an event selector for ${target.type === aws.lambdaFunction ? "AWS::Lambda::Function" : "AWS::S3::Object"} that includes it.`,
          target.urn,
        );
      }
    }
  },
);
