/**
 * The one set of Pulumi mocks for component tests. Every registered resource is recorded with its type, name, inputs
 * and provider; computed outputs (ARNs, URLs, ids) are derived from names the way AWS builds them, and a test may add
 * its own; an invoke without a mock throws with its token, so nothing reaches a cloud and nothing passes by accident.
 *
 * - `installMocks()` (await it in beforeAll, then import the code under test): the AWS data sources (region, zones,
 *   caller identity) answer for the account and region below, and GCP's project lookup for `project`. GCP ids and
 *   computed outputs (key paths, service account addresses, the cluster's endpoint) are derived from the inputs the
 *   way GCP builds them.
 * - `setupMocks(invokes, outputs)`: no data source answers unless the test supplies it; `outputs` adds or overrides
 *   computed outputs per resource.
 */
import * as pulumi from "@pulumi/pulumi";

export interface Recorded {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  readonly provider?: string;
  readonly custom: boolean;
}

type Invokes = Record<string, (inputs: Record<string, any>) => Record<string, unknown>>;

export const region = "eu-central-1";
export const account = "210987654321";

/** An ARN in the mocked account and region. */
export const arn = (service: string, resource: string): string =>
  `arn:aws:${service}:${region}:${account}:${resource}`;
/** The platform CMK the component tests pass in. */
export const key = arn("kms", "key/k1");

/** The GCP project of the GCP and Kubernetes component tests. */
export const project = "mediconnect-prod-eu";
/** A key id as ServiceKeys would hand it to a store. */
export const keyId = (location: string, name: string): string =>
  `projects/${project}/locations/${location}/keyRings/mc-eu-cmek-${name}/cryptoKeys/mc-eu-cmek-${name}-key`;

/** The Azure subscription, tenant, resource group and audit workspace of the Azure component tests. */
export const subscription = "00000000-0000-4000-8000-000000000002";
export const tenant = "00000000-0000-4000-8000-0000000000bb";
export const group = "mc-eu-platform";
export const workspaceId = `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.OperationalInsights/workspaces/mc-eu-audit`;

/** The ARM id of an Azure resource: provider namespace and type from its token, name from its inputs. */
export function armId(type: string, name: string): string {
  const [, module, resource] = type.split(":");
  return `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.${module}/${resource}/${name}`;
}

/** Azure resources whose physical name input is not `<resource>Name`. */
const azureNameInput: Readonly<Record<string, string>> = {
  "azure-native:storage:StorageAccount": "accountName",
  "azure-native:storage:BlobContainer": "containerName",
  "azure-native:managedidentity:UserAssignedIdentity": "resourceName",
  "azure-native:app:ManagedEnvironment": "environmentName",
  "azure-native:apimanagement:ApiManagementService": "serviceName",
  "azure-native:apimanagement:Api": "apiId",
};

/** The physical name a resource reports: Azure's from its `<resource>Name` input, others' from `name`. */
function physicalNameOf(type: string, name: string, inputs: Record<string, any>): string {
  if (type.startsWith("azure-native:")) {
    const resource = type.split(":")[2] ?? "";
    return (
      inputs[`${resource.charAt(0).toLowerCase()}${resource.slice(1)}Name`] ??
      inputs[azureNameInput[type] ?? ""] ??
      name
    );
  }
  return inputs["name"] ?? name;
}

/** The id the provider gives a resource: GCP resources by their path, an S3 bucket by its name, others by name. */
function idOf(type: string, name: string, inputs: Record<string, any>): string {
  switch (type) {
    case "aws:s3/bucket:Bucket":
      return String(inputs["bucket"]);
    case "gcp:kms/keyRing:KeyRing":
      return `projects/${project}/locations/${inputs["location"]}/keyRings/${inputs["name"]}`;
    case "gcp:kms/cryptoKey:CryptoKey":
      return `${inputs["keyRing"]}/cryptoKeys/${inputs["name"]}`;
    case "gcp:compute/network:Network":
      return `projects/${project}/global/networks/${inputs["name"]}`;
    case "gcp:compute/subnetwork:Subnetwork":
      return `projects/${project}/regions/${inputs["region"]}/subnetworks/${inputs["name"]}`;
    case "gcp:container/cluster:Cluster":
      return `projects/${project}/locations/${inputs["location"]}/clusters/${inputs["name"]}`;
    default:
      return `${name}-id`;
  }
}

function computed(
  type: string,
  name: string,
  inputs: Record<string, any>,
): Record<string, unknown> {
  const physical = inputs["name"] ?? name;
  switch (type) {
    case "aws:kms/key:Key":
      return { keyId: `key-${name}`, arn: arn("kms", `key/key-${name}`) };
    case "aws:sqs/queue:Queue":
      return {
        arn: arn("sqs", physical),
        url: `https://sqs.${region}.amazonaws.com/${account}/${physical}`,
      };
    case "aws:sns/topic:Topic":
      return { arn: arn("sns", physical) };
    case "aws:kinesis/stream:Stream":
      return { arn: arn("kinesis", `stream/${physical}`) };
    case "aws:dynamodb/table:Table":
      return { arn: arn("dynamodb", `table/${physical}`) };
    case "aws:lambda/function:Function":
      return {
        arn: arn("lambda", `function:${physical}`),
        invokeArn: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arn("lambda", `function:${physical}`)}/invocations`,
      };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { arn: arn("logs", `log-group:${physical}`) };
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${account}:role/${physical}` };
    case "aws:s3/bucket:Bucket":
      return { arn: `arn:aws:s3:::${inputs["bucket"]}` };
    case "aws:cloudtrail/trail:Trail":
      return { arn: arn("cloudtrail", `trail/${physical}`) };
    case "aws:cloudwatch/eventRule:EventRule":
      return { arn: arn("events", `rule/${physical}`) };
    case "aws:secretsmanager/secret:Secret":
      return { arn: arn("secretsmanager", `secret:${physical}-AbCdEf`) };
    case "aws:ec2/vpcEndpoint:VpcEndpoint":
      return { prefixListId: `pl-${name}` };
    case "aws:apigatewayv2/api:Api":
      return { apiEndpoint: `https://${name}-id.execute-api.${region}.amazonaws.com` };
    case "aws:signer/signingProfile:SigningProfile": {
      // The provider appends Terraform's 26-digit unique suffix to a name prefix.
      const profile = inputs["name"] ?? `${inputs["namePrefix"]}20250101000000000000000001`;
      return {
        name: profile,
        version: "Ab12Cd34Ef",
        versionArn: arn("signer", `/signing-profiles/${profile}/Ab12Cd34Ef`),
      };
    }
    case "aws:signer/signingJob:SigningJob": {
      const jobId = `${name}-job`;
      const destination = inputs["destination"]["s3"];
      return {
        jobId,
        status: "Succeeded",
        signedObjects: [
          { s3s: [{ bucket: destination["bucket"], key: `${destination["prefix"]}${jobId}.zip` }] },
        ],
      };
    }
    case "aws:lambda/codeSigningConfig:CodeSigningConfig":
      return {
        configId: "csc-0123456789abcdef0",
        arn: arn("lambda", "code-signing-config:csc-0123456789abcdef0"),
      };
    case "aws:s3/bucketObjectv2:BucketObjectv2":
      return { versionId: `${name}-v1`, etag: `${name}-etag` };
    case "aws:cognito/userPool:UserPool":
      return { arn: arn("cognito-idp", `userpool/${name}-id`) };
    case "gcp:serviceaccount/account:Account": {
      const email = `${inputs["accountId"]}@${project}.iam.gserviceaccount.com`;
      return {
        email,
        member: `serviceAccount:${email}`,
        name: `projects/${project}/serviceAccounts/${email}`,
      };
    }
    case "gcp:projects/iAMCustomRole:IAMCustomRole":
      return { name: `projects/${project}/roles/${inputs["roleId"]}` };
    case "gcp:container/cluster:Cluster":
      return {
        endpoint: "172.16.0.34",
        masterAuth: { ...inputs["masterAuth"], clusterCaCertificate: "Q0EtREFUQQ==" },
      };
    case "gcp:logging/projectSink:ProjectSink":
      return { writerIdentity: "serviceAccount:service-1@gcp-sa-logging.iam.gserviceaccount.com" };
    case "azure-native:managedidentity:UserAssignedIdentity":
      return { principalId: `${name}-principal`, clientId: `${name}-client` };
    case "azure-native:keyvault:Vault":
      return {
        properties: {
          ...inputs["properties"],
          vaultUri: `https://${inputs["vaultName"]}.vault.azure.net/`,
        },
      };
    case "azure-native:keyvault:Key": {
      const uri = `https://${inputs["vaultName"]}.vault.azure.net/keys/${inputs["keyName"]}`;
      return { keyUri: uri, keyUriWithVersion: `${uri}/v1` };
    }
    case "azure-native:app:ManagedEnvironment":
      return {
        defaultDomain: "calm-sea-1234.germanywestcentral.azurecontainerapps.io",
        staticIp: "10.60.1.250",
      };
    case "azure-native:app:ContainerApp":
      return {
        configuration: {
          ...inputs["configuration"],
          ingress: {
            ...inputs["configuration"]?.["ingress"],
            fqdn: `${inputs["containerAppName"]}.calm-sea-1234.germanywestcentral.azurecontainerapps.io`,
          },
        },
      };
    case "azure-native:apimanagement:ApiManagementService":
      return { gatewayUrl: `https://${inputs["serviceName"]}.azure-api.net` };
    default:
      return {};
  }
}

/** The data sources the components call: AWS answering for `account` in `region`, GCP for `project`. */
export const awsInvokes: Invokes = {
  "aws:index/getRegion:getRegion": () => ({ id: region, name: region, region }),
  "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({
    id: region,
    names: ["a", "b", "c"].map((z) => `${region}${z}`),
    state: "available",
  }),
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    id: account,
    accountId: account,
    arn: `arn:aws:iam::${account}:user/test`,
    userId: "test",
  }),
  "gcp:organizations/getProject:getProject": () => ({
    id: `projects/${project}`,
    projectId: project,
    name: project,
    number: "100000000001",
  }),
};

function mocks(
  invokes: Invokes,
  outputs: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown>,
): { recorded: Recorded[]; installed: Promise<void> } {
  const recorded: Recorded[] = [];
  const installed = pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        recorded.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          provider: args.provider,
          custom: args.custom ?? true,
        });
        return {
          id: idOf(args.type, args.name, args.inputs),
          state: {
            ...args.inputs,
            name: physicalNameOf(args.type, args.name, args.inputs),
            ...(args.type.startsWith("aws:")
              ? {
                  arn: `arn:aws:${args.type.split(":")[1]?.split("/")[0]}:${region}:${account}:${args.name}`,
                }
              : {}),
            ...computed(args.type, args.name, args.inputs),
            ...outputs(args),
          },
        };
      },
      call: (args) => {
        const mock = invokes[args.token];
        if (!mock) {
          throw new Error(`unexpected invoke ${args.token}`);
        }
        return mock(args.inputs);
      },
    },
    "mediconnect",
    "test",
    false,
  );
  return { recorded, installed };
}

/**
 * Installs the mocks with the given data sources and extra outputs; returns the list every registration is added
 * to. Call before importing the code under test.
 */
export function setupMocks(
  invokes: Invokes = {},
  outputs: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown> = () => ({}),
): Recorded[] {
  return mocks(invokes, outputs).recorded;
}

/** The mocks with the AWS data sources answering; await it in beforeAll before importing the code under test. */
export async function installMocks(): Promise<Recorded[]> {
  const { recorded, installed } = mocks(awsInvokes, () => ({}));
  await installed;
  return recorded;
}

/** The value of an output, awaited (never assert inside an un-awaited apply). */
export function valueOf<T>(output: pulumi.Input<T> | pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

/** Another name of `valueOf`, which older tests use. */
export const promiseOf = valueOf;

/** Waits until every registration the program started has reached the mocks. */
export async function settled(): Promise<void> {
  // waitForRPCs is internal to the SDK, so its typings do not declare it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
  await settings.waitForRPCs();
}

/** `settled`, then one more turn so that applies on the answered registrations have run. */
export async function settle(): Promise<void> {
  await settled();
  await new Promise((r) => setTimeout(r, 50));
}

/** The one resource of a type; fails loudly otherwise. */
export function only(recorded: readonly Recorded[], type: string): Recorded {
  const found = recorded.filter((r) => r.type === type);
  if (found.length !== 1) {
    throw new Error(
      `expected one ${type}, found ${found.length}: ${recorded.map((r) => r.type).join(", ")}`,
    );
  }
  return found[0];
}

export function byType(recorded: readonly Recorded[], type: string): Recorded[] {
  return recorded.filter((r) => r.type === type);
}

/** The one resource of a type and name; fails loudly otherwise. */
export function one(recorded: readonly Recorded[], type: string, name: string): Recorded {
  const found = recorded.filter((r) => r.type === type && r.name === name);
  if (found.length !== 1) {
    throw new Error(
      `expected one ${type} named ${name}, found ${found.length}: ${recorded.map((r) => `${r.type}::${r.name}`).join(", ")}`,
    );
  }
  return found[0];
}

export function policyOf(
  resource: Recorded,
  field = "policy",
): { Statement: Record<string, any>[] } {
  return JSON.parse(resource.inputs[field]);
}

export function statement(resource: Recorded, sid: string, field = "policy"): Record<string, any> {
  const found = policyOf(resource, field).Statement.find((s) => s["Sid"] === sid);
  if (!found) {
    throw new Error(`no statement ${sid} in ${resource.type}::${resource.name}`);
  }
  return found;
}

/** A stack's code signing as components receive it (what CodeSigning exposes), for tests of its consumers. */
export const codeSigning = {
  bucketName: `mc-eu-code-signing-artifacts-${account}`,
  profileName: "mc_eu_code_signing_20250101000000000000000001",
  configArn: `arn:aws:lambda:${region}:${account}:code-signing-config:csc-0123456789abcdef0`,
} as const;

/**
 * How the NodeFunction `name` is deployed: its signing job's profile and destination, and the function's code
 * signing configuration and code location.
 */
export function signedDeployment(recorded: readonly Recorded[], name: string): unknown[] {
  const job = one(recorded, "aws:signer/signingJob:SigningJob", `${name}-signing`).inputs;
  const f = one(recorded, "aws:lambda/function:Function", `${name}-function`).inputs;
  return [job.profileName, job.destination, f.codeSigningConfigArn, f.s3Bucket, f.s3Key];
}
