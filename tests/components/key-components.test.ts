import { only, promiseOf, settled, setupMocks } from "../helpers/mocks";

const recorded = setupMocks({}, (args) =>
  args.type === "aws:kms/key:Key" ? { keyId: `${args.name}-key-id` } : {},
);

// Imported after the mocks are in place, as the Pulumi runtime requires.
/* eslint-disable @typescript-eslint/no-require-imports */
const { KmsKey: AwsKmsKey, keyPolicy } =
  require("../../components/aws/kms-key") as typeof import("../../components/aws/kms-key");
const { KmsKey: GcpKmsKey } =
  require("../../components/gcp/kms-key") as typeof import("../../components/gcp/kms-key");
const { KeyVault } =
  require("../../components/azure/key-vault") as typeof import("../../components/azure/key-vault");
const { AuditWorkspace } =
  require("../../components/azure/audit-workspace") as typeof import("../../components/azure/audit-workspace");
/* eslint-enable @typescript-eslint/no-require-imports */

describe("aws KmsKey", () => {
  it("creates a rotating symmetric key with a named-principal policy and an alias", async () => {
    const key = new AwsKmsKey("phi", {
      description: "PHI",
      accountId: "123456789012",
      namePrefix: "mc-eu",
      servicePrincipals: ["logs.eu-central-1.amazonaws.com"],
    });
    await promiseOf(key.keyArn);
    await settled();
    const k = only(recorded, "aws:kms/key:Key");
    expect(k.name).toBe("phi-key");
    expect(k.inputs).toEqual({
      description: "PHI",
      enableKeyRotation: true,
      rotationPeriodInDays: 365,
      deletionWindowInDays: 30,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      isEnabled: true,
      multiRegion: false,
      bypassPolicyLockoutSafetyCheck: false,
      policy: keyPolicy("123456789012", ["logs.eu-central-1.amazonaws.com"]),
    });
    expect(JSON.parse(k.inputs.policy).Statement).toEqual([
      {
        Sid: "AccountAdministersKeyThroughIam",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:root" },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: "ServicesUseKeyForThisAccount",
        Effect: "Allow",
        Principal: { Service: ["logs.eu-central-1.amazonaws.com"] },
        Action: [
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
        ],
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
      },
    ]);
    expect(only(recorded, "aws:kms/alias:Alias").inputs).toEqual({
      name: "alias/mc-eu-phi",
      targetKeyId: "phi-key-key-id",
    });
  });

  it.each([
    [
      { rotationPeriodInDays: 30 },
      "KmsKey bad: [rotationPeriodInDays] must be a whole number from 90 to 2560, received 30",
    ],
    [
      { deletionWindowInDays: 3 },
      "KmsKey bad: [deletionWindowInDays] must be a whole number from 7 to 30, received 3",
    ],
  ])("rejects %j with a message naming the argument", (extra, message) => {
    expect(
      () => new AwsKmsKey("bad", { description: "x", accountId: "1", namePrefix: "mc", ...extra }),
    ).toThrow(message);
  });
});

describe("gcp KmsKey", () => {
  it("creates a key ring and an HSM key rotating every 90 days that cannot be destroyed", async () => {
    const key = new GcpKmsKey("phi", { location: "europe-west3", namePrefix: "mc-eu" });
    await promiseOf(key.cryptoKeyId);
    await settled();
    expect(only(recorded, "gcp:kms/keyRing:KeyRing").inputs).toEqual({
      name: "mc-eu-phi",
      location: "europe-west3",
    });
    expect(only(recorded, "gcp:kms/cryptoKey:CryptoKey").inputs).toEqual({
      name: "mc-eu-phi-key",
      keyRing: "projects/mediconnect-prod-eu/locations/europe-west3/keyRings/mc-eu-phi",
      purpose: "ENCRYPT_DECRYPT",
      rotationPeriod: "7776000s",
      destroyScheduledDuration: "2592000s",
      deletionPolicy: "PREVENT",
      versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "HSM" },
    });
  });

  it("rejects a rotation period over 90 days", () => {
    expect(
      () =>
        new GcpKmsKey("slow", { location: "eu", namePrefix: "mc", rotationPeriodSeconds: 7776001 }),
    ).toThrow(
      "KmsKey slow: [rotationPeriodSeconds] must be a whole number from 86400 (1 day) to 7776000 (90 days), received 7776001",
    );
  });
});

describe("azure AuditWorkspace", () => {
  it("keeps 730 days interactive and the audit tables six years, with public access and local auth off", async () => {
    const audit = new AuditWorkspace("audit", {
      resourceGroupName: "rg",
      location: "germanywestcentral",
      namePrefix: "mc-eu",
    });
    await promiseOf(audit.workspaceId);
    await settled();
    expect(only(recorded, "azure-native:operationalinsights:Workspace").inputs).toEqual({
      workspaceName: "mc-eu-audit",
      resourceGroupName: "rg",
      location: "germanywestcentral",
      sku: { name: "PerGB2018" },
      retentionInDays: 730,
      publicNetworkAccessForIngestion: "Disabled",
      publicNetworkAccessForQuery: "Disabled",
      features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
    });
    expect(
      recorded
        .filter((r) => r.type === "azure-native:operationalinsights:Table")
        .map((t) => [t.name, t.inputs]),
    ).toEqual(
      ["AzureDiagnostics", "AzureActivity"].map((table) => [
        `audit-${table.toLowerCase()}`,
        {
          resourceGroupName: "rg",
          workspaceName: "mc-eu-audit",
          tableName: table,
          retentionInDays: 730,
          totalRetentionInDays: 2192,
        },
      ]),
    );
  });

  it("rejects a total retention under six years", () => {
    expect(
      () =>
        new AuditWorkspace("short", {
          resourceGroupName: "rg",
          location: "x",
          namePrefix: "mc",
          totalRetentionDays: 365,
        }),
    ).toThrow(
      "AuditWorkspace short: [totalRetentionDays] must be a whole number from 2192 (six years) to 4383, received 365",
    );
  });
});

describe("azure KeyVault", () => {
  it("creates a premium vault with RBAC, purge protection and default-deny, and a rotating HSM key", async () => {
    const vault = new KeyVault("phi", {
      resourceGroupName: "rg",
      location: "germanywestcentral",
      tenantId: "00000000-0000-4000-8000-0000000000bb",
      namePrefix: "mc-eu",
      auditWorkspaceId:
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit",
    });
    await promiseOf(vault.keyId);
    await settled();
    expect(only(recorded, "azure-native:keyvault:Vault").inputs).toEqual({
      vaultName: "mc-eu-phi",
      resourceGroupName: "rg",
      location: "germanywestcentral",
      properties: {
        tenantId: "00000000-0000-4000-8000-0000000000bb",
        sku: { family: "A", name: "premium" },
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        enablePurgeProtection: true,
        softDeleteRetentionInDays: 90,
        enabledForDeployment: false,
        enabledForDiskEncryption: false,
        enabledForTemplateDeployment: false,
        publicNetworkAccess: "Disabled",
        networkAcls: {
          defaultAction: "Deny",
          bypass: "AzureServices",
          ipRules: [],
          virtualNetworkRules: [],
        },
      },
    });
    expect(only(recorded, "azure-native:monitor:DiagnosticSetting").inputs).toEqual({
      name: "mc-eu-phi-audit",
      resourceUri: "phi-vault-id",
      workspaceId:
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit",
      logAnalyticsDestinationType: "Dedicated",
      logs: [{ categoryGroup: "allLogs", enabled: true }],
      metrics: [{ category: "AllMetrics", enabled: true }],
    });
    expect(only(recorded, "azure-native:keyvault:Key").inputs).toEqual({
      resourceGroupName: "rg",
      vaultName: "mc-eu-phi",
      keyName: "phi-cmk",
      properties: {
        kty: "RSA-HSM",
        keySize: 3072,
        keyOps: ["wrapKey", "unwrapKey", "encrypt", "decrypt"],
        // The provider's own default, kept so an HSM key can never be exported.
        attributes: { enabled: true, exportable: false },
        rotationPolicy: {
          attributes: { expiryTime: "P2Y" },
          lifetimeActions: [
            { trigger: { timeAfterCreate: "P90D" }, action: { type: "rotate" } },
            { trigger: { timeBeforeExpiry: "P30D" }, action: { type: "notify" } },
          ],
        },
      },
    });
  });

  it("rejects a rotation that is not an ISO 8601 duration", () => {
    expect(
      () =>
        new KeyVault("bad", {
          resourceGroupName: "rg",
          location: "x",
          tenantId: "t",
          namePrefix: "mc",
          auditWorkspaceId: "w",
          rotateAfter: "90 days",
        }),
    ).toThrow(
      'KeyVault bad: [rotateAfter] must be an ISO 8601 duration in years, months or days such as "P90D", received "90 days"',
    );
  });
});
