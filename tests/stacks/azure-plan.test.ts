/**
 * Each stack's Azure side, run through the offline plan with the full policy pack: every component present on the
 * stack's explicit Azure provider, no unsuppressed mandatory violation and no undecided policy on an Azure resource,
 * FHIR and OpenAI reachable only through private endpoints, and (EU) every location in an EU member state with the
 * OpenAI deployment processing inside the EU data zone.
 */
import { Ok, planStacks, stacks } from "../helpers/stack-plans";
import { azureEuMemberStateLocations } from "../../stacks/config";

const planOf = planStacks();
type Resource = Ok["resources"][number];

const isAzure = (type: string) =>
  type.startsWith("azure-native:") ||
  type.startsWith("mediconnect:azure:") ||
  type === "pulumi:providers:azure-native";

function only(plan: Ok, type: string, name?: string): Resource {
  const found = plan.resources.filter(
    (r) => r.type === type && (name === undefined || r.name === name),
  );
  if (found.length !== 1) {
    throw new Error(`expected one ${type} ${name ?? ""}, found ${found.length}`);
  }
  return found[0];
}

describe.each(stacks)("offline plan of stack %s, Azure side", (stack) => {
  it("builds every Azure component", () => {
    expect(
      planOf(stack)
        .resources.filter((r) => r.type.startsWith("mediconnect:azure:"))
        .map((r) => `${r.type}::${r.name}`)
        .sort(),
    ).toEqual(
      [
        "mediconnect:azure:AuditWorkspace::audit",
        "mediconnect:azure:KeyVault::phi",
        "mediconnect:azure:NetworkFoundation::network",
        "mediconnect:azure:WorkloadIdentity::fhir-service",
        "mediconnect:azure:WorkloadIdentity::openai-cmk",
        "mediconnect:azure:WorkloadIdentity::storage-cmk",
        "mediconnect:azure:FhirService::health",
        "mediconnect:azure:PrivateLink::health-workspace",
        "mediconnect:azure:PrivateLink::health-export-blob",
        "mediconnect:azure:OpenAiAccount::openai",
        "mediconnect:azure:PrivateLink::openai-account",
        "mediconnect:azure:PrivateLink::phi-vault",
        "mediconnect:azure:WorkloadIdentity::symptom-triage",
        "mediconnect:azure:ContainerAppsEnvironment::apps",
        "mediconnect:azure:ContainerService::symptom-triage",
        "mediconnect:azure:ApiFrontDoor::api",
        "mediconnect:azure:WorkloadIdentity::fhir-gateway",
        "mediconnect:azure:ContainerService::fhir-gateway",
        "mediconnect:azure:WorkloadIdentity::gdpr-erasure",
        "mediconnect:azure:ContainerService::gdpr-erasure",
      ].sort(),
    );
  });

  it("puts every Azure resource on the stack's one explicit Azure provider", () => {
    const plan = planOf(stack);
    const providers = plan.resources.filter((r) => r.type === "pulumi:providers:azure-native");
    expect(providers.length).toBe(1);
    expect(
      plan.resources
        .filter(
          (r) => r.custom && r.type.startsWith("azure-native:") && r.provider !== providers[0].urn,
        )
        .map((r) => r.urn),
    ).toEqual([]);
  });

  it("has no unsuppressed mandatory violation on any Azure resource", () => {
    const plan = planOf(stack);
    const urns = new Set(plan.resources.filter((r) => isAzure(r.type)).map((r) => r.urn));
    expect(
      plan.evaluation.violations
        .filter((v) => v.enforcementLevel === "mandatory" && urns.has(v.urn))
        .map((v) => `${v.policyName} on ${v.urn}: ${v.detail}`),
    ).toEqual([]);
  });

  it("leaves no policy undecided on an Azure resource", () => {
    const plan = planOf(stack);
    const urns = new Set(plan.resources.filter((r) => isAzure(r.type)).map((r) => r.urn));
    expect(
      plan.evaluation.indeterminate
        .filter((f) => urns.has(f.urn))
        .map((f) => `${f.policyName}: ${f.detail}`),
    ).toEqual([]);
  });

  it("reaches the FHIR workspace, the OpenAI account, the export storage and the Key Vault only through private endpoints in the endpoints subnet", () => {
    const plan = planOf(stack);
    const subnet = only(plan, "azure-native:network:Subnet", "network-private-endpoints");
    expect(subnet.inputs["subnetName"]).toBe("private-endpoints");
    const endpoints = plan.resources.filter(
      (r) => r.type === "azure-native:network:PrivateEndpoint",
    );
    const targetName = (id: unknown) =>
      plan.resources.find(
        (r) => r.custom && r.id === id && r.type !== "azure-native:network:PrivateEndpoint",
      )?.name;
    expect(
      endpoints
        .map((e) => {
          const [connection] = e.inputs["privateLinkServiceConnections"] as Record<
            string,
            unknown
          >[];
          return [
            targetName(connection["privateLinkServiceId"]),
            connection["groupIds"],
            (e.inputs["subnet"] as { id: string }).id === subnet.id,
          ];
        })
        .sort(),
    ).toEqual([
      ["health-export", ["blob"], true],
      ["health-workspace", ["healthcareworkspace"], true],
      ["openai-account", ["account"], true],
      // The Container Apps read the pseudonym key through a Key Vault reference from inside the network.
      ["phi-vault", ["vault"], true],
    ]);
    const vaultZone = only(
      plan,
      "azure-native:privatedns:PrivateZone",
      "network-vaultcore-azure-net-zone",
    );
    expect(vaultZone.inputs["privateZoneName"]).toBe("privatelink.vaultcore.azure.net");
    const vaultDns = only(plan, "azure-native:network:PrivateDnsZoneGroup", "phi-vault-dns");
    expect(vaultDns.inputs["privateDnsZoneConfigs"]).toEqual([
      { name: "zone-0", privateDnsZoneId: vaultZone.id },
    ]);
    expect(only(plan, "azure-native:cognitiveservices:Account").inputs["properties"]).toMatchObject(
      { publicNetworkAccess: "Disabled", disableLocalAuth: true },
    );
    expect(only(plan, "azure-native:storage:StorageAccount").inputs["publicNetworkAccess"]).toBe(
      "Disabled",
    );
  });

  it("creates the FHIR service, the export account and the OpenAI account after the role on their key", () => {
    const plan = planOf(stack);
    const keyRole = (identity: string) =>
      only(plan, "azure-native:authorization:RoleAssignment", `${identity}-key`).urn;
    const dependsOn = (type: string) => only(plan, type).dependencies;
    expect([
      dependsOn("azure-native:healthcareapis:FhirService").includes(keyRole("fhir-service")),
      dependsOn("azure-native:storage:StorageAccount").includes(keyRole("storage-cmk")),
      dependsOn("azure-native:cognitiveservices:Account").includes(keyRole("openai-cmk")),
    ]).toEqual([true, true, true]);
  });

  it("sends every Azure diagnostic setting to the stack's audit workspace", () => {
    const plan = planOf(stack);
    const workspace = only(plan, "azure-native:operationalinsights:Workspace");
    const settings = plan.resources.filter(
      (r) => r.type === "azure-native:monitor:DiagnosticSetting",
    );
    expect(settings.map((d) => d.name).sort()).toEqual(
      [
        "api-diagnostics",
        "apps-diagnostics",
        "health-export-diagnostics",
        "health-fhir-diagnostics",
        "openai-diagnostics",
        "phi-diagnostics",
      ].sort(),
    );
    expect(
      settings.filter((d) => d.inputs["workspaceId"] !== workspace.id).map((d) => d.name),
    ).toEqual([]);
  });

  it("gives the triage container the contract's environment, and its identity only OpenAI and FHIR roles on those resources", () => {
    const plan = planOf(stack);
    const app = only(plan, "azure-native:app:ContainerApp", "symptom-triage-app");
    const [container] = (
      app.inputs["template"] as { containers: { env: { name: string; value: string }[] }[] }
    ).containers;
    const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
    const identity = only(
      plan,
      "azure-native:managedidentity:UserAssignedIdentity",
      "symptom-triage-identity",
    );
    const prefix = stack === "eu" ? "mc-eu" : "mc-prod";
    expect(env).toEqual({
      PORT: "8080",
      AZURE_OPENAI_ENDPOINT: `https://${prefix}-openai.openai.azure.com/`,
      AZURE_OPENAI_DEPLOYMENT: "gpt-4o",
      AZURE_OPENAI_API_VERSION: "2024-10-21",
      AZURE_CLIENT_ID: identity.outputs["clientId"],
    });
    const account = only(plan, "azure-native:cognitiveservices:Account");
    const fhir = only(plan, "azure-native:healthcareapis:FhirService");
    expect(
      plan.resources
        .filter(
          (r) =>
            r.type === "azure-native:authorization:RoleAssignment" &&
            r.inputs["principalId"] === identity.outputs["principalId"],
        )
        .map((r) => [String(r.inputs["roleDefinitionId"]).split("/").pop(), r.inputs["scope"]]),
    ).toEqual([
      ["5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", account.id],
      ["4c8d0bbc-75d3-4935-991f-5f3c56d81508", fhir.id],
    ]);
  });
});

describe.each(stacks)("offline plan of stack %s, FHIR services", (stack) => {
  it.each([
    ["fhir-gateway", "4c8d0bbc-75d3-4935-991f-5f3c56d81508"],
    ["gdpr-erasure", "5a1fc7df-4bf1-4951-a576-89034ee01acd"],
  ])(
    "runs %s with the FHIR URL and the pseudonym key from Key Vault; its identity holds one FHIR data role and that secret only",
    (service, fhirRole) => {
      const plan = planOf(stack);
      const app = only(plan, "azure-native:app:ContainerApp", `${service}-app`);
      const identity = only(
        plan,
        "azure-native:managedidentity:UserAssignedIdentity",
        `${service}-identity`,
      );
      const vault = only(plan, "azure-native:keyvault:Vault");
      const fhir = only(plan, "azure-native:healthcareapis:FhirService");
      const vaultUri = String(
        (vault.outputs["properties"] as { vaultUri?: string } | undefined)?.vaultUri ?? "",
      ).replace(/\/+$/, "");
      const configuration = app.inputs["configuration"] as { secrets: unknown };
      const [container] = (
        app.inputs["template"] as { containers: { env: unknown; image: string }[] }
      ).containers;
      expect(container.image).toBe(
        `mediconnectregistry.azurecr.io/mediconnect/${service}@sha256:${"0".repeat(63)}${service === "fhir-gateway" ? 2 : 3}`,
      );
      expect(configuration.secrets).toEqual([
        {
          name: "phi-pseudonym-key",
          keyVaultUrl: `${vaultUri}/secrets/phi-pseudonym-key`,
          identity: identity.id,
        },
      ]);
      expect(container.env).toEqual([
        { name: "PORT", value: "8080" },
        { name: "FHIR_URL", value: fhir.outputs["fhirUrl"] ?? expect.any(String) },
        { name: "PHI_PSEUDONYM_KEY", secretRef: "phi-pseudonym-key" },
        { name: "AZURE_CLIENT_ID", value: identity.outputs["clientId"] },
      ]);
      expect(
        plan.resources
          .filter(
            (r) =>
              r.type === "azure-native:authorization:RoleAssignment" &&
              r.inputs["principalId"] === identity.outputs["principalId"],
          )
          .map((r) => [String(r.inputs["roleDefinitionId"]).split("/").pop(), r.inputs["scope"]])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      ).toEqual(
        [
          [fhirRole, fhir.id],
          ["4633458b-17de-408a-b874-0445c86b69e6", `${vault.id}/secrets/phi-pseudonym-key`],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
    },
  );
});

describe("EU residency of the Azure side", () => {
  it("places every located Azure resource and the provider in an EU member state (private DNS is global by design)", () => {
    const plan = planOf("eu");
    const located = plan.resources.filter(
      (r) => isAzure(r.type) && typeof r.inputs["location"] === "string",
    );
    expect(located.length).toBeGreaterThan(20);
    expect(
      located
        .filter((r) => {
          const location = String(r.inputs["location"]);
          const globalDns = location === "global" && r.type.startsWith("azure-native:privatedns:");
          return (
            !globalDns && !(azureEuMemberStateLocations as readonly string[]).includes(location)
          );
        })
        .map((r) => `${r.type}::${r.name} in ${r.inputs["location"]}`),
    ).toEqual([]);
  });

  it("deploys the model on a DataZone SKU, so processing stays in the EU data zone", () => {
    const deployment = only(planOf("eu"), "azure-native:cognitiveservices:Deployment");
    expect(deployment.inputs["sku"]).toEqual({ name: "DataZoneStandard", capacity: 10 });
  });
});
