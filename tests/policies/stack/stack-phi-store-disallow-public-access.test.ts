import { stackPhiStoreDisallowPublicAccess as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { awsProvider, controls, lambdaFunction, phiLabels, resource, s3Bucket } from "./fixtures";

const c = controls.publicAccess;
const bucket = s3Bucket("mc-eu-records");
const block = resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "records-pab", {
  bucket: "mc-eu-records",
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
});
const fn = lambdaFunction("video-meeting");
const url = (authorizationType?: string) =>
  resource("aws:lambda/functionUrl:FunctionUrl", "meeting-url", {
    functionName: "video-meeting",
    ...(authorizationType ? { authorizationType } : {}),
  });
const route = (routeKey: string, authorizationType?: string) =>
  resource("aws:apigatewayv2/route:Route", routeKey.replace(/[^a-z]/gi, "-").toLowerCase(), {
    apiId: "a1b2c3",
    routeKey,
    ...(authorizationType ? { authorizationType, authorizerId: "auth1" } : {}),
  });
const cluster = (privateClusterConfig?: Record<string, unknown>) =>
  resource("gcp:container/cluster:Cluster", "phi-gke", {
    location: "europe-west3",
    resourceLabels: phiLabels,
    ...(privateClusterConfig ? { privateClusterConfig } : {}),
  });
const gcsBucket = (publicAccessPrevention?: string) =>
  resource("gcp:storage/bucket:Bucket", "imaging", {
    location: "EU",
    labels: phiLabels,
    ...(publicAccessPrevention ? { publicAccessPrevention } : {}),
  });
const openai = (publicNetworkAccess?: string) =>
  resource("azure-native:cognitiveservices:Account", "openai", {
    kind: "OpenAI",
    tags: phiLabels,
    properties: publicNetworkAccess ? { publicNetworkAccess } : {},
  });
const storage = (publicNetworkAccess?: string) =>
  resource("azure-native:storage:StorageAccount", "phistore", {
    tags: phiLabels,
    ...(publicNetworkAccess ? { publicNetworkAccess } : {}),
  });
const workspace = resource("azure-native:healthcareapis:Workspace", "health", {
  name: "mcws",
  tags: phiLabels,
});
const endpoint = (privateLinkServiceId: unknown, deps?: Record<string, string[]>) =>
  resource(
    "azure-native:network:PrivateEndpoint",
    "health-pe",
    {
      privateLinkServiceConnections: [
        { name: "health", privateLinkServiceId, groupIds: ["healthcareworkspace"] },
      ],
    },
    deps,
  );
const workspaceId =
  "/subscriptions/s/resourceGroups/mc-eu-platform/providers/Microsoft.HealthcareApis/workspaces/mcws";

describe("stack-phi-store-disallow-public-access", () => {
  it("passes private stores and authorised endpoints on every cloud", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      bucket,
      block,
      fn,
      url("AWS_IAM"),
      route("POST /appointments", "JWT"),
      route("OPTIONS /appointments"),
      cluster({ enablePrivateNodes: true, enablePrivateEndpoint: true }),
      gcsBucket("enforced"),
      openai("Disabled"),
      storage("Disabled"),
      workspace,
      endpoint(workspaceId),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("reports each public path on the offending resource", async () => {
    const publicUrl = url("NONE");
    const openRoute = route("GET /patients", "NONE");
    const gke = cluster({ enablePrivateNodes: false });
    const gcs = gcsBucket("inherited");
    const ai = openai("Enabled");
    const st = storage("Enabled");
    const out = await checkStack(policy, [
      awsProvider(),
      bucket,
      fn,
      publicUrl,
      openRoute,
      gke,
      gcs,
      ai,
      st,
      workspace,
      endpoint("/subscriptions/s/other"),
    ]);
    expect(out.byUrn).toEqual([
      {
        urn: bucket.urn,
        message: `PHI S3 bucket mc-eu-records may be made public: no BucketPublicAccessBlock refers to it and no account-level block sets all four flags; expected a public access block with all four flags true. ${c}`,
      },
      {
        urn: publicUrl.urn,
        message: `Lambda function URL meeting-url has authorizationType "NONE": anyone on the internet can invoke video-meeting; expected AWS_IAM. ${c}`,
      },
      {
        urn: openRoute.urn,
        message: `API Gateway v2 route get--patients (GET /patients) has no authorizer (authorizationType NONE); expected JWT, AWS_IAM or CUSTOM. ${c}`,
      },
      {
        urn: gke.urn,
        message: `PHI GKE cluster phi-gke does not use private nodes (privateClusterConfig.enablePrivateNodes is not true); expected nodes without public IPs. ${c}`,
      },
      {
        urn: gcs.urn,
        message: `PHI Cloud Storage bucket imaging has publicAccessPrevention "inherited"; expected "enforced". ${c}`,
      },
      {
        urn: ai.urn,
        message: `PHI Cognitive Services account openai has publicNetworkAccess "Enabled"; expected "Disabled". ${c}`,
      },
      {
        urn: st.urn,
        message: `PHI storage account phistore has publicNetworkAccess "Enabled"; expected "Disabled". ${c}`,
      },
      {
        urn: workspace.urn,
        message: `PHI Health Data Services workspace health has no private endpoint (no network.PrivateEndpoint whose privateLinkServiceConnections target it), so its FHIR services are reachable publicly; expected a private endpoint with group id healthcareworkspace. ${c}`,
      },
    ]);
  });

  it("reports absent settings by their insecure defaults", async () => {
    const out = await checkStack(policy, [route("GET /vitals"), cluster(), openai(), storage()]);
    expect(out.violations).toEqual([
      `API Gateway v2 route get--vitals (GET /vitals) has no authorizer (authorizationType NONE); expected JWT, AWS_IAM or CUSTOM. ${c}`,
      `PHI GKE cluster phi-gke does not use private nodes (privateClusterConfig.enablePrivateNodes is not true); expected nodes without public IPs. ${c}`,
      `PHI Cognitive Services account openai has publicNetworkAccess "Enabled (default)"; expected "Disabled". ${c}`,
      `PHI storage account phistore has publicNetworkAccess "Enabled (default)"; expected "Disabled". ${c}`,
    ]);
  });

  it("skips stores that are not PHI (classification, or unlabelled with unlabelledIsPhi false)", async () => {
    const publicSite = s3Bucket("mc-eu-site", { tags: { "data-classification": "public" } });
    expect((await checkStack(policy, [publicSite])).violations).toEqual([]);
    expect(
      (await checkStack(policy, [s3Bucket("scratch")], { unlabelledIsPhi: false })).violations,
    ).toEqual([]);
    expect((await checkStack(policy, [s3Bucket("scratch")])).violations).toHaveLength(1);
  });

  it("decides the private endpoint by dependency while the workspace id is unknown", async () => {
    expect(
      (
        await checkStack(policy, [
          workspace,
          endpoint(unknown, { privateLinkServiceConnections: [workspace.urn] }),
        ])
      ).violations,
    ).toEqual([]);
  });

  it("is indeterminate when a deciding value is unknown", async () => {
    expect(await checkStack(policy, [workspace, endpoint(unknown)])).toMatchObject({
      violations: [],
      indeterminate: true,
    });
    expect(await checkStack(policy, [cluster({ enablePrivateNodes: unknown })])).toMatchObject({
      indeterminate: true,
    });
  });
});
