import {
  gcpCloudrunv2ServiceDisallowPublicIngress,
  gcpCloudrunv2ServiceIamBindingDisallowPublicPrincipal,
  gcpCloudrunv2ServiceIamMemberDisallowPublicPrincipal,
} from "../../../../policies/gcp/cloudrunv2";
import { checkResource, unknown } from "../../harness";
import { describeBindingPolicy, describeMemberPolicy } from "../iam";

const type = "gcp:cloudrunv2/service:Service";
const check = (props: Record<string, unknown>) =>
  checkResource(gcpCloudrunv2ServiceDisallowPublicIngress, {
    type,
    props: { location: "europe-west3", template: { containers: [{ image: "app" }] }, ...props },
  });

describe("gcp-cloudrunv2-service-disallow-public-ingress", () => {
  const ids = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)";
  it.each(["INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"])(
    "passes %s",
    async (ingress) => {
      expect(await check({ ingress })).toEqual({ violations: [], indeterminate: false });
    },
  );
  it("fails INGRESS_TRAFFIC_ALL", async () => {
    expect((await check({ ingress: "INGRESS_TRAFFIC_ALL" })).violations).toEqual([
      `ingress is "INGRESS_TRAFFIC_ALL"; set it to "INGRESS_TRAFFIC_INTERNAL_ONLY" or "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER". ${ids}`,
    ]);
  });
  it("fails when absent (defaults to INGRESS_TRAFFIC_ALL)", async () => {
    expect((await check({})).violations).toEqual([
      `ingress is not set (defaults to INGRESS_TRAFFIC_ALL); set it to "INGRESS_TRAFFIC_INTERNAL_ONLY" or "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER". ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check({ ingress: unknown })).toEqual({ violations: [], indeterminate: true });
  });
});

const ids = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(d); GDPR Art. 32)";
describeMemberPolicy({
  policy: gcpCloudrunv2ServiceIamMemberDisallowPublicPrincipal,
  type: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
  what: "service",
  ids,
});
describeBindingPolicy({
  policy: gcpCloudrunv2ServiceIamBindingDisallowPublicPrincipal,
  type: "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
  what: "service",
  ids,
});
