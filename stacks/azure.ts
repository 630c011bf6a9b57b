/**
 * The Azure part of a stack: a resource group, the audit workspace and the Key Vault, on the stack's explicit Azure
 * provider.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import type { AzureConfig } from "./config";
import type { BuildContext, StackOutputs } from "./context";
import { physicalName } from "../components/shared/naming";
import { KeyVault } from "../components/azure/key-vault";
import { AuditWorkspace } from "../components/azure/audit-workspace";
import { sixYearsInDays } from "../policies/catalog/retention";

export function buildAzure(
  ctx: BuildContext,
  azure: AzureConfig,
  provider: pulumi.ProviderResource,
): StackOutputs {
  const group = new resources.ResourceGroup(
    `${ctx.config.namePrefix}-platform`,
    {
      resourceGroupName: physicalName(ctx.config.namePrefix, "platform", 90),
      location: azure.location,
      tags: { ...ctx.labels },
    },
    { provider },
  );
  const audit = new AuditWorkspace(
    "audit",
    {
      resourceGroupName: group.name,
      location: azure.location,
      namePrefix: ctx.config.namePrefix,
      totalRetentionDays: Math.max(ctx.config.logRetentionDays, sixYearsInDays),
      tags: { ...ctx.labels },
    },
    { providers: [provider] },
  );
  const vault = new KeyVault(
    "phi",
    {
      resourceGroupName: group.name,
      auditWorkspaceId: audit.workspaceId,
      location: azure.location,
      tenantId: azure.tenantId,
      namePrefix: ctx.config.namePrefix,
      tags: { ...ctx.labels },
    },
    { providers: [provider] },
  );
  return {
    azureResourceGroup: group.name,
    azureAuditWorkspaceId: audit.workspaceId,
    azureKeyVaultUri: vault.vaultUri,
    azurePhiKeyId: vault.keyId,
  };
}
