import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { KmsKey } from "./kms-key";

/** The Google service agents that use CMEK on behalf of a project, by the service they act for. */
export type ServiceAgent = "gke" | "compute" | "bigquery" | "spanner" | "vertex" | "logging";

/**
 * A service agent's IAM member, from the project number, in the address formats Google documents for each agent.
 * The Cloud Logging agent is the `kmsServiceAccountId` that `gcloud logging settings describe` reports; projects
 * whose logging agent predates that format can pass their own member to ServiceKeys instead.
 */
export function serviceAgentMember(
  agent: ServiceAgent,
  projectNumber: pulumi.Input<string>,
): pulumi.Output<string> {
  const domain: Record<ServiceAgent, (n: string) => string> = {
    gke: (n) => `service-${n}@container-engine-robot.iam.gserviceaccount.com`,
    compute: (n) => `service-${n}@compute-system.iam.gserviceaccount.com`,
    bigquery: (n) => `bq-${n}@bigquery-encryption.iam.gserviceaccount.com`,
    spanner: (n) => `service-${n}@gcp-sa-spanner.iam.gserviceaccount.com`,
    vertex: (n) => `service-${n}@gcp-sa-aiplatform.iam.gserviceaccount.com`,
    logging: (n) => `service-${n}@gcp-sa-logging.iam.gserviceaccount.com`,
  };
  return pulumi.output(projectNumber).apply((n) => `serviceAccount:${domain[agent](n)}`);
}

export interface ServiceKeySpec {
  /** Cloud KMS location: the same location as the data the key protects. */
  readonly location: string;
  /** IAM members granted encrypt/decrypt on this key and no other (the service agents that use it). */
  readonly encrypters: readonly pulumi.Input<string>[];
}

export interface ServiceKeysArgs {
  /** Prefix of the key ring and key names. */
  readonly namePrefix: string;
  /** One key per data store, by name (for example `bigquery`, `gke-secrets`). */
  readonly keys: Readonly<Record<string, ServiceKeySpec>>;
  /**
   * Seconds between automatic rotations of every key, at most 7,776,000 (90 days).
   * @default 7776000
   */
  readonly rotationPeriodSeconds?: number;
}

/**
 * One customer-managed key per data store, each in its own key ring at the store's location (KmsKey: rotation of at
 * most 90 days, HSM protection, destroy protection), and for each key `roles/cloudkms.cryptoKeyEncrypterDecrypter`
 * for the service agents that store uses, on that key only: a compromised or misconfigured service can decrypt
 * nothing else.
 */
export class ServiceKeys extends pulumi.ComponentResource {
  /** Key ids (`projects/.../cryptoKeys/...`) by key name. */
  public readonly keyIds: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: ServiceKeysArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:gcp:ServiceKeys", name, {}, opts);
    const names = Object.keys(args.keys);
    if (names.length === 0) {
      throw new Error(`ServiceKeys ${name}: [keys] must name at least one key, received none`);
    }
    const keyIds: Record<string, pulumi.Output<string>> = {};
    for (const keyName of names) {
      const spec = args.keys[keyName];
      if (!/^[a-z][a-z0-9-]*$/.test(keyName)) {
        throw new Error(
          `ServiceKeys ${name}: [keys] names must be lowercase letters, digits and hyphens, received ${JSON.stringify(keyName)}`,
        );
      }
      if (spec.encrypters.length === 0) {
        throw new Error(
          `ServiceKeys ${name}: [keys.${keyName}.encrypters] must list the service agents that use the key, received none`,
        );
      }
      const key = new KmsKey(
        `${name}-${keyName}`,
        {
          location: spec.location,
          namePrefix: args.namePrefix,
          rotationPeriodSeconds: args.rotationPeriodSeconds,
        },
        { parent: this },
      );
      spec.encrypters.forEach((member, i) => {
        new gcp.kms.CryptoKeyIAMMember(
          `${name}-${keyName}-encrypter-${i}`,
          {
            cryptoKeyId: key.cryptoKeyId,
            role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
            member,
          },
          { parent: this },
        );
      });
      keyIds[keyName] = key.cryptoKeyId;
    }
    this.keyIds = keyIds;
    this.registerOutputs({ keyIds: this.keyIds });
  }

  /** The id of a key this component created; throws for a name it did not create. */
  keyId(keyName: string): pulumi.Output<string> {
    const id = this.keyIds[keyName];
    if (id === undefined) {
      throw new Error(
        `ServiceKeys: no key named ${JSON.stringify(keyName)}; created: ${Object.keys(this.keyIds).join(", ")}`,
      );
    }
    return id;
  }
}
