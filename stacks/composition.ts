/**
 * What a stack contains, composed from data: each cloud listed in `mediconnect:clouds` contributes its components
 * through the builder below, on that cloud's explicit provider. A new region or residency zone is a new
 * Pulumi.<stack>.yaml; nothing here changes.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import type { Cloud } from "../policies/catalog/residency";
import type { PlatformConfig } from "./config";
import type { Providers } from "./providers";
import { Labels, platformLabels } from "../components/shared/labels";
import { physicalName } from "../components/shared/naming";
import { KmsKey as AwsKmsKey } from "../components/aws/kms-key";
import { KmsKey as GcpKmsKey } from "../components/gcp/kms-key";
import { KeyVault } from "../components/azure/key-vault";

export interface BuildContext {
  readonly config: PlatformConfig;
  readonly providers: Providers;
  readonly labels: Labels;
}

export type StackOutputs = Record<string, pulumi.Output<unknown>>;

type CloudBuilder = (ctx: BuildContext, provider: pulumi.ProviderResource) => StackOutputs;

/** Each cloud's part of the platform; the order is the order of registration. */
export const cloudBuilders: Readonly<Record<Cloud, CloudBuilder>> = {
  aws: (ctx, provider) => {
    const phiKey = new AwsKmsKey(
      "phi",
      {
        description: `MediConnect ${ctx.config.stack}: PHI at rest (streams, tables, logs, buckets)`,
        accountId: ctx.config.aws.accountId,
        namePrefix: ctx.config.namePrefix,
        servicePrincipals: [`logs.${ctx.config.aws.region}.amazonaws.com`],
      },
      { providers: [provider] },
    );
    return { awsPhiKeyArn: phiKey.keyArn, awsPhiKeyAlias: phiKey.aliasName };
  },
  gcp: (ctx, provider) => {
    const phiKey = new GcpKmsKey(
      "phi",
      { location: ctx.config.gcp.region, namePrefix: ctx.config.namePrefix },
      { providers: [provider] },
    );
    return { gcpPhiCryptoKeyId: phiKey.cryptoKeyId };
  },
  azure: (ctx, provider) => {
    const group = new resources.ResourceGroup(
      `${ctx.config.namePrefix}-platform`,
      {
        resourceGroupName: physicalName(ctx.config.namePrefix, "platform", 90),
        location: ctx.config.azure.location,
        tags: { ...ctx.labels },
      },
      { provider },
    );
    const vault = new KeyVault(
      "phi",
      {
        resourceGroupName: group.name,
        location: ctx.config.azure.location,
        tenantId: ctx.config.azure.tenantId,
        namePrefix: ctx.config.namePrefix,
        tags: { ...ctx.labels },
      },
      { providers: [provider] },
    );
    return { azureResourceGroup: group.name, azureKeyVaultUri: vault.vaultUri, azurePhiKeyId: vault.keyId };
  },
};

export function buildPlatform(config: PlatformConfig, providers: Providers): StackOutputs {
  const ctx: BuildContext = { config, providers, labels: platformLabels(config) };
  const outputs: StackOutputs = {};
  for (const cloud of config.clouds) {
    const provider = providers[cloud];
    if (!provider) {
      throw new Error(`No provider was created for cloud "${cloud}": createProviders and the config disagree`);
    }
    Object.assign(outputs, cloudBuilders[cloud](ctx, provider));
  }
  return outputs;
}
