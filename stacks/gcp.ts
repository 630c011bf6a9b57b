/**
 * The GCP part of a stack, on the stack's explicit GCP provider.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GcpConfig } from "./config";
import type { BuildContext, StackOutputs } from "./context";
import { KmsKey } from "../components/gcp/kms-key";

export function buildGcp(
  ctx: BuildContext,
  gcp: GcpConfig,
  provider: pulumi.ProviderResource,
): StackOutputs {
  const phiKey = new KmsKey(
    "phi",
    { location: gcp.region, namePrefix: ctx.config.namePrefix },
    { providers: [provider] },
  );
  return { gcpPhiCryptoKeyId: phiKey.cryptoKeyId };
}
