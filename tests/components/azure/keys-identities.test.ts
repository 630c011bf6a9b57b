import {
  Recorded,
  byType,
  group,
  installMocks,
  one,
  settle,
  subscription,
  valueOf,
  workspaceId,
} from "../../helpers/mocks";

let recorded: Recorded[];
let vault: import("../../../components/azure/key-vault").KeyVault;
let identity: import("../../../components/azure/workload-identity").WorkloadIdentity;
let identityModule: typeof import("../../../components/azure/workload-identity");
let vaultModule: typeof import("../../../components/azure/key-vault");

beforeAll(async () => {
  recorded = await installMocks();
  vaultModule = await import("../../../components/azure/key-vault");
  identityModule = await import("../../../components/azure/workload-identity");
  vault = new vaultModule.KeyVault("phi", {
    resourceGroupName: group,
    location: "germanywestcentral",
    tenantId: "t",
    namePrefix: "mc-eu",
    auditWorkspaceId: workspaceId,
    serviceKeys: ["fhir", "openai"],
  });
  identity = new identityModule.WorkloadIdentity("fhir-cmk", {
    resourceGroupName: group,
    location: "germanywestcentral",
    namePrefix: "mc-eu",
    subscriptionId: subscription,
    grants: [
      {
        name: "key",
        role: "Key Vault Crypto Service Encryption User",
        scope: vault.serviceKeys["fhir"].id,
      },
    ],
    tags: { owner: "platform-team" },
  });
  await Promise.all([valueOf(identity.clientId), valueOf(vault.serviceKeys["openai"].uri)]);
  await settle();
});

describe("KeyVault service keys", () => {
  it("creates one more HSM key per service with the vault key's type, size and rotation", () => {
    const keys = byType(recorded, "azure-native:keyvault:Key");
    expect(keys.map((k) => [k.name, k.inputs.keyName])).toEqual([
      ["phi-key", "phi-cmk"],
      ["phi-fhir-key", "fhir-cmk"],
      ["phi-openai-key", "openai-cmk"],
    ]);
    for (const k of keys) {
      expect(k.inputs.properties).toEqual({
        kty: "RSA-HSM",
        keySize: 3072,
        keyOps: ["wrapKey", "unwrapKey", "encrypt", "decrypt"],
        attributes: { enabled: true, exportable: false },
        rotationPolicy: {
          attributes: { expiryTime: "P2Y" },
          lifetimeActions: [
            { trigger: { timeAfterCreate: "P90D" }, action: { type: "rotate" } },
            { trigger: { timeBeforeExpiry: "P30D" }, action: { type: "notify" } },
          ],
        },
      });
    }
  });

  it("exposes each service key's id and URLs", async () => {
    const fhir = vault.serviceKeys["fhir"];
    expect(
      await Promise.all([
        valueOf(fhir.id),
        valueOf(fhir.name),
        valueOf(fhir.uri),
        valueOf(fhir.uriWithVersion),
      ]),
    ).toEqual([
      "phi-fhir-key-id",
      "fhir-cmk",
      "https://mc-eu-phi.vault.azure.net/keys/fhir-cmk",
      "https://mc-eu-phi.vault.azure.net/keys/fhir-cmk/v1",
    ]);
  });

  it.each([[["FHIR"]], [["fhir", "fhir"]], [["open-ai"]]])(
    "refuses service keys %j",
    (serviceKeys) => {
      expect(
        () =>
          new vaultModule.KeyVault("bad", {
            resourceGroupName: group,
            location: "x",
            tenantId: "t",
            namePrefix: "mc",
            auditWorkspaceId: "w",
            serviceKeys,
          }),
      ).toThrow(
        `KeyVault bad: [serviceKeys] must be distinct lowercase names of letters and digits (up to 32) such as "fhir", received ${JSON.stringify(serviceKeys)}`,
      );
    },
  );
});

describe("WorkloadIdentity", () => {
  it("creates a user-assigned identity and grants its role on the key alone, not the vault", async () => {
    expect(
      one(recorded, "azure-native:managedidentity:UserAssignedIdentity", "fhir-cmk-identity")
        .inputs,
    ).toEqual({
      resourceName: "mc-eu-fhir-cmk",
      resourceGroupName: group,
      location: "germanywestcentral",
      tags: { owner: "platform-team" },
    });
    expect(
      byType(recorded, "azure-native:authorization:RoleAssignment").map((r) => [r.name, r.inputs]),
    ).toEqual([
      [
        "fhir-cmk-key",
        {
          principalId: "fhir-cmk-identity-principal",
          principalType: "ServicePrincipal",
          roleDefinitionId: `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
          scope: "phi-fhir-key-id",
          description: "Key Vault Crypto Service Encryption User for mc-eu-fhir-cmk",
        },
      ],
    ]);
    expect(
      await Promise.all([
        valueOf(identity.identityId),
        valueOf(identity.principalId),
        valueOf(identity.clientId),
      ]),
    ).toEqual(["fhir-cmk-identity-id", "fhir-cmk-identity-principal", "fhir-cmk-identity-client"]);
  });

  it("refuses two grants with one name", () => {
    expect(
      () =>
        new identityModule.WorkloadIdentity("dup", {
          resourceGroupName: group,
          location: "x",
          namePrefix: "mc",
          subscriptionId: subscription,
          grants: [
            { name: "a", role: "FHIR Data Reader", scope: "s1" },
            { name: "a", role: "FHIR Data Contributor", scope: "s2" },
          ],
        }),
    ).toThrow('WorkloadIdentity dup: [grants] names must be unique, received "a" more than once');
  });
});
