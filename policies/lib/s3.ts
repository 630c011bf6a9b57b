/** S3 public access blocks, bucket-level and account-level alike: four flags, each closing one path to the public. */

export const publicAccessFlags = [
  "blockPublicAcls",
  "blockPublicPolicy",
  "ignorePublicAcls",
  "restrictPublicBuckets",
] as const;

/** Flags of a public access block's properties that are not true. */
export function missingPublicAccessFlags(block: Readonly<Record<string, unknown>>): string[] {
  return publicAccessFlags.filter((f) => block[f] !== true);
}
