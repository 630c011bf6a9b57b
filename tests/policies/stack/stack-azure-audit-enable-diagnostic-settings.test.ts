import { stackAzureAuditEnableDiagnosticSettings as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { azureProvider, controls, resource } from "./fixtures";

const c = controls.azureAudit;
const rg =
  "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/mc-eu-platform/providers";
const fhir = resource("azure-native:healthcareapis:FhirService", "fhir", {
  name: "fhir",
  kind: "fhir-R4",
});
const vault = resource("azure-native:keyvault:Vault", "phi-vault", { name: "mc-eu-phi" });
const openai = resource("azure-native:cognitiveservices:Account", "openai", {
  name: "mc-eu-openai",
  kind: "OpenAI",
});
const workspace = resource("azure-native:operationalinsights:Workspace", "audit-logs", {
  name: "mc-eu-audit",
  retentionInDays: 730,
});
const workspaceId = `${rg}/Microsoft.OperationalInsights/workspaces/mc-eu-audit`;
const setting = (
  name: string,
  resourceUri: unknown,
  extra: Record<string, unknown> = {},
  deps?: Record<string, string[]>,
) =>
  resource(
    "azure-native:monitor:DiagnosticSetting",
    name,
    { resourceUri, workspaceId, logs: [{ categoryGroup: "audit", enabled: true }], ...extra },
    deps,
  );

describe("stack-azure-audit-enable-diagnostic-settings", () => {
  it("passes FHIR, Key Vault and OpenAI with settings to a workspace in the stack (by id and by dependency)", async () => {
    const out = await checkStack(policy, [
      azureProvider(),
      fhir,
      vault,
      openai,
      workspace,
      setting("fhir-diag", `${rg}/Microsoft.HealthcareApis/workspaces/mcws/fhirservices/fhir`),
      setting("vault-diag", `${rg}/Microsoft.KeyVault/vaults/mc-eu-phi`),
      setting(
        "openai-diag",
        unknown,
        { workspaceId: unknown },
        { resourceUri: [openai.urn], workspaceId: [workspace.urn] },
      ),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("reports a missing setting, a setting to a workspace outside the stack and one without enabled logs, each on the resource", async () => {
    const external =
      "/subscriptions/x/resourceGroups/y/providers/Microsoft.OperationalInsights/workspaces/elsewhere";
    const out = await checkStack(policy, [
      fhir,
      vault,
      openai,
      workspace,
      setting("vault-diag", `${rg}/Microsoft.KeyVault/vaults/mc-eu-phi`, { workspaceId: external }),
      setting("openai-diag", `${rg}/Microsoft.CognitiveServices/accounts/mc-eu-openai`, {
        logs: [{ categoryGroup: "audit", enabled: false }],
      }),
    ]);
    expect(out.byUrn).toEqual([
      {
        urn: fhir.urn,
        message: `FHIR service fhir has no diagnostic setting (no monitor.DiagnosticSetting with resourceUri pointing at it); expected one sending its audit logs to a Log Analytics workspace in the stack. ${c}`,
      },
      {
        urn: vault.urn,
        message: `Key Vault phi-vault's diagnostic settings are incomplete: vault-diag sends to "${external}", not a workspace in the stack; expected enabled audit logs sent to a Log Analytics workspace in the stack. ${c}`,
      },
      {
        urn: openai.urn,
        message: `Cognitive Services account openai's diagnostic settings are incomplete: openai-diag enables no log category; expected enabled audit logs sent to a Log Analytics workspace in the stack. ${c}`,
      },
    ]);
  });

  it("reports a setting without workspaceId or logs (absent)", async () => {
    const bare = resource("azure-native:monitor:DiagnosticSetting", "bare", {
      resourceUri: `${rg}/Microsoft.KeyVault/vaults/mc-eu-phi`,
    });
    expect((await checkStack(policy, [vault, bare])).violations).toEqual([
      `Key Vault phi-vault's diagnostic settings are incomplete: bare sends to no Log Analytics workspace (workspaceId not set); bare enables no log category; expected enabled audit logs sent to a Log Analytics workspace in the stack. ${c}`,
    ]);
  });

  it("applies to every FHIR service, account and vault whatever the PHI configuration says", async () => {
    expect(
      (await checkStack(policy, [vault], { unlabelledIsPhi: false })).byUrn.map((v) => v.urn),
    ).toEqual([vault.urn]);
  });

  it("is indeterminate when resourceUri is unknown without a dependency", async () => {
    expect(await checkStack(policy, [vault, workspace, setting("d", unknown)])).toMatchObject({
      violations: [],
      indeterminate: true,
    });
  });
});
