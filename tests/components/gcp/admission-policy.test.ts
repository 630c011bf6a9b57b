import { Recorded, byType, installMocks, one, project, settle, valueOf } from "../../helpers/mocks";

let recorded: Recorded[];
let admission: typeof import("../../../components/gcp/admission-policy");
const image = `europe-docker.pkg.dev/${project}/mediconnect/risk-inference@sha256:${"a".repeat(64)}`;

beforeAll(async () => {
  recorded = await installMocks();
  admission = await import("../../../components/gcp/admission-policy");
  new admission.AdmissionPolicy("admission", { projectId: project, allowedImages: [image, image] });
  await settle();
});

describe("AdmissionPolicy", () => {
  it("denies every image but the platform's digest-pinned ones and Google's system images", () => {
    expect(byType(recorded, "gcp:binaryauthorization/policy:Policy")).toHaveLength(1);
    expect(
      one(recorded, "gcp:binaryauthorization/policy:Policy", "admission-policy").inputs,
    ).toEqual({
      project,
      description: "MediConnect: only the platform's digest-pinned images and Google system images",
      globalPolicyEvaluationMode: "ENABLE",
      admissionWhitelistPatterns: [{ namePattern: image }],
      defaultAdmissionRule: {
        evaluationMode: "ALWAYS_DENY",
        enforcementMode: "ENFORCED_BLOCK_AND_AUDIT_LOG",
      },
    });
  });

  it("publishes the policy's id", async () => {
    const policy = new admission.AdmissionPolicy("other", {
      projectId: project,
      allowedImages: [image],
    });
    expect(await valueOf(policy.policyId)).toBe("other-policy-id");
  });

  it.each([
    [[], "[allowedImages] is empty"],
    [
      [`europe-docker.pkg.dev/${project}/mediconnect/risk-inference:1.0`],
      `[allowedImages] must hold digest-pinned references, <registry>/<path>@sha256:<64 hex digits>, received "europe-docker.pkg.dev/${project}/mediconnect/risk-inference:1.0"`,
    ],
  ])("refuses %j", (allowedImages, message) => {
    expect(
      () => new admission.AdmissionPolicy("bad", { projectId: project, allowedImages }),
    ).toThrow(message);
  });
});
