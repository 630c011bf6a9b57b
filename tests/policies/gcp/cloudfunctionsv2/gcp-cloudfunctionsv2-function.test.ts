import { gcpCloudfunctionsv2FunctionDisallowPublicIngress } from "../../../../policies/gcp/cloudfunctionsv2";
import { checkResource, unknown } from "../../harness";

const type = "gcp:cloudfunctionsv2/function:Function";
const ids = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)";
const check = (props: Record<string, unknown>) =>
  checkResource(gcpCloudfunctionsv2FunctionDisallowPublicIngress, {
    type,
    props: { location: "europe-west3", ...props },
  });

describe("gcp-cloudfunctionsv2-function-disallow-public-ingress", () => {
  it.each(["ALLOW_INTERNAL_ONLY", "ALLOW_INTERNAL_AND_GCLB"])(
    "passes %s",
    async (ingressSettings) => {
      expect(await check({ serviceConfig: { ingressSettings } })).toEqual({
        violations: [],
        indeterminate: false,
      });
    },
  );
  it("fails ALLOW_ALL", async () => {
    expect((await check({ serviceConfig: { ingressSettings: "ALLOW_ALL" } })).violations).toEqual([
      `serviceConfig.ingressSettings is "ALLOW_ALL"; set it to "ALLOW_INTERNAL_ONLY" or "ALLOW_INTERNAL_AND_GCLB". ${ids}`,
    ]);
  });
  it("fails when absent (defaults to ALLOW_ALL)", async () => {
    const expected = `serviceConfig.ingressSettings is not set (defaults to ALLOW_ALL); set it to "ALLOW_INTERNAL_ONLY" or "ALLOW_INTERNAL_AND_GCLB". ${ids}`;
    expect((await check({})).violations).toEqual([expected]);
    expect((await check({ serviceConfig: { availableMemory: "256M" } })).violations).toEqual([
      expected,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check({ serviceConfig: { ingressSettings: unknown } })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
  it("is not applicable to 1st gen functions", async () => {
    const out = await checkResource(gcpCloudfunctionsv2FunctionDisallowPublicIngress, {
      type: "gcp:cloudfunctions/function:Function",
      props: {},
    });
    expect(out.notApplicable).toBe(`Policy only applies to resources of type '${type}'`);
  });
});
