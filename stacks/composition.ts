/**
 * What a stack contains: each cloud that `mediconnect:clouds` lists is built from its section of the configuration
 * by its own builder (stacks/aws.ts, stacks/gcp.ts, stacks/azure.ts), on that cloud's explicit provider, in the
 * order aws, gcp, azure. Nothing here knows what a cloud's part contains.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "./config";
import type { Providers } from "./providers";
import type { BuildContext, StackOutputs } from "./context";
import { platformLabels } from "./labels";
import { buildAws } from "./aws";
import { buildGcp } from "./gcp";
import { buildAzure } from "./azure";

export type { BuildContext, StackOutputs } from "./context";

function providerFor<T extends pulumi.ProviderResource>(
  cloud: keyof Providers,
  provider: T | undefined,
): T {
  if (!provider) {
    throw new Error(
      `No provider was created for cloud "${cloud}": createProviders and the config disagree`,
    );
  }
  return provider;
}

export function buildPlatform(config: PlatformConfig, providers: Providers): StackOutputs {
  const ctx: BuildContext = { config, providers, labels: platformLabels(config) };
  return {
    ...(config.aws ? buildAws(ctx, config.aws, providerFor("aws", providers.aws)) : {}),
    ...(config.gcp ? buildGcp(ctx, config.gcp, providerFor("gcp", providers.gcp)) : {}),
    ...(config.azure ? buildAzure(ctx, config.azure, providerFor("azure", providers.azure)) : {}),
  };
}
