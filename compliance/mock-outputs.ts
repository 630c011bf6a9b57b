/**
 * Outputs of a resource after a mock create: its inputs, plus the computed properties programs commonly read
 * (ids, ARNs, names, URIs), derived deterministically from the inputs so reports are stable between runs. Every
 * other output is left out, which a preview-mode run reads as unknown, as a real preview does. A computed value
 * derived from an input that is itself unknown is unknown too.
 */
import { createHash } from "crypto";
import type * as pulumi from "@pulumi/pulumi";

function stableId(seed: string, length = 8): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

function uuidFrom(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Computed = (
  inputs: Record<string, any>,
  name: string,
  ctx: { region: string; account: string },
) => Record<string, unknown>;

const byType: Readonly<Record<string, Computed>> = {
  "aws:kms/key:Key": (_i, name, c) => {
    const keyId = uuidFrom(name);
    return { keyId, arn: `arn:aws:kms:${c.region}:${c.account}:key/${keyId}` };
  },
  "aws:kms/alias:Alias": (i, _n, c) => ({
    arn: `arn:aws:kms:${c.region}:${c.account}:${i["name"]}`,
  }),
  // Terraform's unique suffix for name prefixes: a timestamp and a counter, 26 digits.
  "aws:signer/signingProfile:SigningProfile": (i, name, c) => {
    const profileName =
      i["name"] ??
      `${i["namePrefix"] ?? ""}${BigInt(`0x${stableId(name, 20)}`)
        .toString()
        .padStart(26, "0")
        .slice(-26)}`;
    const version = stableId(`${name}/version`, 10);
    const arn = `arn:aws:signer:${c.region}:${c.account}:/signing-profiles/${profileName}`;
    return {
      name: profileName,
      arn,
      version,
      versionArn: `${arn}/${version}`,
      platformDisplayName: "AWS Lambda",
      status: "Active",
    };
  },
  "aws:signer/signingJob:SigningJob": (i, name, c) => {
    const jobId = uuidFrom(name);
    const destination = i["destination"]?.["s3"] ?? {};
    return {
      jobId,
      jobOwner: c.account,
      status: "Succeeded",
      platformId: "AWSLambda-SHA384-ECDSA",
      // Signer writes the signed package as <prefix><jobId>.zip into the destination bucket.
      signedObjects: [
        {
          s3s: [
            { bucket: destination["bucket"], key: `${destination["prefix"] ?? ""}${jobId}.zip` },
          ],
        },
      ],
    };
  },
  "aws:lambda/codeSigningConfig:CodeSigningConfig": (_i, name, c) => {
    const configId = `csc-${stableId(name, 17)}`;
    return {
      configId,
      arn: `arn:aws:lambda:${c.region}:${c.account}:code-signing-config:${configId}`,
    };
  },
  "aws:s3/bucketObjectv2:BucketObjectv2": (i, name) => ({
    versionId: stableId(`${name}/${i["sourceHash"] ?? ""}`, 32),
    etag: stableId(`${name}/${i["sourceHash"] ?? ""}/etag`, 32),
  }),
  "azure-native:keyvault:Vault": (i) => ({
    properties: {
      ...(i["properties"] ?? {}),
      vaultUri: `https://${i["vaultName"]}.vault.azure.net/`,
    },
  }),
  "azure-native:keyvault:Key": (i) => {
    const uri = `https://${i["vaultName"]}.vault.azure.net/keys/${i["keyName"]}`;
    return { keyUri: uri, keyUriWithVersion: `${uri}/${stableId(String(i["keyName"]), 32)}` };
  },
  // --- Azure computed outputs (issue 13): identities, Container Apps, API Management, physical names.
  "azure-native:managedidentity:UserAssignedIdentity": (i, name) => ({
    name: i["resourceName"] ?? name,
    principalId: uuidFrom(`${i["resourceName"]}/principal`),
    clientId: uuidFrom(`${i["resourceName"]}/client`),
    tenantId: uuidFrom("tenant"),
  }),
  "azure-native:app:ManagedEnvironment": (i, name) => ({
    name: i["environmentName"] ?? name,
    defaultDomain: `${stableId(String(i["environmentName"]), 12)}.${i["location"]}.azurecontainerapps.io`,
    staticIp: `10.0.${parseInt(stableId(String(i["environmentName"]), 2), 16) % 250}.10`,
  }),
  "azure-native:app:ContainerApp": (i) => ({
    configuration: {
      ...(i["configuration"] ?? {}),
      ingress: {
        ...(i["configuration"]?.["ingress"] ?? {}),
        fqdn: `${i["containerAppName"]}.${stableId(String(i["environmentId"]), 12)}.${i["location"]}.azurecontainerapps.io`,
      },
    },
  }),
  "azure-native:apimanagement:ApiManagementService": (i, name) => ({
    name: i["serviceName"] ?? name,
    gatewayUrl: `https://${i["serviceName"]}.azure-api.net`,
  }),
  // Resources whose physical name input is not `<resource>Name`.
  "azure-native:storage:StorageAccount": (i, name) => ({ name: i["accountName"] ?? name }),
  "azure-native:storage:BlobContainer": (i, name) => ({ name: i["containerName"] ?? name }),
  "azure-native:apimanagement:Api": (i, name) => ({ name: i["apiId"] ?? name }),
  // --- end of Azure computed outputs (issue 13)
};

// GCP computed outputs the GCP/Kubernetes side reads (issue 12): service account addresses, the custom role's
// name, and the GKE control plane's endpoint and CA certificate the Kubernetes provider is built from.
const gcpByType: Readonly<
  Record<string, (i: Record<string, any>, project: string) => Record<string, unknown>>
> = {
  "gcp:serviceaccount/account:Account": (i, project) => {
    const email = `${i["accountId"]}@${project}.iam.gserviceaccount.com`;
    return { email, member: `serviceAccount:${email}`, uniqueId: stableId(email, 21) };
  },
  "gcp:projects/iAMCustomRole:IAMCustomRole": (i, project) => ({
    name: `projects/${project}/roles/${i["roleId"]}`,
  }),
  "gcp:container/cluster:Cluster": (i) => ({
    endpoint: `172.16.${parseInt(stableId(String(i["name"]), 2), 16) % 250}.2`,
    masterAuth: {
      ...(i["masterAuth"] ?? {}),
      clusterCaCertificate: Buffer.from(`offline-plan-ca:${i["name"]}`).toString("base64"),
    },
  }),
  "gcp:logging/projectSink:ProjectSink": (_i, project) => ({
    writerIdentity: `serviceAccount:service-${stableId(project, 12)}@gcp-sa-logging.iam.gserviceaccount.com`,
  }),
};

/** The input holding an azure-native resource's physical name: `<thing>Name`. */
function azureNameKey(type: string): string {
  const resource = type.split(":")[2] ?? "";
  return `${resource.charAt(0).toLowerCase()}${resource.slice(1)}Name`;
}

/** The SDK's unknown value (RTTI works across SDK copies). */
export function isUnknown(v: unknown): boolean {
  return (
    v !== null &&
    typeof v === "object" &&
    (v as { __pulumiUnknown?: unknown }).__pulumiUnknown === true
  );
}

/** `inputs` as a computation sees them, noting whether it read an unknown value (directly or nested). */
function tracking(inputs: Record<string, any>) {
  let touched = false;
  const wrap = (obj: any): any =>
    new Proxy(obj, {
      get(target, key) {
        const v = target[key as any];
        if (isUnknown(v)) {
          touched = true;
          return undefined;
        }
        return v !== null && typeof v === "object" ? wrap(v) : v;
      },
    });
  return {
    view: wrap(inputs) as Record<string, any>,
    /** Whether an unknown was read since the last call. */
    touched: () => {
      const t = touched;
      touched = false;
      return t;
    },
  };
}

export function mockOutputs(
  args: pulumi.runtime.MockResourceArgs,
  config: Readonly<Record<string, string>>,
  provider: Record<string, any> = {},
): { id: string; state: Record<string, unknown> } {
  const raw = (args.inputs ?? {}) as Record<string, any>;
  const { view: inputs, touched } = tracking(raw);
  const ctx = {
    region: inputs["region"] ?? provider["region"] ?? config["aws:region"] ?? "us-east-1",
    account:
      (Array.isArray(provider["allowedAccountIds"]) && provider["allowedAccountIds"][0]) ||
      "123456789012",
  };
  const regionUnknown = touched();
  const state: Record<string, unknown> = { ...raw };
  const cloud = args.type.split(":")[0];
  if (cloud === "azure-native") {
    const key = azureNameKey(args.type);
    if (!isUnknown(raw[key])) {
      state["name"] = raw[key] ?? args.name;
    }
  } else if (state["name"] === undefined && args.custom) {
    state["name"] = args.name;
  }
  if (cloud === "aws" && args.custom && state["arn"] === undefined && !regionUnknown) {
    const service = args.type.split(":")[1]?.split("/")[0] ?? "unknown";
    state["arn"] = `arn:aws:${service}:${ctx.region}:${ctx.account}:${args.name}`;
  }
  const computed = {
    ...(byType[args.type]?.(inputs, args.name, ctx) ?? {}),
    ...(gcpByType[args.type]?.(
      inputs,
      inputs["project"] ?? provider["project"] ?? "offline-project",
    ) ?? {}),
  };
  // Derived from an unknown input, a computed value is unknown, as in a preview: left out, the SDK resolves it so.
  if (!touched() && !regionUnknown) {
    Object.assign(state, computed);
  }
  const id = args.custom ? `${args.name}-${stableId(args.type + args.name)}` : "";
  return { id, state };
}
