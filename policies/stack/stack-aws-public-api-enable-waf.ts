import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { attachedTo, judgeEach, ofType, props, resolve } from "./lib/resources";

const types = {
  stage: "aws:apigateway/stage:Stage",
  restApi: "aws:apigateway/restApi:RestApi",
  loadBalancers: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
  association: "aws:wafv2/webAclAssociation:WebAclAssociation",
};

/** True when the stage's REST API is a PRIVATE endpoint (reachable only through VPC endpoints). */
function isPrivateStage(stage: PolicyResource, apis: readonly PolicyResource[]): boolean {
  const api = resolve(stage, "restApi", () => props(stage).restApi, apis).target;
  const endpointTypes: unknown[] = api ? (props(api).endpointConfiguration?.types ?? []) : [];
  return endpointTypes.includes("PRIVATE");
}

/**
 * A public REST API stage or internet-facing Application Load Balancer in front of PHI services needs an AWS WAF
 * web ACL to filter injection, credential stuffing and bot traffic before it reaches the handlers (AWS FSBP
 * APIGateway.4, cdk-nag HIPAA APIGWAssociatedWithWAF). The association is a
 * separate resource (aws.wafv2.WebAclAssociation, resourceArn = the stage's or load balancer's ARN), so only a
 * stack policy can see it. HTTP APIs (apigatewayv2) cannot carry a web ACL; put CloudFront with a web ACL in front.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const stackAwsPublicApiEnableWaf = stackPolicy(
  {
    name: "stack-aws-public-api-enable-waf",
    description:
      "Public REST API stages and internet-facing Application Load Balancers must have an AWS WAF web ACL association.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Add `new aws.wafv2.WebAclAssociation(name, { resourceArn: stage.arn (or loadBalancer.arn), webAclArn: webAcl.arn })` with a REGIONAL web ACL using the AWS managed rule groups.",
  },
  ({ args, report }) => {
    const associations = ofType(args.resources, types.association);
    const apis = ofType(args.resources, types.restApi);
    const stages = ofType(args.resources, types.stage);
    const balancers = ofType(args.resources, ...types.loadBalancers);
    judgeEach(stages, (stage) => {
      if (isPrivateStage(stage, apis)) {
        return;
      }
      if (attachedTo(stage, associations, "resourceArn").length === 0) {
        report(
          `REST API stage ${stage.name} is public and has no aws.wafv2.WebAclAssociation; expected a web ACL in front of it.`,
          stage.urn,
        );
      }
    });
    judgeEach(balancers, (lb) => {
      const p = props(lb);
      const type = p.loadBalancerType ?? "application";
      if (p.internal === true || type !== "application") {
        return;
      }
      if (attachedTo(lb, associations, "resourceArn").length === 0) {
        report(
          `Load balancer ${lb.name} is internet-facing (internal ${p.internal === undefined ? "not set, the provider default false" : "false"}) and has no aws.wafv2.WebAclAssociation; expected a web ACL in front of it.`,
          lb.urn,
        );
      }
    });
  },
);
