/**
 * Stack policies judge each resource on their own: an unknown value on one resource leaves the policy
 * indeterminate, never hides a known violation on another, and is never read as "not set".
 */
import { stackS3BucketEnforcePrivateTlsOnly } from "../../../policies/stack";
import { judgeEach } from "../../../policies/stack/lib/resources";
import { checkStack, unknown } from "../harness";
import { resource, s3Bucket } from "./fixtures";

describe("stack policies and unknown values", () => {
  it("reports the known bucket and stays indeterminate for the unknown one", async () => {
    const known = s3Bucket("exports");
    const pending = s3Bucket("pending", { bucket: unknown, id: unknown, arn: unknown });
    const policyOfPending = resource("aws:s3/bucketPolicy:BucketPolicy", "pending-policy", {
      bucket: unknown,
      policy: unknown,
    });
    const out = await checkStack(stackS3BucketEnforcePrivateTlsOnly, [
      pending,
      policyOfPending,
      known,
    ]);
    expect(out.indeterminate).toBe(true);
    expect(out.byUrn.map((v) => v.urn)).toContain(known.urn);
  });

  it("judgeEach runs every item and rethrows the first unknown afterwards", () => {
    const seen: number[] = [];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { UnknownValueError } = require("@pulumi/policy/proxy");
    expect(() =>
      judgeEach([1, 2, 3], (n) => {
        seen.push(n);
        if (n === 1) {
          throw new UnknownValueError("04da6b54-80e4-46f7-96ec-b56ff0331ba9", ["x"]);
        }
      }),
    ).toThrow(UnknownValueError);
    expect(seen).toEqual([1, 2, 3]);
    expect(() =>
      judgeEach([1], () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
  });
});
