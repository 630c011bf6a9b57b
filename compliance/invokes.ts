/**
 * Plausible results for the data-source functions programs commonly call, so a program runs offline without
 * credentials. Region, account, project and tenant come from the provider the call names (or the stack config).
 * Any other function fails with its token, so a missing mock is never silently `{}`.
 */
import { createHash } from "crypto";
import { parseAllDocuments } from "yaml";
import { PlanError } from "./errors";

const hex = (seed: string, length: number) =>
  createHash("sha256").update(seed).digest("hex").slice(0, length);

/** Default engine versions for aws.rds.getEngineVersion without a version: [version, parameter group family]. */
const rdsDefaults: Readonly<Record<string, [string, string]>> = {
  postgres: ["16.4", "postgres16"],
  mysql: ["8.0.39", "mysql8.0"],
  mariadb: ["10.11.9", "mariadb10.11"],
  "aurora-postgresql": ["16.4", "aurora-postgresql16"],
  "aurora-mysql": ["8.0.mysql_aurora.3.07.1", "aurora-mysql8.0"],
};

function rdsFamily(engine: string, version: string): string {
  const major = version.split(".")[0];
  if (engine === "mysql" || engine === "mariadb") {
    return `${engine}${version.split(".").slice(0, 2).join(".")}`;
  }
  if (engine === "aurora-mysql") {
    return "aurora-mysql8.0";
  }
  return `${engine}${major}`;
}

/** A made-up access key shaped as Azure's (64 bytes, base64): the plan never holds a real credential. */
const madeUpKey = (seed: string) => Buffer.from(hex(seed, 64), "hex").toString("base64").repeat(2);

function uuidOf(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The ARM envelope of an existing Azure resource read by its names: id, name, type, location, tags. */
function azureResource(
  ctx: InvokeContext,
  args: Record<string, any>,
  type: string,
  nameKey: string,
): Record<string, unknown> {
  const subscription =
    str(ctx.provider["subscriptionId"]) ?? "00000000-0000-4000-8000-000000000000";
  const name = String(args[nameKey] ?? "resource");
  return {
    id: `/subscriptions/${subscription}/resourceGroups/${args["resourceGroupName"]}/providers/${type}/${name}`,
    name,
    type,
    location: str(ctx.provider["location"]) ?? ctx.config["azure-native:location"] ?? "westus",
    tags: {},
  };
}

/** AKS credentials: one kubeconfig (base64) for the cluster, pointing at a made-up API server. */
function kubeconfigs(args: Record<string, any>, user: string): Record<string, unknown> {
  const cluster = String(args["resourceName"] ?? "cluster");
  const server = `https://${cluster}-${hex(cluster, 8)}.hcp.offline.azmk8s.io:443`;
  const kubeconfig = [
    "apiVersion: v1",
    "kind: Config",
    `clusters:\n- name: ${cluster}\n  cluster:\n    server: ${server}`,
    `users:\n- name: ${user}_${cluster}\n  user:\n    token: offline-plan-${hex(`${cluster}/${user}`, 32)}`,
    `contexts:\n- name: ${cluster}\n  context:\n    cluster: ${cluster}\n    user: ${user}_${cluster}`,
    `current-context: ${cluster}`,
    "",
  ].join("\n");
  return { kubeconfigs: [{ name: user, value: Buffer.from(kubeconfig).toString("base64") }] };
}

export interface InvokeContext {
  /** Inputs of the provider the call names, or of the stack's provider configuration. */
  readonly provider: Record<string, unknown>;
  readonly config: Readonly<Record<string, string>>;
}

type InvokeMock = (args: Record<string, any>, ctx: InvokeContext) => Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function awsRegion(ctx: InvokeContext): string {
  return str(ctx.provider["region"]) ?? ctx.config["aws:region"] ?? "us-east-1";
}

function awsAccount(ctx: InvokeContext): string {
  const allowed = ctx.provider["allowedAccountIds"];
  const fromProvider = Array.isArray(allowed) ? str(allowed[0]) : undefined;
  return fromProvider ?? "123456789012";
}

function asList(v: unknown): string[] {
  return v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string];
}

/** aws.iam.getPolicyDocument builds real JSON, since policies read the documents programs build with it. */
function policyDocument(args: Record<string, any>): Record<string, unknown> {
  const statements = ((args["statements"] ?? []) as Record<string, any>[]).map((s) => {
    const out: Record<string, unknown> = { Effect: s["effect"] ?? "Allow" };
    if (s["sid"]) {
      out["Sid"] = s["sid"];
    }
    for (const [from, to] of [
      ["actions", "Action"],
      ["notActions", "NotAction"],
      ["resources", "Resource"],
      ["notResources", "NotResource"],
    ] as const) {
      if (s[from] !== undefined) {
        const list = asList(s[from]);
        out[to] = list.length === 1 ? list[0] : list;
      }
    }
    for (const [from, to] of [
      ["principals", "Principal"],
      ["notPrincipals", "NotPrincipal"],
    ] as const) {
      if (s[from] !== undefined) {
        const principal: Record<string, unknown> = {};
        for (const p of s[from] as { type: string; identifiers: string[] }[]) {
          if (p.type === "*") {
            out[to] = "*";
            continue;
          }
          principal[p.type] = p.identifiers.length === 1 ? p.identifiers[0] : p.identifiers;
        }
        if (out[to] === undefined) {
          out[to] = principal;
        }
      }
    }
    if (s["conditions"] !== undefined) {
      const condition: Record<string, Record<string, unknown>> = {};
      for (const c of s["conditions"] as { test: string; variable: string; values: string[] }[]) {
        condition[c.test] = {
          ...condition[c.test],
          [c.variable]: c.values.length === 1 ? c.values[0] : c.values,
        };
      }
      out["Condition"] = condition;
    }
    return out;
  });
  const json = JSON.stringify({ Version: args["version"] ?? "2012-10-17", Statement: statements });
  return { id: "policy-document", json, minifiedJson: json };
}

export const invokeMocks: Readonly<Record<string, InvokeMock>> = {
  "aws:ec2/getAmi:getAmi": (args, ctx) => {
    const region = str(args["region"]) ?? awsRegion(ctx);
    const nameFilter = ((args["filters"] ?? []) as { name: string; values: string[] }[]).find(
      (f) => f.name === "name",
    );
    const name = (nameFilter?.values[0] ?? "offline-plan-image").replace(/\*/g, "20250101");
    const imageId = `ami-0${hex(`${region}/${name}`, 16)}`;
    const owner = asList(args["owners"])[0];
    return {
      id: imageId,
      imageId,
      arn: `arn:aws:ec2:${region}::image/${imageId}`,
      name,
      architecture: name.includes("arm64") ? "arm64" : "x86_64",
      ownerId: owner && /^\d{12}$/.test(owner) ? owner : "137112412989",
      imageOwnerAlias: owner && !/^\d{12}$/.test(owner) ? owner : "",
      rootDeviceName: "/dev/xvda",
      rootDeviceType: "ebs",
      virtualizationType: "hvm",
      hypervisor: "xen",
      enaSupport: true,
      state: "available",
      public: true,
      imageType: "machine",
      platformDetails: "Linux/UNIX",
      usageOperation: "RunInstances",
      bootMode: "uefi-preferred",
      creationDate: "2025-01-01T00:00:00.000Z",
      blockDeviceMappings: [],
      productCodes: [],
      tags: {},
      region,
      owners: asList(args["owners"]),
      filters: args["filters"] ?? [],
      mostRecent: args["mostRecent"] ?? false,
    };
  },
  "aws:organizations/getOrganization:getOrganization": (_a, ctx) => {
    const account = awsAccount(ctx);
    const org = `o-${hex(account, 10)}`;
    const root = `r-${hex(account, 4)}`;
    return {
      id: org,
      arn: `arn:aws:organizations::${account}:organization/${org}`,
      featureSet: "ALL",
      masterAccountId: account,
      masterAccountArn: `arn:aws:organizations::${account}:account/${org}/${account}`,
      masterAccountEmail: "aws-management@example.com",
      masterAccountName: "management",
      awsServiceAccessPrincipals: [],
      enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
      roots: [
        {
          id: root,
          arn: `arn:aws:organizations::${account}:root/${org}/${root}`,
          name: "Root",
          policyTypes: [{ status: "ENABLED", type: "SERVICE_CONTROL_POLICY" }],
        },
      ],
      accounts: [
        {
          id: account,
          arn: `arn:aws:organizations::${account}:account/${org}/${account}`,
          email: "aws-management@example.com",
          name: "management",
          status: "ACTIVE",
          state: "ACTIVE",
        },
      ],
      nonMasterAccounts: [],
    };
  },
  "aws:rds/getEngineVersion:getEngineVersion": (args, ctx) => {
    const engine = str(args["engine"]) ?? "postgres";
    const fallback = rdsDefaults[engine] ?? ["1.0", `${engine}1`];
    const version = str(args["version"]) ?? asList(args["preferredVersions"])[0] ?? fallback[0];
    return {
      id: engine,
      engine,
      version,
      versionActual: version,
      versionDescription: `${engine} ${version}`,
      engineDescription: engine,
      parameterGroupFamily: str(args["parameterGroupFamily"]) ?? rdsFamily(engine, version),
      defaultCharacterSet: "",
      status: "available",
      region: str(args["region"]) ?? awsRegion(ctx),
      exportableLogTypes: engine.includes("postgres")
        ? ["postgresql"]
        : ["error", "general", "slowquery"],
      supportedCharacterSets: [],
      supportedFeatureNames: [],
      supportedModes: [],
      supportedTimezones: [],
      supportsCertificateRotationWithoutRestart: true,
      supportsGlobalDatabases: engine.startsWith("aurora"),
      supportsIntegrations: false,
      supportsLimitlessDatabase: false,
      supportsLocalWriteForwarding: false,
      supportsLogExportsToCloudwatch: true,
      supportsParallelQuery: false,
      supportsReadReplica: true,
      validMajorTargets: [],
      validMinorTargets: [],
      validUpgradeTargets: [],
    };
  },
  "aws:ec2/getVpc:getVpc": (args, ctx) => {
    const region = str(args["region"]) ?? awsRegion(ctx);
    const id = str(args["id"]) ?? `vpc-0${hex(`${region}/default`, 16)}`;
    return {
      id,
      arn: `arn:aws:ec2:${region}:${awsAccount(ctx)}:vpc/${id}`,
      cidrBlock: str(args["cidrBlock"]) ?? "172.31.0.0/16",
      cidrBlockAssociations: [],
      default: args["default"] ?? true,
      dhcpOptionsId: `dopt-0${hex(region, 16)}`,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      enableNetworkAddressUsageMetrics: false,
      instanceTenancy: "default",
      mainRouteTableId: `rtb-0${hex(`${id}/main`, 16)}`,
      ownerId: awsAccount(ctx),
      region,
      state: "available",
      tags: args["tags"] ?? {},
    };
  },
  "aws:ec2/getSubnets:getSubnets": (args, ctx) => {
    const region = str(args["region"]) ?? awsRegion(ctx);
    const seed = JSON.stringify(args["filters"] ?? []);
    return {
      id: region,
      ids: ["a", "b", "c"].map((z) => `subnet-0${hex(`${seed}/${z}`, 16)}`),
      region,
      filters: args["filters"] ?? [],
      tags: args["tags"] ?? {},
    };
  },
  "aws:route53/getZone:getZone": (args, ctx) => {
    const name = `${(str(args["name"]) ?? "example.com").replace(/\.$/, "")}.`;
    const zoneId = str(args["zoneId"]) ?? `Z0${hex(name, 19).toUpperCase()}`;
    return {
      id: zoneId,
      zoneId,
      name,
      arn: `arn:aws:route53:::hostedzone/${zoneId}`,
      callerReference: "offline-plan",
      comment: "",
      linkedServiceDescription: "",
      linkedServicePrincipal: "",
      nameServers: [1, 2, 3, 4].map((n) => `ns-${n}.awsdns-offline.net`),
      primaryNameServer: "ns-1.awsdns-offline.net",
      privateZone: args["privateZone"] ?? false,
      resourceRecordSetCount: 2,
      tags: {},
      vpcId: str(args["vpcId"]) ?? "",
      account: awsAccount(ctx),
    };
  },
  "aws:index/getCallerIdentity:getCallerIdentity": (_a, ctx) => ({
    id: awsAccount(ctx),
    accountId: awsAccount(ctx),
    arn: `arn:aws:iam::${awsAccount(ctx)}:role/offline-plan`,
    userId: "AROAOFFLINEPLAN:offline",
  }),
  "aws:index/getRegion:getRegion": (_a, ctx) => ({
    id: awsRegion(ctx),
    name: awsRegion(ctx),
    region: awsRegion(ctx),
    endpoint: `ec2.${awsRegion(ctx)}.amazonaws.com`,
    description: awsRegion(ctx),
  }),
  "aws:index/getPartition:getPartition": () => ({
    id: "aws",
    partition: "aws",
    dnsSuffix: "amazonaws.com",
    reverseDnsPrefix: "com.amazonaws",
  }),
  "aws:index/getAvailabilityZones:getAvailabilityZones": (_a, ctx) => {
    const region = awsRegion(ctx);
    return {
      id: region,
      names: ["a", "b", "c"].map((z) => `${region}${z}`),
      zoneIds: [1, 2, 3].map((n) => `${region.replace(/-/g, "").slice(0, 4)}-az${n}`),
      groupNames: [region],
      state: "available",
    };
  },
  "aws:iam/getPolicyDocument:getPolicyDocument": (args) => policyDocument(args),
  "gcp:organizations/getClientConfig:getClientConfig": (_a, ctx) => ({
    id: "offline",
    project: str(ctx.provider["project"]) ?? ctx.config["gcp:project"] ?? "offline-project",
    region: str(ctx.provider["region"]) ?? ctx.config["gcp:region"] ?? "us-central1",
    zone: str(ctx.provider["zone"]) ?? "",
    accessToken: "offline-plan-token",
  }),
  "gcp:organizations/getProject:getProject": (args, ctx) => {
    const project = str(args["projectId"]) ?? str(ctx.provider["project"]) ?? "offline-project";
    return {
      id: `projects/${project}`,
      projectId: project,
      name: project,
      number: "100000000001",
      labels: {},
    };
  },
  "gcp:compute/getZones:getZones": (args, ctx) => {
    const region = str(args["region"]) ?? str(ctx.provider["region"]) ?? "us-central1";
    return {
      id: region,
      names: ["a", "b", "c"].map((z) => `${region}-${z}`),
      region,
      status: "UP",
    };
  },
  "gcp:compute/getDefaultServiceAccount:getDefaultServiceAccount": (args, ctx) => {
    const project = str(args["project"]) ?? str(ctx.provider["project"]) ?? "offline-project";
    const email = `100000000001-compute@developer.gserviceaccount.com`;
    return {
      id: `projects/${project}/serviceAccounts/${email}`,
      name: `projects/${project}/serviceAccounts/${email}`,
      email,
      member: `serviceAccount:${email}`,
      displayName: "Compute Engine default service account",
      project,
      uniqueId: "100000000000000000001",
    };
  },
  "gcp:container/getEngineVersions:getEngineVersions": (args, ctx) => {
    const version = "1.31.5-gke.1169000";
    const channels = {
      RAPID: "1.32.1-gke.1357001",
      REGULAR: version,
      STABLE: "1.30.9-gke.1201000",
    };
    return {
      id: "offline",
      location: str(args["location"]) ?? str(ctx.provider["region"]) ?? "us-central1",
      project: str(args["project"]) ?? str(ctx.provider["project"]) ?? "offline-project",
      defaultClusterVersion: version,
      latestMasterVersion: channels.RAPID,
      latestNodeVersion: channels.RAPID,
      validMasterVersions: Object.values(channels),
      validNodeVersions: Object.values(channels),
      releaseChannelDefaultVersion: channels,
      releaseChannelLatestVersion: channels,
      releaseChannelUpgradeTargetVersion: channels,
      versionPrefix: args["versionPrefix"] ?? "",
    };
  },
  "azure-native:storage:listStorageAccountKeys": (args) => ({
    keys: ["key1", "key2"].map((keyName) => ({
      keyName,
      // Shaped as a real key (64 bytes, base64), made up: the plan never holds a real credential.
      value: Buffer.from(hex(`${args["accountName"]}/${keyName}`, 64), "hex")
        .toString("base64")
        .repeat(2),
      permissions: "FULL",
      creationTime: "2025-01-01T00:00:00.0000000Z",
    })),
  }),
  "azure-native:storage:listStorageAccountSAS": (args) => ({
    accountSasToken:
      `sv=2022-11-02&ss=${args["services"] ?? "b"}&srt=${args["resourceTypes"] ?? "sco"}` +
      `&sp=${args["permissions"] ?? "r"}&se=${encodeURIComponent(String(args["sharedAccessExpiryTime"] ?? "2030-01-01T00:00:00Z"))}` +
      `&spr=https&sig=${hex(String(args["accountName"]), 32)}`,
  }),
  "azure-native:storage:listStorageAccountServiceSAS": (args) => ({
    serviceSasToken:
      `sv=2022-11-02&sr=${args["resource"] ?? "c"}&sp=${args["permissions"] ?? "r"}` +
      `&se=${encodeURIComponent(String(args["sharedAccessExpiryTime"] ?? "2030-01-01T00:00:00Z"))}` +
      `&spr=https&sig=${hex(`${args["accountName"]}/${args["canonicalizedResource"] ?? ""}`, 32)}`,
  }),
  // Kubernetes YAML (yaml.ConfigFile / ConfigGroup) is parsed by the provider; parsing it needs no cluster.
  "kubernetes:yaml:decode": (args) => ({
    result: parseAllDocuments(String(args["text"] ?? ""))
      .map((d) => d.toJSON())
      .filter((o) => o !== null && o !== undefined),
  }),
  // Keys, credentials and kubeconfigs programs read back from resources they create (shaped as real ones, made up).
  "azure-native:operationalinsights:getSharedKeys": (args) => ({
    primarySharedKey: madeUpKey(`${args["workspaceName"]}/primary`),
    secondarySharedKey: madeUpKey(`${args["workspaceName"]}/secondary`),
  }),
  "azure-native:operationalinsights:getWorkspace": (args, ctx) => ({
    ...azureResource(ctx, args, "Microsoft.OperationalInsights/workspaces", "workspaceName"),
    customerId: uuidOf(`${args["workspaceName"]}/customer`),
    provisioningState: "Succeeded",
    retentionInDays: 30,
    sku: { name: "PerGB2018" },
    publicNetworkAccessForIngestion: "Enabled",
    publicNetworkAccessForQuery: "Enabled",
    privateLinkScopedResources: [],
    createdDate: "2025-01-01T00:00:00Z",
    modifiedDate: "2025-01-01T00:00:00Z",
  }),
  "azure-native:containerregistry:listRegistryCredentials": (args) => ({
    username: String(args["registryName"] ?? "registry"),
    passwords: ["password", "password2"].map((name) => ({
      name,
      value: hex(`${args["registryName"]}/${name}`, 32),
    })),
  }),
  "azure-native:documentdb:listDatabaseAccountKeys": (args) => ({
    primaryMasterKey: madeUpKey(`${args["accountName"]}/primary`),
    secondaryMasterKey: madeUpKey(`${args["accountName"]}/secondary`),
    primaryReadonlyMasterKey: madeUpKey(`${args["accountName"]}/primary-ro`),
    secondaryReadonlyMasterKey: madeUpKey(`${args["accountName"]}/secondary-ro`),
  }),
  "azure-native:documentdb:listDatabaseAccountConnectionStrings": (args) => ({
    connectionStrings: ["Primary", "Secondary"].map((kind) => ({
      connectionString: `AccountEndpoint=https://${args["accountName"]}.documents.azure.com:443/;AccountKey=${madeUpKey(`${args["accountName"]}/${kind}`)};`,
      description: `${kind} SQL Connection String`,
      keyKind: kind,
      type: "Sql",
    })),
  }),
  "azure-native:network:getPublicIPAddress": (args, ctx) => {
    const name = String(args["publicIpAddressName"] ?? "ip");
    const octet = (i: number) => parseInt(hex(`${name}/${i}`, 2), 16) % 250;
    return {
      ...azureResource(ctx, args, "Microsoft.Network/publicIPAddresses", "publicIpAddressName"),
      // Documentation range (RFC 5737): never a real host.
      ipAddress: `203.0.113.${octet(1) + 1}`,
      publicIPAddressVersion: "IPv4",
      publicIPAllocationMethod: "Static",
      provisioningState: "Succeeded",
      resourceGuid: uuidOf(`${name}/guid`),
      etag: `W/"${uuidOf(`${name}/etag`)}"`,
      ipConfiguration: {},
    };
  },
  "azure-native:containerservice:listManagedClusterUserCredentials": (args) =>
    kubeconfigs(args, "clusterUser"),
  "azure-native:containerservice:listManagedClusterAdminCredentials": (args) =>
    kubeconfigs(args, "clusterAdmin"),
  "azure-native:authorization:getClientToken": () => ({ token: "offline-plan-token" }),
  "azure-native:web:listWebAppPublishingCredentials": (args, ctx) => ({
    ...azureResource(ctx, args, "Microsoft.Web/sites/config", "name"),
    name: "publishingcredentials",
    publishingUserName: `$${args["name"]}`,
    publishingPassword: hex(`${args["name"]}/publishing`, 40),
    scmUri: `https://$${args["name"]}:offline@${args["name"]}.scm.azurewebsites.net`,
  }),
  "azure-native:logic:listWorkflowTriggerCallbackUrl": (args, ctx) => {
    const base = `https://prod-00.${ctx.config["azure-native:location"] ?? "westus"}.logic.azure.com/workflows/${hex(String(args["workflowName"]), 32)}/triggers/${args["triggerName"]}`;
    return {
      basePath: `${base}/paths/invoke`,
      method: "POST",
      relativePath: "",
      relativePathParameters: [],
      queries: {
        apiVersion: "2016-10-01",
        sp: `/triggers/${args["triggerName"]}/run`,
        sv: "1.0",
        sig: hex(base, 43),
      },
      value: `${base}/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers%2F${args["triggerName"]}%2Frun&sv=1.0&sig=${hex(base, 43)}`,
    };
  },
  "azure:core/getClientConfig:getClientConfig": (_a, ctx) => ({
    id: "offline",
    clientId: "00000000-0000-4000-8000-00000000c11e",
    objectId: "00000000-0000-4000-8000-0000000000b1",
    subscriptionId: str(ctx.provider["subscriptionId"]) ?? "00000000-0000-4000-8000-000000000000",
    tenantId: str(ctx.provider["tenantId"]) ?? "00000000-0000-4000-8000-000000000000",
  }),
  "aws:ecr/getAuthorizationToken:getAuthorizationToken": (args, ctx) => {
    const region = str(args["region"]) ?? awsRegion(ctx);
    const registryId = str(args["registryId"]) ?? awsAccount(ctx);
    const password = `offline-plan-${hex(`${registryId}/${region}`, 24)}`;
    return {
      id: region,
      region,
      registryId,
      userName: "AWS",
      password,
      authorizationToken: Buffer.from(`AWS:${password}`).toString("base64"),
      proxyEndpoint: `https://${registryId}.dkr.ecr.${region}.amazonaws.com`,
      expiresAt: "2030-01-01T00:00:00Z",
    };
  },
  "azure-native:authorization:getClientConfig": (_a, ctx) => ({
    clientId: "00000000-0000-4000-8000-00000000c11e",
    objectId: "00000000-0000-4000-8000-0000000000b1",
    subscriptionId: str(ctx.provider["subscriptionId"]) ?? "00000000-0000-4000-8000-000000000000",
    tenantId: str(ctx.provider["tenantId"]) ?? "00000000-0000-4000-8000-000000000000",
  }),
};

// azure-native 3 renamed the documentdb module to cosmosdb: the same functions under both tokens.
for (const fn of ["listDatabaseAccountKeys", "listDatabaseAccountConnectionStrings"]) {
  (invokeMocks as Record<string, InvokeMock>)[`azure-native:cosmosdb:${fn}`] =
    invokeMocks[`azure-native:documentdb:${fn}`];
}

export function mockInvoke(
  token: string,
  args: Record<string, any>,
  ctx: InvokeContext,
): Record<string, unknown> {
  const mock = invokeMocks[token];
  if (!mock) {
    const helm =
      token === "kubernetes:helm:template"
        ? " (a Helm v3 Chart renders its templates with helm, which needs the chart)"
        : "";
    throw new PlanError(
      "program",
      `The program calls the function "${token}", which has no offline mock${helm}. To plan it offline, either ` +
        `add a mock returning a plausible result to invokeMocks in compliance/invokes.ts, or have the program take ` +
        `that value from stack configuration instead of looking it up. Mocked functions: ` +
        `${Object.keys(invokeMocks).join(", ")}.`,
    );
  }
  return mock(args, ctx);
}
