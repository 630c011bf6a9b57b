import { gcpVertexAiEndpointMissingCmek } from "../../../../policies/gcp/vertex";
import { checkResource, unknown } from "../../harness";

const type = "gcp:vertex/aiEndpoint:AiEndpoint";
const check = (props: Record<string, unknown>) =>
  checkResource(gcpVertexAiEndpointMissingCmek, {
    type,
    props: { displayName: "triage", location: "europe-west4", ...props },
  });
const message =
  "encryptionSpec.kmsKeyName is not set, so the endpoint uses Google-managed keys; set it to a Cloud KMS key. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";

describe("gcp-vertex-aiendpoint-missing-cmek", () => {
  it("passes a KMS key", async () => {
    const encryptionSpec = {
      kmsKeyName: "projects/p/locations/europe-west4/keyRings/r/cryptoKeys/vertex",
    };
    expect(await check({ encryptionSpec })).toEqual({ violations: [], indeterminate: false });
  });
  it("fails an empty key name", async () => {
    expect((await check({ encryptionSpec: { kmsKeyName: "" } })).violations).toEqual([message]);
  });
  it("fails when encryptionSpec is absent", async () => {
    expect((await check({})).violations).toEqual([message]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check({ encryptionSpec: { kmsKeyName: unknown } })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});
