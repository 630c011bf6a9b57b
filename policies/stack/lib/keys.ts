/**
 * Which key encrypts each PHI store, and whether that key rotates. A store refers to its key by ARN, key id, alias,
 * Cloud KMS key name or Key Vault key URI; the reference is followed to the key resource in the stack.
 */
import type { PolicyResource } from "@pulumi/policy";
import { gcpDurationSeconds } from "../../lib/duration";
import { aws, azure, gcp } from "./types";
import {
  attachedTo,
  Matcher,
  matchesIdentity,
  ofType,
  peek,
  props,
  Props,
  resolve,
} from "./resources";

/** How a store is encrypted, before following the key reference. */
export type Encryption =
  | { readonly kind: "none"; readonly detail: string }
  | {
      readonly kind: "key";
      /** The resource holding the reference (the store, or S3's separate encryption configuration). */
      readonly source: PolicyResource;
      readonly topKey: string;
      readonly read: () => unknown;
    };

export interface StoreSpec {
  readonly type: string;
  /** How a person names the resource type in a message. */
  readonly what: string;
  readonly encryption: (store: PolicyResource, resources: readonly PolicyResource[]) => Encryption;
}

const none = (detail: string): Encryption => ({ kind: "none", detail });
const key = (source: PolicyResource, topKey: string, read: () => unknown): Encryption => ({
  kind: "key",
  source,
  topKey,
  read,
});

const keyTypes: readonly string[] = [aws.kmsKey, aws.kmsAlias, gcp.cryptoKey, azure.key];

/** True when the property depends on a key resource: a known fact even while the key's ARN is not. */
function dependsOnKey(source: PolicyResource, topKey: string): boolean {
  return (source.propertyDependencies?.[topKey] ?? []).some((d) => keyTypes.includes(d.type));
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** A store whose key reference sits at `topKey` (or inside it, read by `read`); absent means no CMK. */
function simple(
  type: string,
  what: string,
  topKey: string,
  read: (p: Props) => unknown,
  absent: string,
): StoreSpec {
  return {
    type,
    what,
    encryption: (store) => {
      const p = props(store);
      return dependsOnKey(store, topKey) || present(read(p))
        ? key(store, topKey, () => read(p))
        : none(absent);
    },
  };
}

function s3Encryption(bucket: PolicyResource, resources: readonly PolicyResource[]): Encryption {
  const configs = attachedTo(
    bucket,
    ofType(resources, aws.bucketEncryption, aws.bucketEncryptionV2),
    "bucket",
  );
  if (configs.length === 0) {
    return none("no BucketServerSideEncryptionConfiguration refers to it");
  }
  for (const config of configs) {
    const rules: Props[] = props(config).rules ?? props(config).rule ?? [];
    for (const rule of rules) {
      const byDefault = rule.applyServerSideEncryptionByDefault;
      const algorithm = byDefault?.sseAlgorithm;
      if (
        (algorithm === "aws:kms" || algorithm === "aws:kms:dsse") &&
        (dependsOnKey(config, "rules") || present(byDefault?.kmsMasterKeyId))
      ) {
        return key(config, "rules", () => byDefault.kmsMasterKeyId);
      }
    }
  }
  return none(
    `its encryption configuration ${configs[0].name} uses no KMS key (sseAlgorithm aws:kms with kmsMasterKeyId)`,
  );
}

export const storeSpecs: readonly StoreSpec[] = [
  { type: aws.bucket, what: "S3 bucket", encryption: s3Encryption },
  { type: aws.bucketV2, what: "S3 bucket", encryption: s3Encryption },
  {
    type: aws.dynamodbTable,
    what: "DynamoDB table",
    encryption: (table) => {
      const sse = props(table).serverSideEncryption;
      if (sse?.enabled !== true) {
        return none("serverSideEncryption is not enabled (AWS owned key)");
      }
      return dependsOnKey(table, "serverSideEncryption") || present(sse.kmsKeyArn)
        ? key(table, "serverSideEncryption", () => sse.kmsKeyArn)
        : none("serverSideEncryption has no kmsKeyArn (AWS managed key)");
    },
  },
  {
    type: aws.kinesisStream,
    what: "Kinesis stream",
    encryption: (stream) => {
      const p = props(stream);
      if (p.encryptionType !== "KMS") {
        return none(`encryptionType is ${JSON.stringify(p.encryptionType ?? "NONE")}, not KMS`);
      }
      return dependsOnKey(stream, "kmsKeyId") || present(p.kmsKeyId)
        ? key(stream, "kmsKeyId", () => p.kmsKeyId)
        : none("kmsKeyId is not set");
    },
  },
  simple(
    aws.sqsQueue,
    "SQS queue",
    "kmsMasterKeyId",
    (p) => p.kmsMasterKeyId,
    "kmsMasterKeyId is not set (SQS-managed or no encryption)",
  ),
  simple(
    aws.snsTopic,
    "SNS topic",
    "kmsMasterKeyId",
    (p) => p.kmsMasterKeyId,
    "kmsMasterKeyId is not set",
  ),
  simple(
    aws.logGroup,
    "CloudWatch log group",
    "kmsKeyId",
    (p) => p.kmsKeyId,
    "kmsKeyId is not set",
  ),
  simple(
    aws.secret,
    "Secrets Manager secret",
    "kmsKeyId",
    (p) => p.kmsKeyId,
    "kmsKeyId is not set (aws/secretsmanager key)",
  ),
  simple(
    gcp.bigqueryDataset,
    "BigQuery dataset",
    "defaultEncryptionConfiguration",
    (p) => p.defaultEncryptionConfiguration?.kmsKeyName,
    "defaultEncryptionConfiguration.kmsKeyName is not set (Google-managed key)",
  ),
  simple(
    gcp.spannerDatabase,
    "Spanner database",
    "encryptionConfig",
    (p) => p.encryptionConfig?.kmsKeyName ?? p.encryptionConfig?.kmsKeyNames?.[0],
    "encryptionConfig.kmsKeyName is not set (Google-managed key)",
  ),
  {
    type: gcp.cluster,
    what: "GKE cluster",
    encryption: (cluster) => {
      const db = props(cluster).databaseEncryption;
      if (db?.state !== "ENCRYPTED") {
        return none(
          `databaseEncryption.state is ${JSON.stringify(db?.state ?? "DECRYPTED")}, not ENCRYPTED`,
        );
      }
      return dependsOnKey(cluster, "databaseEncryption") || present(db.keyName)
        ? key(cluster, "databaseEncryption", () => db.keyName)
        : none("databaseEncryption.keyName is not set");
    },
  },
  simple(
    gcp.pubsubTopic,
    "Pub/Sub topic",
    "kmsKeyName",
    (p) => p.kmsKeyName,
    "kmsKeyName is not set (Google-managed key)",
  ),
  simple(
    gcp.storageBucket,
    "Cloud Storage bucket",
    "encryption",
    (p) => p.encryption?.defaultKmsKeyName,
    "encryption.defaultKmsKeyName is not set (Google-managed key)",
  ),
  simple(
    azure.fhirService,
    "FHIR service",
    "encryption",
    (p) => p.encryption?.customerManagedKeyEncryption?.keyEncryptionKeyUrl,
    "encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl is not set (Microsoft-managed key)",
  ),
  {
    type: azure.cognitiveAccount,
    what: "Cognitive Services account",
    encryption: (account) =>
      azureKeyVaultEncryption(account, "properties", props(account).properties?.encryption),
  },
  {
    type: azure.storageAccount,
    what: "storage account",
    encryption: (account) =>
      azureKeyVaultEncryption(account, "encryption", props(account).encryption),
  },
];

function azureKeyVaultEncryption(
  store: PolicyResource,
  topKey: string,
  encryption: Props | undefined,
): Encryption {
  if (String(encryption?.keySource ?? "").toLowerCase() !== "microsoft.keyvault") {
    return none(
      `encryption.keySource is ${JSON.stringify(encryption?.keySource ?? "Microsoft.Storage")}, not Microsoft.KeyVault`,
    );
  }
  const kv = encryption?.keyVaultProperties;
  if (!kv?.keyName || !kv?.keyVaultUri) {
    return none("encryption.keyVaultProperties has no keyName and keyVaultUri");
  }
  return key(
    store,
    topKey,
    () => `${String(kv.keyVaultUri).replace(/\/+$/, "")}/keys/${kv.keyName}`,
  );
}

export const storeSpecByType: ReadonlyMap<string, StoreSpec> = new Map(
  storeSpecs.map((s) => [s.type, s]),
);

/** Key Vault key URIs compare case-insensitively and may carry a version. */
const matchesAzureKey: Matcher = (value, target) => {
  const v = value.toLowerCase().replace(/\/+$/, "");
  const p = props(target);
  const uris = ["keyUri", "keyUriWithVersion"]
    .filter((k) => k in p)
    .map((k) => peek(() => p[k]))
    .filter((x) => x.known && typeof x.value === "string")
    .map((x) =>
      String((x as { value: string }).value)
        .toLowerCase()
        .replace(/\/+$/, ""),
    );
  return uris.some((u) => v === u || v.startsWith(`${u}/`));
};

const matchesAwsKey: Matcher = (value, target) => {
  if (matchesIdentity(value, target)) {
    return true;
  }
  const keyId = peek(() => props(target).keyId);
  return keyId.known && typeof keyId.value === "string" && value.endsWith(`:key/${keyId.value}`);
};

export type KeyResolution =
  | { readonly kind: "in-stack"; readonly key: PolicyResource }
  | { readonly kind: "external"; readonly ref: string }
  | { readonly kind: "provider-managed"; readonly ref: string };

/** Follows an encryption reference to the key resource (through an AWS alias when it names one). */
export function resolveKey(
  encryption: Extract<Encryption, { kind: "key" }>,
  resources: readonly PolicyResource[],
): KeyResolution {
  const { source, topKey, read } = encryption;
  const cloud = source.type.split(":")[0];
  if (cloud === "aws") {
    const found = resolve(
      source,
      topKey,
      read,
      ofType(resources, aws.kmsKey, aws.kmsAlias),
      matchesAwsKey,
    );
    if (found.target?.type === aws.kmsAlias) {
      const alias = found.target;
      const target = resolve(
        alias,
        "targetKeyId",
        () => props(alias).targetKeyId,
        ofType(resources, aws.kmsKey),
        matchesAwsKey,
      );
      return target.target
        ? { kind: "in-stack", key: target.target }
        : { kind: "external", ref: String(target.value ?? alias.name) };
    }
    if (found.target) {
      return { kind: "in-stack", key: found.target };
    }
    const ref = String(found.value ?? "");
    return /(^|:)alias\/aws\//.test(ref)
      ? { kind: "provider-managed", ref }
      : { kind: "external", ref };
  }
  const candidates =
    cloud === "gcp" ? ofType(resources, gcp.cryptoKey) : ofType(resources, azure.key);
  const found = resolve(
    source,
    topKey,
    read,
    candidates,
    cloud === "gcp" ? matchesIdentity : matchesAzureKey,
  );
  return found.target
    ? { kind: "in-stack", key: found.target }
    : { kind: "external", ref: String(found.value ?? "") };
}

/** Why the key does not rotate automatically; undefined when it does. */
export function rotationGap(keyResource: PolicyResource): string | undefined {
  const p = props(keyResource);
  switch (keyResource.type) {
    case aws.kmsKey:
      return p.enableKeyRotation === true
        ? undefined
        : `enableKeyRotation is ${p.enableKeyRotation === false ? "false" : "not set"}`;
    case gcp.cryptoKey:
      return gcpDurationSeconds(p.rotationPeriod) !== undefined
        ? undefined
        : `rotationPeriod is ${p.rotationPeriod === undefined ? "not set" : JSON.stringify(p.rotationPeriod)}`;
    case azure.key: {
      const actions: Props[] = p.properties?.rotationPolicy?.lifetimeActions ?? [];
      return actions.some((a) => String(a.action?.type ?? "").toLowerCase() === "rotate")
        ? undefined
        : "properties.rotationPolicy has no rotate action";
    }
    default:
      return `${keyResource.type} is not a key type this policy knows`;
  }
}
