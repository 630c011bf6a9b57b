import { gcpPubsubTopicMissingCmek } from "../../../../policies/gcp/pubsub";
import { checkResource, unknown } from "../../harness";

const type = "gcp:pubsub/topic:Topic";
const check = (props: Record<string, unknown>) =>
  checkResource(gcpPubsubTopicMissingCmek, { type, props });
const message =
  "kmsKeyName is not set, so messages are stored with Google-managed keys; set it to a Cloud KMS key. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";

describe("gcp-pubsub-topic-missing-cmek", () => {
  it("passes a KMS key", async () => {
    expect(
      await check({ kmsKeyName: "projects/p/locations/europe-west3/keyRings/r/cryptoKeys/pubsub" }),
    ).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails an empty key name", async () => {
    expect((await check({ kmsKeyName: "" })).violations).toEqual([message]);
  });
  it("fails when absent", async () => {
    expect((await check({})).violations).toEqual([message]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check({ kmsKeyName: unknown })).toEqual({ violations: [], indeterminate: true });
  });
  it("is not applicable to subscriptions", async () => {
    const out = await checkResource(gcpPubsubTopicMissingCmek, {
      type: "gcp:pubsub/subscription:Subscription",
      props: {},
    });
    expect(out.notApplicable).toBe(`Policy only applies to resources of type '${type}'`);
  });
});
