import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as healthcareapis from "@pulumi/azure-native/healthcareapis";
import * as monitor from "@pulumi/azure-native/monitor";
import * as storage from "@pulumi/azure-native/storage";
import { physicalName } from "../shared/naming";
import { PrivateLink } from "./private-link";
import { roleDefinitionId } from "./workload-identity";

/** The private DNS zones a Health Data Services workspace endpoint registers its FHIR service in. */
export const fhirPrivateDnsZones = [
  "privatelink.workspace.azurehealthcareapis.com",
  "privatelink.fhir.azurehealthcareapis.com",
] as const;
export const blobPrivateDnsZone = "privatelink.blob.core.windows.net";

/** A name Health Data Services and Storage accept: lowercase letters and digits only, cut to `max`. */
export function alphanumericName(prefix: string, name: string, max: number): string {
  return physicalName(prefix, name, 200).replace(/-/g, "").slice(0, max);
}

/** A customer-managed key as a service uses it: the key's URL and the identity allowed to use the key. */
export interface CustomerKey {
  /** Key URL (https://<vault>.vault.azure.net/keys/<name>[/<version>]). */
  readonly keyUri: pulumi.Input<string>;
  /** Resource id of the user-assigned identity that holds Key Vault Crypto Service Encryption User on the key. */
  readonly identityId: pulumi.Input<string>;
}

export interface FhirServiceArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly namePrefix: string;
  readonly subscriptionId: string;
  /** The Entra ID tenant that issues the tokens the service accepts (its authority). */
  readonly tenantId: string;
  /**
   * The key the FHIR data is encrypted with, by its versioned URL (the FHIR service requires a versioned key), and
   * the service's one user-assigned identity, which holds the key role and, with export, the export writer role.
   */
  readonly fhirKey: CustomerKey & { readonly identityPrincipalId: pulumi.Input<string> };
  /** Subnet of the private endpoints, and the private DNS zone ids by zone name (fhirPrivateDnsZones, blob). */
  readonly privateEndpointSubnetId: pulumi.Input<string>;
  readonly privateDnsZoneIds: Readonly<Record<string, pulumi.Input<string>>>;
  /** The Log Analytics workspace every diagnostic setting sends to. */
  readonly auditWorkspaceId: pulumi.Input<string>;
  /**
   * Exact browser origins CORS allows; "*" is refused.
   * @default none: browsers cannot call the service directly
   */
  readonly corsOrigins?: readonly string[];
  /**
   * SMART on FHIR proxy for apps that use SMART scopes.
   * @default false
   */
  readonly smartProxy?: boolean;
  /**
   * A third-party SMART identity provider whose tokens, issued to the listed client ids for the service's URL, are
   * accepted for reads only.
   * @default none: only Entra ID tokens of `tenantId`
   */
  readonly smartIdentityProvider?: {
    readonly authority: string;
    readonly clientIds: readonly string[];
  };
  /**
   * A storage account for $export: private, encrypted with `storageKey`, shared keys off. Omit to leave export
   * unconfigured.
   * @default no export
   */
  readonly export?: {
    readonly storageKey: CustomerKey;
    /**
     * Days deleted export files and containers stay recoverable (soft delete); also how long an erased patient's
     * exported data can still be restored.
     * @default 7
     */
    readonly softDeleteDays?: number;
  };
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A Health Data Services workspace with one FHIR R4 service, reachable only through a private endpoint on the
 * workspace (publicNetworkAccess is output-only on both resources in azure-native 3.28, so the endpoint is the
 * isolation), authenticated by Entra ID tokens of one tenant for the service's own URL, encrypted with a
 * customer-managed key through a user-assigned identity, keeping every resource version, with bulk import off, CORS
 * limited to named origins and AuditLogs sent to the audit workspace; optionally an export storage account that is
 * private (endpoint, public network access disabled, default deny), customer-key and infrastructure encrypted,
 * TLS 1.2, HTTPS-only, without shared keys or public blobs, with soft delete, written by the service's identity
 * through a role scoped to its one container.
 */
export class FhirService extends pulumi.ComponentResource {
  public readonly workspaceId: pulumi.Output<string>;
  public readonly fhirServiceId: pulumi.Output<string>;
  /** Base URL of the FHIR API, also the audience of its tokens. */
  public readonly fhirUrl: string;
  /** Name of the export storage account; undefined without export. */
  public readonly exportStorageAccountName?: pulumi.Output<string>;

  constructor(name: string, args: FhirServiceArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:azure:FhirService", name, {}, opts);
    const where = `FhirService ${name}`;
    const origins = args.corsOrigins ?? [];
    const badOrigin = origins.find(
      (o) => !/^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/.test(o),
    );
    if (badOrigin !== undefined) {
      throw new Error(
        `${where}: [corsOrigins] must list https origins without path or wildcard, received ${JSON.stringify(badOrigin)}`,
      );
    }
    const softDeleteDays = args.export?.softDeleteDays ?? 7;
    if (!Number.isInteger(softDeleteDays) || softDeleteDays < 7 || softDeleteDays > 365) {
      throw new Error(
        `${where}: [export.softDeleteDays] must be a whole number from 7 to 365, received ${softDeleteDays}`,
      );
    }
    const smart = args.smartIdentityProvider;
    if (smart && (!/^https:\/\/[^\s?#]+$/.test(smart.authority) || smart.clientIds.length === 0)) {
      throw new Error(
        `${where}: [smartIdentityProvider] must name an https authority and at least one client id, received ${JSON.stringify(smart)}`,
      );
    }
    for (const zone of [...fhirPrivateDnsZones, ...(args.export ? [blobPrivateDnsZone] : [])]) {
      if (args.privateDnsZoneIds[zone] === undefined) {
        throw new Error(
          `${where}: [privateDnsZoneIds] must include ${zone}, received zones ${JSON.stringify(Object.keys(args.privateDnsZoneIds))}`,
        );
      }
    }

    const workspaceName = alphanumericName(args.namePrefix, name, 24);
    const fhirName = "fhir";
    this.fhirUrl = `https://${workspaceName}-${fhirName}.fhir.azurehealthcareapis.com`;
    const fhirResourceId = (resourceGroupName: string) =>
      `/subscriptions/${args.subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.HealthcareApis/workspaces/${workspaceName}/fhirservices/${fhirName}`;

    const workspace = new healthcareapis.Workspace(
      `${name}-workspace`,
      {
        workspaceName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        tags: args.tags,
      },
      { parent: this },
    );
    new PrivateLink(
      `${name}-workspace`,
      {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        namePrefix: args.namePrefix,
        targetId: workspace.id,
        groupId: "healthcareworkspace",
        subnetId: args.privateEndpointSubnetId,
        privateDnsZoneIds: fhirPrivateDnsZones.map((z) => args.privateDnsZoneIds[z]),
        tags: args.tags,
      },
      { parent: this },
    );

    const exportAccount = args.export
      ? this.createExportStorage(name, args, args.export.storageKey, softDeleteDays, fhirResourceId)
      : undefined;

    const fhir = new healthcareapis.FhirService(
      `${name}-fhir`,
      {
        fhirServiceName: fhirName,
        workspaceName: workspace.name,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        kind: "fhir-R4",
        // The service takes one identity type; its user-assigned identity reaches the key and writes exports.
        identity: { type: "UserAssigned", userAssignedIdentities: [args.fhirKey.identityId] },
        authenticationConfiguration: {
          authority: `https://login.microsoftonline.com/${args.tenantId}`,
          audience: this.fhirUrl,
          smartProxyEnabled: args.smartProxy ?? false,
          ...(args.smartIdentityProvider
            ? {
                smartIdentityProviders: [
                  {
                    authority: args.smartIdentityProvider.authority,
                    applications: args.smartIdentityProvider.clientIds.map((clientId) => ({
                      clientId,
                      audience: this.fhirUrl,
                      allowedDataActions: ["Read"],
                    })),
                  },
                ],
              }
            : {}),
        },
        corsConfiguration: {
          origins: [...origins],
          headers: ["Authorization", "Content-Type", "Accept", "Prefer", "If-Match"],
          methods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
          maxAge: 600,
          allowCredentials: false,
        },
        encryption: { customerManagedKeyEncryption: { keyEncryptionKeyUrl: args.fhirKey.keyUri } },
        resourceVersionPolicyConfiguration: { default: "versioned" },
        importConfiguration: { enabled: false, initialImportMode: false },
        ...(exportAccount
          ? { exportConfiguration: { storageAccountName: exportAccount.account.name } }
          : {}),
        tags: args.tags,
      },
      { parent: this },
    );

    if (exportAccount) {
      new authorization.RoleAssignment(
        `${name}-export-writer`,
        {
          principalId: args.fhirKey.identityPrincipalId,
          principalType: "ServicePrincipal",
          roleDefinitionId: roleDefinitionId(args.subscriptionId, "Storage Blob Data Contributor"),
          scope: exportAccount.containerId,
          description: `FHIR service ${workspaceName}/${fhirName} writes $export files`,
        },
        { parent: this },
      );
    }

    new monitor.DiagnosticSetting(
      `${name}-fhir-diagnostics`,
      {
        name: `${workspaceName}-fhir-audit`,
        resourceUri: fhir.id,
        workspaceId: args.auditWorkspaceId,
        logAnalyticsDestinationType: "Dedicated",
        // The audit group is the FHIR service's AuditLogs category (every data-plane request).
        logs: [{ categoryGroup: "audit", enabled: true }],
        metrics: [{ category: "AllMetrics", enabled: true }],
      },
      { parent: this },
    );

    this.workspaceId = workspace.id;
    this.fhirServiceId = fhir.id;
    this.exportStorageAccountName = exportAccount?.account.name;
    this.registerOutputs({
      workspaceId: this.workspaceId,
      fhirServiceId: this.fhirServiceId,
      fhirUrl: this.fhirUrl,
      exportStorageAccountName: this.exportStorageAccountName,
    });
  }

  private createExportStorage(
    name: string,
    args: FhirServiceArgs,
    key: CustomerKey,
    softDeleteDays: number,
    fhirResourceId: (resourceGroupName: string) => string,
  ): { account: storage.StorageAccount; containerId: pulumi.Output<string> } {
    const keyParts = pulumi
      .output(key.keyUri)
      .apply((uri) => /^(https:\/\/[^/]+)\/keys\/([^/]+)\/?$/.exec(uri));
    const account = new storage.StorageAccount(
      `${name}-export`,
      {
        accountName: alphanumericName(args.namePrefix, `${name}export`, 24),
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        kind: "StorageV2",
        sku: { name: "Standard_ZRS" },
        accessTier: "Hot",
        identity: { type: "UserAssigned", userAssignedIdentities: [key.identityId] },
        encryption: {
          keySource: "Microsoft.Keyvault",
          keyVaultProperties: {
            keyVaultUri: keyParts.apply((m) => m?.[1] ?? ""),
            keyName: keyParts.apply((m) => m?.[2] ?? ""),
          },
          encryptionIdentity: { encryptionUserAssignedIdentity: key.identityId },
          requireInfrastructureEncryption: true,
          services: {
            blob: { enabled: true, keyType: "Account" },
            file: { enabled: true, keyType: "Account" },
          },
        },
        minimumTlsVersion: "TLS1_2",
        enableHttpsTrafficOnly: true,
        allowBlobPublicAccess: false,
        allowSharedKeyAccess: false,
        defaultToOAuthAuthentication: true,
        allowCrossTenantReplication: false,
        allowedCopyScope: "PrivateLink",
        isLocalUserEnabled: false,
        isSftpEnabled: false,
        publicNetworkAccess: "Disabled",
        networkRuleSet: {
          defaultAction: "Deny",
          bypass: "None",
          ipRules: [],
          virtualNetworkRules: [],
          // The FHIR service writes exports as a trusted resource instance, not over the network.
          resourceAccessRules: [
            {
              tenantId: args.tenantId,
              resourceId: pulumi.output(args.resourceGroupName).apply(fhirResourceId),
            },
          ],
        },
        tags: args.tags,
      },
      { parent: this },
    );
    new storage.BlobServiceProperties(
      `${name}-export-blob`,
      {
        accountName: account.name,
        resourceGroupName: args.resourceGroupName,
        blobServicesName: "default",
        deleteRetentionPolicy: { enabled: true, days: softDeleteDays },
        containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays },
      },
      { parent: this },
    );
    const container = new storage.BlobContainer(
      `${name}-export-container`,
      {
        accountName: account.name,
        resourceGroupName: args.resourceGroupName,
        containerName: "fhir-export",
        publicAccess: "None",
      },
      { parent: this },
    );
    new PrivateLink(
      `${name}-export-blob`,
      {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        namePrefix: args.namePrefix,
        targetId: account.id,
        groupId: "blob",
        subnetId: args.privateEndpointSubnetId,
        privateDnsZoneIds: [args.privateDnsZoneIds[blobPrivateDnsZone]],
        tags: args.tags,
      },
      { parent: this },
    );
    new monitor.DiagnosticSetting(
      `${name}-export-diagnostics`,
      {
        name: `${name}-export-audit`,
        resourceUri: pulumi.interpolate`${account.id}/blobServices/default`,
        workspaceId: args.auditWorkspaceId,
        logAnalyticsDestinationType: "Dedicated",
        logs: [{ categoryGroup: "audit", enabled: true }],
        metrics: [{ category: "Transaction", enabled: true }],
      },
      { parent: this },
    );
    return { account, containerId: container.id };
  }
}
