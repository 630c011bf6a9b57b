import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";

/** 90 days: the longest rotation period the hardened GCP organisation setups allow. */
export const maxRotationSeconds = 90 * 24 * 3600;

export interface KmsKeyArgs {
  /** Location of the key ring: the region (or multi-region) of the data it protects. */
  readonly location: pulumi.Input<string>;
  /** Prefix of the key ring and key names. */
  readonly namePrefix: string;
  /**
   * Seconds between automatic rotations, at most 7,776,000 (90 days).
   * @default 7776000
   */
  readonly rotationPeriodSeconds?: number;
  /**
   * Protection level of new key versions: HSM keeps key material in Cloud HSM.
   * @default "HSM"
   */
  readonly protectionLevel?: "HSM" | "SOFTWARE";
  /** Labels for the key; the provider's default labels already carry the platform labels. @default none */
  readonly labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A Cloud KMS key ring and symmetric crypto key for CMEK with rotation of at most 90 days, destroy protection
 * (`deletionPolicy: PREVENT`) and a 30-day window before a destroyed version is gone.
 */
export class KmsKey extends pulumi.ComponentResource {
  public readonly keyRingId: pulumi.Output<string>;
  /** The key's resource id, `projects/.../locations/.../keyRings/.../cryptoKeys/...`, as CMEK settings take it. */
  public readonly cryptoKeyId: pulumi.Output<string>;

  constructor(name: string, args: KmsKeyArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:gcp:KmsKey", name, {}, opts);
    const rotation = wholeNumber(
      `KmsKey ${name}`,
      "rotationPeriodSeconds",
      args.rotationPeriodSeconds ?? maxRotationSeconds,
      { value: 86400, meaning: "1 day" },
      { value: maxRotationSeconds, meaning: "90 days" },
    );

    const ring = new gcp.kms.KeyRing(
      `${name}-ring`,
      { name: physicalName(args.namePrefix, name, 63), location: args.location },
      { parent: this },
    );
    const key = new gcp.kms.CryptoKey(
      `${name}-key`,
      {
        name: physicalName(args.namePrefix, `${name}-key`, 63),
        keyRing: ring.id,
        purpose: "ENCRYPT_DECRYPT",
        rotationPeriod: `${rotation}s`,
        destroyScheduledDuration: `${30 * 24 * 3600}s`,
        deletionPolicy: "PREVENT",
        versionTemplate: {
          algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION",
          protectionLevel: args.protectionLevel ?? "HSM",
        },
        labels: args.labels,
      },
      { parent: this },
    );

    this.keyRingId = ring.id;
    this.cryptoKeyId = key.id;
    this.registerOutputs({ keyRingId: this.keyRingId, cryptoKeyId: this.cryptoKeyId });
  }
}
