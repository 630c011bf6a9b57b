/**
 * The Azure part of a stack, on the stack's explicit Azure provider: the resource group, the audit workspace and the
 * Key Vault; the network with its private DNS zones; one identity per customer-managed key; the FHIR service and the
 * OpenAI account behind private endpoints; the symptom triage container behind the API front door; and, when their images
 * are configured, the FHIR consent gateway and the GDPR erasure containers.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import type { AzureConfig } from "./config";
import type { BuildContext, StackOutputs } from "./context";
import { physicalName } from "../components/shared/naming";
import { KeyVault, keyVaultPrivateDnsZone } from "../components/azure/key-vault";
import { PrivateLink } from "../components/azure/private-link";
import { AuditWorkspace } from "../components/azure/audit-workspace";
import { sixYearsInDays } from "../policies/catalog/retention";
import { NetworkFoundation } from "../components/azure/network-foundation";
import { WorkloadIdentity } from "../components/azure/workload-identity";
import {
  FhirService,
  blobPrivateDnsZone,
  fhirPrivateDnsZones,
} from "../components/azure/fhir-service";
import { OpenAiAccount, openAiPrivateDnsZone } from "../components/azure/openai-account";
import { ContainerAppsEnvironment } from "../components/azure/container-apps-environment";
import { ContainerService } from "../components/azure/container-service";
import { ApiFrontDoor } from "../components/azure/api-front-door";

export function buildAzure(
  ctx: BuildContext,
  azure: AzureConfig,
  provider: pulumi.ProviderResource,
): StackOutputs {
  const prefix = ctx.config.namePrefix;
  const tags = { ...ctx.labels };
  const opts = { providers: [provider] };
  const group = new resources.ResourceGroup(
    `${prefix}-platform`,
    {
      resourceGroupName: physicalName(prefix, "platform", 90),
      location: azure.location,
      tags,
    },
    { provider },
  );
  const common = { resourceGroupName: group.name, namePrefix: prefix, tags };
  const audit = new AuditWorkspace(
    "audit",
    {
      ...common,
      location: azure.location,
      totalRetentionDays: Math.max(ctx.config.logRetentionDays, sixYearsInDays),
    },
    opts,
  );
  // The FHIR gateway and the erasure service read the pseudonym key from the vault (a Key Vault reference).
  const readsVaultSecrets = Boolean(azure.fhirGateway || azure.gdprErasure);
  const vault = new KeyVault(
    "phi",
    {
      ...common,
      auditWorkspaceId: audit.workspaceId,
      location: azure.location,
      tenantId: azure.tenantId,
      serviceKeys: ["fhir", "openai", ...(azure.fhir.export ? ["storage"] : [])],
    },
    opts,
  );
  const network = new NetworkFoundation(
    "network",
    {
      ...common,
      location: azure.location,
      addressSpace: azure.addressSpace,
      privateDnsZones: [
        ...fhirPrivateDnsZones,
        openAiPrivateDnsZone,
        ...(azure.fhir.export ? [blobPrivateDnsZone] : []),
        ...(readsVaultSecrets ? [keyVaultPrivateDnsZone] : []),
      ],
    },
    opts,
  );
  if (readsVaultSecrets) {
    // Container Apps resolve Key Vault references from inside the environment's network; the vault admits no
    // public network, so it gets a private endpoint there.
    new PrivateLink(
      "phi-vault",
      {
        ...common,
        location: azure.location,
        targetId: vault.vaultId,
        groupId: "vault",
        subnetId: network.subnetIds["private-endpoints"],
        privateDnsZoneIds: [network.privateDnsZoneIds[keyVaultPrivateDnsZone]],
      },
      opts,
    );
  }

  // One identity per customer-managed key, allowed to use that key only (the FHIR service's also writes its exports).
  const keyIdentity = (identityName: string, service: string, location: string) =>
    new WorkloadIdentity(
      identityName,
      {
        ...common,
        location,
        subscriptionId: azure.subscriptionId,
        grants: [
          {
            name: "key",
            role: "Key Vault Crypto Service Encryption User",
            scope: vault.serviceKeys[service].id,
          },
        ],
      },
      opts,
    );
  const fhirIdentity = keyIdentity("fhir-service", "fhir", azure.location);
  const openAiKeyIdentity = keyIdentity("openai-cmk", "openai", azure.openAi.location);
  const storageKeyIdentity = azure.fhir.export
    ? keyIdentity("storage-cmk", "storage", azure.location)
    : undefined;

  const fhir = new FhirService(
    "health",
    {
      ...common,
      location: azure.location,
      subscriptionId: azure.subscriptionId,
      tenantId: azure.tenantId,
      fhirKey: {
        keyUri: vault.serviceKeys["fhir"].uriWithVersion,
        identityId: fhirIdentity.identityId,
        identityPrincipalId: fhirIdentity.principalId,
      },
      privateEndpointSubnetId: network.subnetIds["private-endpoints"],
      privateDnsZoneIds: network.privateDnsZoneIds,
      auditWorkspaceId: audit.workspaceId,
      corsOrigins: azure.fhir.corsOrigins,
      smartProxy: azure.fhir.smartProxy,
      ...(azure.fhir.smartIdentityProvider
        ? { smartIdentityProvider: azure.fhir.smartIdentityProvider }
        : {}),
      ...(storageKeyIdentity
        ? {
            export: {
              storageKey: {
                keyUri: vault.serviceKeys["storage"].uri,
                identityId: storageKeyIdentity.identityId,
              },
            },
          }
        : {}),
    },
    opts,
  );

  const vaultHost = vault.vaultUri.apply((uri) =>
    uri.replace(/^https:\/\//, "").replace(/\/.*$/, ""),
  );
  const openAi = new OpenAiAccount(
    "openai",
    {
      ...common,
      location: azure.openAi.location,
      networkLocation: azure.location,
      key: {
        keyUri: vault.serviceKeys["openai"].uri,
        identityId: openAiKeyIdentity.identityId,
        identityClientId: openAiKeyIdentity.clientId,
      },
      privateEndpointSubnetId: network.subnetIds["private-endpoints"],
      privateDnsZoneId: network.privateDnsZoneIds[openAiPrivateDnsZone],
      auditWorkspaceId: audit.workspaceId,
      allowedFqdns: [vaultHost, ...azure.openAi.allowedFqdns],
      model: {
        name: azure.openAi.model,
        version: azure.openAi.modelVersion,
        sku: azure.openAi.sku,
        capacity: azure.openAi.capacity,
      },
      contentFilterThreshold: azure.openAi.contentFilterThreshold,
    },
    opts,
  );

  // The triage container's identity: the OpenAI account and the FHIR service, each as its own scope; no keys.
  const triageIdentity = new WorkloadIdentity(
    "symptom-triage",
    {
      ...common,
      location: azure.location,
      subscriptionId: azure.subscriptionId,
      grants: [
        { name: "openai", role: "Cognitive Services OpenAI User", scope: openAi.accountId },
        {
          name: "fhir",
          role:
            azure.triage.fhirDataRole === "contributor"
              ? "FHIR Data Contributor"
              : "FHIR Data Reader",
          scope: fhir.fhirServiceId,
        },
      ],
    },
    opts,
  );
  const environment = new ContainerAppsEnvironment(
    "apps",
    {
      ...common,
      location: azure.location,
      subnetId: network.subnetIds.apps,
      vnetId: network.vnetId,
      auditWorkspaceId: audit.workspaceId,
    },
    opts,
  );
  const triage = new ContainerService(
    "symptom-triage",
    {
      ...common,
      location: azure.location,
      environmentId: environment.environmentId,
      image: azure.triage.image,
      identityId: triageIdentity.identityId,
      identityClientId: triageIdentity.clientId,
      environment: {
        AZURE_OPENAI_ENDPOINT: openAi.endpoint,
        AZURE_OPENAI_DEPLOYMENT: openAi.deploymentName,
        AZURE_OPENAI_API_VERSION: azure.openAi.apiVersion,
      },
      allowedSourceRanges: [network.subnetPrefixes.api],
    },
    opts,
  );
  // The FHIR consent gateway and the GDPR erasure service: each its own identity with only the FHIR data role it
  // needs on the FHIR service and read access to the pseudonym key secret; reachable from the API subnet only.
  const pseudonymSecret = "phi-pseudonym-key";
  const fhirService = (
    serviceName: string,
    image: string,
    role: "FHIR Data Reader" | "FHIR Data Contributor",
  ) => {
    const identity = new WorkloadIdentity(
      serviceName,
      {
        ...common,
        location: azure.location,
        subscriptionId: azure.subscriptionId,
        grants: [
          { name: "fhir", role, scope: fhir.fhirServiceId },
          {
            name: "pseudonym-key",
            role: "Key Vault Secrets User",
            scope: pulumi.interpolate`${vault.vaultId}/secrets/${pseudonymSecret}`,
          },
        ],
      },
      opts,
    );
    return new ContainerService(
      serviceName,
      {
        ...common,
        location: azure.location,
        environmentId: environment.environmentId,
        image,
        identityId: identity.identityId,
        identityClientId: identity.clientId,
        environment: { FHIR_URL: fhir.fhirUrl },
        keyVaultSecrets: {
          PHI_PSEUDONYM_KEY: vault.vaultUri.apply(
            (uri) => `${uri.replace(/\/+$/, "")}/secrets/${pseudonymSecret}`,
          ),
        },
        allowedSourceRanges: [network.subnetPrefixes.api],
      },
      opts,
    );
  };
  if (azure.fhirGateway) {
    fhirService("fhir-gateway", azure.fhirGateway.image, "FHIR Data Reader");
  }
  if (azure.gdprErasure) {
    fhirService("gdpr-erasure", azure.gdprErasure.image, "FHIR Data Contributor");
  }

  const frontDoor = new ApiFrontDoor(
    "api",
    {
      ...common,
      location: azure.location,
      publisherEmail: azure.apiPublisherEmail,
      subnetId: network.subnetIds.api,
      auditWorkspaceId: audit.workspaceId,
      tenantId: azure.tenantId,
      api: {
        name: "triage",
        backendHost: triage.fqdn,
        audience: azure.triage.audience,
        routes: [{ method: "POST", path: "/triage" }],
      },
    },
    opts,
  );

  return {
    azureResourceGroup: group.name,
    azureAuditWorkspaceId: audit.workspaceId,
    azureKeyVaultUri: vault.vaultUri,
    azurePhiKeyId: vault.keyId,
    azureFhirUrl: pulumi.output(fhir.fhirUrl),
    azureOpenAiEndpoint: pulumi.output(openAi.endpoint),
    azureOpenAiDeployment: openAi.deploymentName,
    azureTriageApiUrl: frontDoor.apiUrl,
  };
}
