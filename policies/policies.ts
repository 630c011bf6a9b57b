/**
 * Every policy of the pack, in one list. Kept apart from index.ts because constructing `PolicyPack` starts the
 * analyzer's gRPC server: tests, the offline runner and POLICIES.md import this module instead.
 */
import type { Policies } from "@pulumi/policy";
import * as awsKms from "./aws/kms";
import * as gcpKms from "./gcp/kms";
import * as azureKeyVault from "./azure/keyvault";

export const packName = "mediconnect-hipaa-gdpr";

export const policies: Policies = [
  ...Object.values(awsKms),
  ...Object.values(gcpKms),
  ...Object.values(azureKeyVault),
];
