import { stackPolicy } from "../lib/define";
import { judgeEach } from "./lib/resources";
import { isPhi, unlabelledIsPhiFrom, unlabelledIsPhiSchema } from "./lib/labels";
import { resolveKey, rotationGap, storeSpecByType } from "./lib/keys";

/**
 * How strict the key requirement is: `rotating-cmk` (default) wants a customer-managed key in the stack that
 * rotates; `cmk` accepts any customer-managed key (in the stack or external) without verifying rotation; `encrypted`
 * accepts provider-managed keys too and only requires encryption at rest.
 */
export const cmkRequirementLevels = ["rotating-cmk", "cmk", "encrypted"] as const;
type CmkRequirement = (typeof cmkRequirementLevels)[number];

interface Config {
  unlabelledIsPhi?: boolean;
  allowedExternalKeys?: string[];
  cmkRequirement?: CmkRequirement;
}

/**
 * A PHI store is only as protected as its key: encryption with a customer-managed key that rotates keeps key
 * custody with the organisation and limits what one leaked key version decrypts, which a provider-managed key or a
 * key nobody can inspect does not prove. The reference is followed from each store (S3 through its separate
 * BucketServerSideEncryptionConfiguration) to the key resource in the stack; a key outside the stack cannot be
 * verified and is reported unless it is listed in `allowedExternalKeys`.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32, gdpr:art5-1-f
 */
export const stackPhiStoreEnforceCmkRotation = stackPolicy(
  {
    name: "stack-phi-store-enforce-cmk-rotation",
    description:
      "Every PHI data store must be encrypted with a customer-managed key, defined in the stack, that rotates automatically.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32", "gdpr:art5-1-f"],
    remediationSteps:
      "Create the key in the stack (aws.kms.Key with enableKeyRotation: true, gcp.kms.CryptoKey with rotationPeriod, a Key Vault key with a rotate lifetime action) and reference it from the store: kmsKeyId/kmsKeyArn/kmsMasterKeyId (S3: a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms), kmsKeyName/keyName on GCP, keyEncryptionKeyUrl or keyVaultProperties on Azure. List keys managed elsewhere in allowedExternalKeys only after verifying their rotation.",
    configSchema: {
      properties: {
        unlabelledIsPhi: unlabelledIsPhiSchema,
        allowedExternalKeys: {
          type: "array",
          items: { type: "string" },
          default: [],
          description:
            "Key ARNs, names or URIs outside the stack whose rotation has been verified by other means.",
        },
        cmkRequirement: {
          type: "string",
          enum: [...cmkRequirementLevels],
          default: "rotating-cmk",
          description:
            "rotating-cmk: a rotating customer-managed key in the stack; cmk: any customer-managed key; encrypted: any encryption at rest, provider-managed keys included.",
        },
      },
    },
  },
  ({ args, report }) => {
    const config = args.getConfig<Config>();
    const unlabelledIsPhi = unlabelledIsPhiFrom(config);
    const allowedExternal = new Set(config.allowedExternalKeys ?? []);
    const requirement: CmkRequirement = config.cmkRequirement ?? "rotating-cmk";
    judgeEach(args.resources, (store) => {
      const spec = storeSpecByType.get(store.type);
      if (!spec || !isPhi(store, args.resources, unlabelledIsPhi)) {
        return;
      }
      const encryption = spec.encryption(store, args.resources);
      if (encryption.kind === "none") {
        report(
          `PHI ${spec.what} ${store.name} is not encrypted with a customer-managed key: ${encryption.detail}; expected a reference to a rotating key in the stack.`,
          store.urn,
        );
        return;
      }
      const key = resolveKey(encryption, args.resources);
      if (requirement === "encrypted") {
        return;
      }
      if (key.kind === "provider-managed") {
        report(
          `PHI ${spec.what} ${store.name} uses the provider-managed key "${key.ref}", not a customer-managed key; expected a rotating key in the stack.`,
          store.urn,
        );
      } else if (key.kind === "external") {
        if (requirement === "rotating-cmk" && !allowedExternal.has(key.ref)) {
          report(
            `PHI ${spec.what} ${store.name} uses key "${key.ref}", which is not a resource in this stack, so its rotation cannot be verified; define the key in the stack or list it in allowedExternalKeys.`,
            store.urn,
          );
        }
      } else if (requirement === "rotating-cmk") {
        const gap = rotationGap(key.key);
        if (gap !== undefined) {
          report(
            `PHI ${spec.what} ${store.name} is encrypted with key ${key.key.name}, which does not rotate (${gap}); expected automatic rotation.`,
            store.urn,
          );
        }
      }
    });
  },
);
