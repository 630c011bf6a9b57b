import { stackAwsPublicApiEnableWaf as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { resource } from "./fixtures";

const c = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(e)(1); GDPR Art. 32)";
const stageArn = "arn:aws:apigateway:eu-central-1::/restapis/a1b2c3/stages/prod";
const lbArn = "arn:aws:elasticloadbalancing:eu-central-1:210987654321:loadbalancer/app/portal/1";
const api = (types: string[]) =>
  resource("aws:apigateway/restApi:RestApi", "fhir-api", {
    id: "a1b2c3",
    endpointConfiguration: { types },
  });
const stage = resource(
  "aws:apigateway/stage:Stage",
  "prod",
  { arn: stageArn, restApi: "a1b2c3", stageName: "prod", deployment: "d" },
  { restApi: ["urn:pulumi:test::test::aws:apigateway/restApi:RestApi::fhir-api"] },
);
const alb = (props: Record<string, unknown> = {}) =>
  resource("aws:lb/loadBalancer:LoadBalancer", "portal", { arn: lbArn, ...props });
const association = (resourceArn: unknown, name = "waf") =>
  resource("aws:wafv2/webAclAssociation:WebAclAssociation", name, {
    resourceArn,
    webAclArn: "arn:aws:wafv2:eu-central-1:210987654321:regional/webacl/w/1",
  });

describe("stack-aws-public-api-enable-waf", () => {
  it("passes public APIs and ALBs with a web ACL, private APIs, internal and network load balancers", async () => {
    const out = await checkStack(policy, [
      api(["REGIONAL"]),
      stage,
      alb(),
      association(stageArn),
      association(lbArn, "waf-lb"),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
    const quiet = await checkStack(policy, [
      api(["PRIVATE"]),
      stage,
      alb({ internal: true }),
      resource("aws:lb/loadBalancer:LoadBalancer", "nlb", { loadBalancerType: "network" }),
    ]);
    expect(quiet.violations).toEqual([]);
  });

  it("reports a public stage and an internet-facing ALB without an association, each on its URN", async () => {
    const lb = alb();
    const out = await checkStack(policy, [api(["EDGE"]), stage, lb]);
    expect(out.byUrn).toEqual([
      {
        urn: stage.urn,
        message: `REST API stage prod is public and has no aws.wafv2.WebAclAssociation; expected a web ACL in front of it. ${c}`,
      },
      {
        urn: lb.urn,
        message: `Load balancer portal is internet-facing (internal not set, the provider default false) and has no aws.wafv2.WebAclAssociation; expected a web ACL in front of it. ${c}`,
      },
    ]);
  });

  it("is indeterminate, never a pass, when an association ARN is unknown", async () => {
    const lb = alb();
    const out = await checkStack(policy, [api(["REGIONAL"]), stage, association(unknown), lb]);
    expect(out.indeterminate).toBe(true);
  });
});
