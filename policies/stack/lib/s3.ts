/** S3 facts that live in separate resources: public access blocks and bucket policies. */
import type { PolicyResource } from "@pulumi/policy";
import { parsePolicyDocument } from "../../lib/iam";
import { missingPublicAccessFlags } from "../../lib/s3";
import { aws } from "./types";
import { attachedTo, ofType, props } from "./resources";

/** Flags of a public access block that are not true. */
export function missingFlags(block: PolicyResource): string[] {
  return missingPublicAccessFlags(props(block));
}

export interface PublicAccessVerdict {
  /** True when a bucket-level block with all four flags, or a complete account-level block, covers the bucket. */
  readonly blocked: boolean;
  /** What was found, for the message. */
  readonly detail: string;
}

export function publicAccessOf(
  bucket: PolicyResource,
  resources: readonly PolicyResource[],
): PublicAccessVerdict {
  const accountBlocks = ofType(resources, aws.accountPublicAccessBlock);
  if (accountBlocks.some((b) => missingFlags(b).length === 0)) {
    return { blocked: true, detail: "account-level block" };
  }
  const blocks = attachedTo(bucket, ofType(resources, aws.bucketPublicAccessBlock), "bucket");
  if (blocks.length === 0) {
    return {
      blocked: false,
      detail:
        "no BucketPublicAccessBlock refers to it and no account-level block sets all four flags",
    };
  }
  const gaps = blocks.map((b) => ({ block: b, missing: missingFlags(b) }));
  if (gaps.some((g) => g.missing.length === 0)) {
    return { blocked: true, detail: "bucket-level block" };
  }
  return {
    blocked: false,
    detail: gaps.map((g) => `${g.block.name} leaves ${g.missing.join(", ")} not true`).join("; "),
  };
}

function isFalse(value: unknown): boolean {
  return (Array.isArray(value) ? value : [value]).some((v) => String(v).toLowerCase() === "false");
}

/** True when the policy document denies requests whose aws:SecureTransport is false. */
export function deniesInsecureTransport(policy: unknown): boolean {
  const document = parsePolicyDocument(policy);
  return (document?.Statement ?? []).some((s) => {
    if (s.Effect !== "Deny") {
      return false;
    }
    const bool =
      Object.entries(s.Condition ?? {}).find(([op]) => op.toLowerCase() === "bool")?.[1] ?? {};
    return Object.entries(bool).some(
      ([k, v]) => k.toLowerCase() === "aws:securetransport" && isFalse(v),
    );
  });
}
