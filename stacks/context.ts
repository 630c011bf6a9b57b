/** What every cloud's builder receives, and what it returns: the stack outputs it contributes. */
import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "./config";
import type { Providers } from "./providers";
import type { Labels } from "./labels";

export interface BuildContext {
  readonly config: PlatformConfig;
  readonly providers: Providers;
  readonly labels: Labels;
}

export type StackOutputs = Record<string, pulumi.Output<unknown>>;
