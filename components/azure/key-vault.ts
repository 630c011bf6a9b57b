import * as pulumi from "@pulumi/pulumi";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as monitor from "@pulumi/azure-native/monitor";
import { physicalName } from "../shared/naming";

/** The private DNS zone in which a vault's private endpoint publishes the vault's name. */
export const keyVaultPrivateDnsZone = "privatelink.vaultcore.azure.net";

export interface KeyVaultArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  /** The Entra ID tenant whose identities the vault's RBAC trusts. */
  readonly tenantId: pulumi.Input<string>;
  /** Prefix of the vault's globally unique name (at most 24 characters in all). */
  readonly namePrefix: string;
  /** The Log Analytics workspace that receives the vault's audit events (every key operation). */
  readonly auditWorkspaceId: pulumi.Input<string>;
  /**
   * Subnet ids allowed through the firewall (all other networks are denied).
   * @default none: only trusted Azure services and private endpoints reach the vault
   */
  readonly allowedSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Size of the RSA key in bits.
   * @default 3072
   */
  readonly keySize?: 2048 | 3072 | 4096;
  /**
   * ISO 8601 duration after which the key rotates itself.
   * @default "P90D"
   */
  readonly rotateAfter?: string;
  /**
   * One more key per service that encrypts with a customer-managed key (for example ["fhir", "openai", "storage"]),
   * each with the same type, size, operations and rotation policy as the vault's key, so that each service's
   * identity can be granted its own key and nothing else.
   * @default none
   */
  readonly serviceKeys?: readonly string[];
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A key of the vault as the services that encrypt with it need it. */
export interface VaultKey {
  /** ARM resource id of the key: the scope of the role assignments that let an identity use it. */
  readonly id: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  /** Versionless key URL. */
  readonly uri: pulumi.Output<string>;
  readonly uriWithVersion: pulumi.Output<string>;
}

/**
 * A premium Key Vault for customer-managed keys: RBAC authorization (no access policies), soft delete with purge
 * protection for 90 days, a firewall that denies by default, public network access disabled, every log sent to the
 * audit workspace, and an HSM-backed RSA key that rotates itself.
 */
export class KeyVault extends pulumi.ComponentResource {
  public readonly vaultId: pulumi.Output<string>;
  public readonly vaultUri: pulumi.Output<string>;
  public readonly keyId: pulumi.Output<string>;
  /** The versioned key URL that CMEK settings (FHIR, OpenAI, Storage) take. */
  public readonly keyUriWithVersion: pulumi.Output<string>;
  /** The service keys, by the names given in `serviceKeys`. */
  public readonly serviceKeys: Readonly<Record<string, VaultKey>>;

  constructor(name: string, args: KeyVaultArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:azure:KeyVault", name, {}, opts);
    const rotateAfter = args.rotateAfter ?? "P90D";
    if (!/^P(\d+[YMD])+$/.test(rotateAfter)) {
      throw new Error(
        `KeyVault ${name}: [rotateAfter] must be an ISO 8601 duration in years, months or days such as "P90D", received ${JSON.stringify(rotateAfter)}`,
      );
    }
    const vaultName = physicalName(args.namePrefix, name, 24);
    const serviceKeyNames = args.serviceKeys ?? [];
    for (const keyName of serviceKeyNames) {
      if (
        !/^[a-z][a-z0-9]{0,31}$/.test(keyName) ||
        serviceKeyNames.indexOf(keyName) !== serviceKeyNames.lastIndexOf(keyName)
      ) {
        throw new Error(
          `KeyVault ${name}: [serviceKeys] must be distinct lowercase names of letters and digits (up to 32) such as "fhir", received ${JSON.stringify(serviceKeyNames)}`,
        );
      }
    }

    const vault = new keyvault.Vault(
      `${name}-vault`,
      {
        vaultName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        properties: {
          tenantId: args.tenantId,
          sku: { family: "A", name: "premium" },
          enableRbacAuthorization: true,
          enableSoftDelete: true,
          enablePurgeProtection: true,
          softDeleteRetentionInDays: 90,
          enabledForDeployment: false,
          enabledForDiskEncryption: false,
          enabledForTemplateDeployment: false,
          publicNetworkAccess: "Disabled",
          networkAcls: {
            defaultAction: "Deny",
            bypass: "AzureServices",
            ipRules: [],
            virtualNetworkRules: pulumi
              .output(args.allowedSubnetIds ?? [])
              .apply((ids) => ids.map((id) => ({ id }))),
          },
        },
        tags: args.tags,
      },
      { parent: this },
    );

    new monitor.DiagnosticSetting(
      `${name}-diagnostics`,
      {
        name: `${vaultName}-audit`,
        resourceUri: vault.id,
        workspaceId: args.auditWorkspaceId,
        logAnalyticsDestinationType: "Dedicated",
        logs: [{ categoryGroup: "allLogs", enabled: true }],
        metrics: [{ category: "AllMetrics", enabled: true }],
      },
      { parent: this },
    );

    const createKey = (resourceName: string, keyName: string) =>
      new keyvault.Key(
        resourceName,
        {
          resourceGroupName: args.resourceGroupName,
          vaultName: vault.name,
          keyName,
          properties: {
            kty: "RSA-HSM",
            keySize: args.keySize ?? 3072,
            keyOps: ["wrapKey", "unwrapKey", "encrypt", "decrypt"],
            attributes: { enabled: true },
            rotationPolicy: {
              attributes: { expiryTime: "P2Y" },
              lifetimeActions: [
                { trigger: { timeAfterCreate: rotateAfter }, action: { type: "rotate" } },
                { trigger: { timeBeforeExpiry: "P30D" }, action: { type: "notify" } },
              ],
            },
          },
          tags: args.tags,
        },
        { parent: this },
      );
    const key = createKey(`${name}-key`, `${name}-cmk`);
    const serviceKeys: Record<string, VaultKey> = {};
    for (const keyName of serviceKeyNames) {
      const k = createKey(`${name}-${keyName}-key`, `${keyName}-cmk`);
      serviceKeys[keyName] = {
        id: k.id,
        name: k.name,
        uri: k.keyUri,
        uriWithVersion: k.keyUriWithVersion,
      };
    }

    this.vaultId = vault.id;
    this.vaultUri = vault.properties.apply((p) => p.vaultUri ?? "");
    this.keyId = key.id;
    this.keyUriWithVersion = key.keyUriWithVersion;
    this.serviceKeys = serviceKeys;
    this.registerOutputs({
      vaultId: this.vaultId,
      vaultUri: this.vaultUri,
      keyId: this.keyId,
      keyUriWithVersion: this.keyUriWithVersion,
      serviceKeys: this.serviceKeys,
    });
  }
}
