/**
 * One explicit provider per cloud, built from the validated configuration. Default providers are disabled in
 * Pulumi.yaml (`pulumi:disable-default-providers: ["*"]`), so a resource that forgets its provider fails instead of
 * landing in whatever region the ambient credentials point at.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import { Provider as AzureProvider } from "@pulumi/azure-native/provider";
import type { PlatformConfig } from "./config";
import { platformLabels } from "./labels";

export interface Providers {
  readonly aws?: aws.Provider;
  readonly gcp?: gcp.Provider;
  readonly azure?: AzureProvider;
}

export function createProviders(
  config: PlatformConfig,
  opts: pulumi.CustomResourceOptions = {},
): Providers {
  const labels = platformLabels(config);
  const { aws: awsConfig, gcp: gcpConfig, azure: azureConfig } = config;
  return {
    aws: awsConfig
      ? new aws.Provider(
          `${config.namePrefix}-aws`,
          {
            region: awsConfig.region,
            // The provider refuses to act on any other account, whatever credentials are ambient.
            allowedAccountIds: [awsConfig.accountId],
            defaultTags: { tags: { ...labels } },
          },
          opts,
        )
      : undefined,
    gcp: gcpConfig
      ? new gcp.Provider(
          `${config.namePrefix}-gcp`,
          {
            project: gcpConfig.project,
            region: gcpConfig.region,
            defaultLabels: { ...labels },
            addPulumiAttributionLabel: true,
          },
          opts,
        )
      : undefined,
    azure: azureConfig
      ? new AzureProvider(
          `${config.namePrefix}-azure`,
          {
            location: azureConfig.location,
            subscriptionId: azureConfig.subscriptionId,
            tenantId: azureConfig.tenantId,
          },
          opts,
        )
      : undefined,
  };
}
