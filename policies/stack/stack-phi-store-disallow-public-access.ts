import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { isPhi, unlabelledIsPhiFrom, unlabelledIsPhiSchema } from "./lib/labels";
import { aws, azure, gcp } from "./lib/types";
import { ofType, props, resolve, judgeEach } from "./lib/resources";
import { publicAccessOf } from "./lib/s3";
import { matchesAzureId } from "./lib/azure";

interface Config {
  unlabelledIsPhi?: boolean;
}

/**
 * A PHI store must not be reachable from the internet, on any cloud; each cloud expresses that differently and some
 * only through a second resource: S3 buckets need a public access block, Lambda function URLs need IAM auth, HTTP
 * API routes need an authorizer (CORS preflight OPTIONS routes excepted), GKE clusters need private nodes, Cognitive
 * Services and storage accounts need publicNetworkAccess Disabled, Cloud Storage buckets need public access
 * prevention enforced, and Health Data Services workspaces (whose publicNetworkAccess is output-only in
 * azure-native 3.28) need a network.PrivateEndpoint whose privateLinkServiceConnections target them.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32, gdpr:art25
 */
export const stackPhiStoreDisallowPublicAccess = stackPolicy(
  {
    name: "stack-phi-store-disallow-public-access",
    description:
      "No PHI store or PHI-serving endpoint may be reachable from the public internet, on any cloud.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps:
      'S3: a BucketPublicAccessBlock with all four flags. Lambda: FunctionUrl authorizationType "AWS_IAM". API Gateway v2: authorizationType JWT/AWS_IAM/CUSTOM with an authorizerId on every route. GKE: privateClusterConfig.enablePrivateNodes true. Azure Cognitive Services and storage: publicNetworkAccess "Disabled". Cloud Storage: publicAccessPrevention "enforced". Health Data Services: a network.PrivateEndpoint with privateLinkServiceConnections [{ privateLinkServiceId: workspace.id, groupIds: ["healthcareworkspace"] }].',
    configSchema: { properties: { unlabelledIsPhi: unlabelledIsPhiSchema } },
  },
  ({ args, report }) => {
    const unlabelledIsPhi = unlabelledIsPhiFrom(args.getConfig<Config>());
    const phi = (r: PolicyResource) => isPhi(r, args.resources, unlabelledIsPhi);
    const { resources } = args;

    judgeEach(ofType(resources, aws.bucket, aws.bucketV2).filter(phi), (bucket) => {
      const access = publicAccessOf(bucket, resources);
      if (!access.blocked) {
        report(
          `PHI S3 bucket ${bucket.name} may be made public: ${access.detail}; expected a public access block with all four flags true.`,
          bucket.urn,
        );
      }
    });

    const functions = ofType(resources, aws.lambdaFunction);
    judgeEach(ofType(resources, aws.lambdaFunctionUrl), (url) => {
      const p = props(url);
      if (p.authorizationType === "AWS_IAM") {
        return;
      }
      const fn = resolve(url, "functionName", () => p.functionName, functions);
      if (fn.target === undefined || phi(fn.target)) {
        report(
          `Lambda function URL ${url.name} has authorizationType ${JSON.stringify(p.authorizationType ?? null)}: anyone on the internet can invoke ${fn.target?.name ?? p.functionName}; expected AWS_IAM.`,
          url.urn,
        );
      }
    });

    judgeEach(ofType(resources, aws.apiRoute), (route) => {
      const p = props(route);
      if (/^OPTIONS\s/.test(String(p.routeKey))) {
        return;
      }
      const type = p.authorizationType ?? "NONE";
      if (type === "NONE") {
        report(
          `API Gateway v2 route ${route.name} (${p.routeKey}) has no authorizer (authorizationType NONE); expected JWT, AWS_IAM or CUSTOM.`,
          route.urn,
        );
      }
    });

    judgeEach(ofType(resources, gcp.cluster).filter(phi), (cluster) => {
      if (props(cluster).privateClusterConfig?.enablePrivateNodes !== true) {
        report(
          `PHI GKE cluster ${cluster.name} does not use private nodes (privateClusterConfig.enablePrivateNodes is not true); expected nodes without public IPs.`,
          cluster.urn,
        );
      }
    });

    judgeEach(ofType(resources, gcp.storageBucket).filter(phi), (bucket) => {
      const prevention = props(bucket).publicAccessPrevention;
      if (prevention !== "enforced") {
        report(
          `PHI Cloud Storage bucket ${bucket.name} has publicAccessPrevention ${JSON.stringify(prevention ?? "inherited")}; expected "enforced".`,
          bucket.urn,
        );
      }
    });

    judgeEach(ofType(resources, azure.cognitiveAccount).filter(phi), (account) => {
      const access = props(account).properties?.publicNetworkAccess;
      if (access !== "Disabled") {
        report(
          `PHI Cognitive Services account ${account.name} has publicNetworkAccess ${JSON.stringify(access ?? "Enabled (default)")}; expected "Disabled".`,
          account.urn,
        );
      }
    });

    judgeEach(ofType(resources, azure.storageAccount).filter(phi), (account) => {
      const access = props(account).publicNetworkAccess;
      if (access !== "Disabled") {
        report(
          `PHI storage account ${account.name} has publicNetworkAccess ${JSON.stringify(access ?? "Enabled (default)")}; expected "Disabled".`,
          account.urn,
        );
      }
    });

    const endpoints = ofType(resources, azure.privateEndpoint);
    judgeEach(ofType(resources, azure.healthWorkspace).filter(phi), (workspace) => {
      const linked = endpoints.some((endpoint) => {
        // A dependency decides without reading ids that are unknown until the workspace exists.
        const dependencies = endpoint.propertyDependencies?.["privateLinkServiceConnections"] ?? [];
        if (dependencies.length > 0) {
          return dependencies.some((d) => d.urn === workspace.urn);
        }
        const connections: Record<string, unknown>[] =
          props(endpoint).privateLinkServiceConnections ?? [];
        return connections.some(
          (c) =>
            typeof c.privateLinkServiceId === "string" &&
            matchesAzureId(c.privateLinkServiceId, workspace),
        );
      });
      if (!linked) {
        report(
          `PHI Health Data Services workspace ${workspace.name} has no private endpoint (no network.PrivateEndpoint whose privateLinkServiceConnections target it), so its FHIR services are reachable publicly; expected a private endpoint with group id healthcareworkspace.`,
          workspace.urn,
        );
      }
    });
  },
);
