import { stackResourceConfigureProcessingLabels as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import {
  awsProvider,
  azureProvider,
  controls,
  gcpProvider,
  kmsKey,
  phiLabels,
  resource,
} from "./fixtures";

const c = controls.labels;

describe("stack-resource-configure-processing-labels", () => {
  it("passes resources labelled through provider defaults (aws, gcp) and own tags (azure)", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      gcpProvider(),
      azureProvider(),
      kmsKey(),
      resource("aws:sqs/queue:Queue", "dlq", {}),
      resource("gcp:kms/cryptoKey:CryptoKey", "phi-ckey", { name: "phi-key" }),
      resource("azure-native:keyvault:Vault", "phi-vault", {
        location: "germanywestcentral",
        tags: phiLabels,
      }),
      resource("aws:s3/bucketPolicy:BucketPolicy", "not-taggable", { bucket: "b", policy: "{}" }),
      resource("kubernetes:core/v1:Namespace", "ns", { metadata: { name: "ns" } }),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("reports each resource missing labels on its URN", async () => {
    const queue = resource("aws:sqs/queue:Queue", "dlq", {
      tags: { "data-classification": "phi" },
    });
    const vault = resource("azure-native:keyvault:Vault", "phi-vault", {
      location: "germanywestcentral",
    });
    const out = await checkStack(policy, [
      awsProvider({ owner: "platform-team" }),
      azureProvider(),
      queue,
      vault,
    ]);
    expect(out.byUrn).toEqual([
      {
        urn: queue.urn,
        message: `Resource dlq (aws:sqs/queue:Queue) lacks cost-center in its tags/labels and its provider's defaults; expected data-classification, owner, cost-center. ${c}`,
      },
      {
        urn: vault.urn,
        message: `Resource phi-vault (azure-native:keyvault:Vault) lacks data-classification, owner, cost-center in its tags/labels and its provider's defaults; expected data-classification, owner, cost-center. ${c}`,
      },
    ]);
  });

  it("reports a taggable resource without tags and without a provider (absent)", async () => {
    expect(
      (await checkStack(policy, [resource("aws:kinesis/stream:Stream", "vitals", {})])).violations,
    ).toEqual([
      `Resource vitals (aws:kinesis/stream:Stream) lacks data-classification, owner, cost-center in its tags/labels and its provider's defaults; expected data-classification, owner, cost-center. ${c}`,
    ]);
  });

  it("uses requiredLabels from config", async () => {
    const queue = resource("aws:sqs/queue:Queue", "dlq", { tags: { owner: "team" } });
    expect((await checkStack(policy, [queue], { requiredLabels: ["owner"] })).violations).toEqual(
      [],
    );
    expect(
      (await checkStack(policy, [queue], { requiredLabels: ["owner", "purpose"] })).violations,
    ).toEqual([
      `Resource dlq (aws:sqs/queue:Queue) lacks purpose in its tags/labels and its provider's defaults; expected owner, purpose. ${c}`,
    ]);
  });

  it("is indeterminate when the tags are unknown and a label is missing", async () => {
    const out = await checkStack(policy, [
      resource("aws:sqs/queue:Queue", "dlq", { tags: unknown }),
    ]);
    expect(out).toMatchObject({ violations: [], indeterminate: true });
  });

  it("decides on known provider defaults even when the own tags are unknown", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      resource("aws:sqs/queue:Queue", "dlq", { tags: unknown }),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });
});
