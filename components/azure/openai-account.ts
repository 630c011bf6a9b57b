import * as pulumi from "@pulumi/pulumi";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as monitor from "@pulumi/azure-native/monitor";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";
import type { CustomerKey } from "./fhir-service";
import { PrivateLink } from "./private-link";

export const openAiPrivateDnsZone = "privatelink.openai.azure.com";

/** Deployment types whose processing stays in the account's data zone or region; Global* types are refused. */
export const zonalSkus = [
  "DataZoneStandard",
  "DataZoneProvisionedManaged",
  "Standard",
  "ProvisionedManaged",
] as const;
export type ZonalSku = (typeof zonalSkus)[number];

const harmCategories = ["Hate", "Sexual", "Violence", "Selfharm"] as const;

/** The custom content filter: every harm category blocked on prompts and completions, both prompt shields on. */
export function contentFilters(
  threshold: "Low" | "Medium" | "High",
): cognitiveservices.RaiPolicyArgs["properties"] {
  return {
    basePolicyName: "Microsoft.DefaultV2",
    mode: "Default",
    contentFilters: [
      ...harmCategories.flatMap((category) =>
        (["Prompt", "Completion"] as const).map((source) => ({
          name: category,
          source,
          enabled: true,
          blocking: true,
          severityThreshold: threshold,
        })),
      ),
      { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
      { name: "Indirect Attack", source: "Prompt", enabled: true, blocking: true },
      { name: "Protected Material Text", source: "Completion", enabled: true, blocking: true },
    ],
  };
}

export interface OpenAiAccountArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  /** Location of the account (where models are offered). */
  readonly location: pulumi.Input<string>;
  /** Location of the virtual network that holds the private endpoint. */
  readonly networkLocation: pulumi.Input<string>;
  readonly namePrefix: string;
  /** The key the account's stored data (files, batches, fine-tunes) is encrypted with. */
  readonly key: CustomerKey & {
    /** Client id of the key's identity, which the account's encryption settings name. */
    readonly identityClientId: pulumi.Input<string>;
  };
  readonly privateEndpointSubnetId: pulumi.Input<string>;
  /** Id of the privatelink.openai.azure.com zone linked to the network. */
  readonly privateDnsZoneId: pulumi.Input<string>;
  readonly auditWorkspaceId: pulumi.Input<string>;
  /** Hosts the account may call (restrictOutboundNetworkAccess allowlist); at least one. */
  readonly allowedFqdns: readonly pulumi.Input<string>[];
  readonly model: {
    readonly name: string;
    /** Pinned version; automatic upgrades are off. */
    readonly version: string;
    /**
     * Deployment type: DataZone* keep processing in the data zone, Standard and ProvisionedManaged in the region.
     * @default "DataZoneStandard"
     */
    readonly sku?: ZonalSku;
    /**
     * Capacity in the type's units.
     * @default 10
     */
    readonly capacity?: number;
  };
  /**
   * Lowest severity the content filter blocks.
   * @default "Medium"
   */
  readonly contentFilterThreshold?: "Low" | "Medium" | "High";
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * An Azure OpenAI account (Cognitive Services kind OpenAI) reachable only through a private endpoint: its own
 * subdomain (Entra ID tokens), key authentication off, public network access disabled, network rules that deny by
 * default with no trusted-service bypass, outbound calls limited to an allowlist, encrypted with a customer-managed
 * key through a user-assigned identity; one model deployment with a pinned version, no automatic upgrade, a
 * deployment type that keeps processing in the data zone or region, and a custom content filter; all logs (Audit and
 * RequestResponse among them) sent to the audit workspace.
 */
export class OpenAiAccount extends pulumi.ComponentResource {
  public readonly accountId: pulumi.Output<string>;
  public readonly accountName: pulumi.Output<string>;
  /** https://<subdomain>.openai.azure.com/ (what AZURE_OPENAI_ENDPOINT takes). */
  public readonly endpoint: string;
  public readonly deploymentName: pulumi.Output<string>;

  constructor(name: string, args: OpenAiAccountArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:azure:OpenAiAccount", name, {}, opts);
    const where = `OpenAiAccount ${name}`;
    const sku = args.model.sku ?? "DataZoneStandard";
    if (!(zonalSkus as readonly string[]).includes(sku)) {
      throw new Error(
        `${where}: [model.sku] must be one of ${zonalSkus.join(", ")} (Global* types may process prompts in any region), received ${JSON.stringify(sku)}`,
      );
    }
    const capacity = wholeNumber(where, "model.capacity", args.model.capacity ?? 10, 1, 1000);
    if (args.model.version.trim() === "") {
      throw new Error(`${where}: [model.version] must pin a model version, received ""`);
    }

    if (args.allowedFqdns.length === 0) {
      throw new Error(
        `${where}: [allowedFqdns] must list at least one host the account may call (for example its Key Vault's), received []`,
      );
    }
    const accountName = physicalName(args.namePrefix, name, 64);
    this.endpoint = `https://${accountName}.openai.azure.com/`;
    const account = new cognitiveservices.Account(
      `${name}-account`,
      {
        accountName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        kind: "OpenAI",
        sku: { name: "S0" },
        identity: { type: "UserAssigned", userAssignedIdentities: [args.key.identityId] },
        properties: {
          customSubDomainName: accountName,
          disableLocalAuth: true,
          publicNetworkAccess: "Disabled",
          networkAcls: {
            defaultAction: "Deny",
            bypass: "None",
            ipRules: [],
            virtualNetworkRules: [],
          },
          restrictOutboundNetworkAccess: true,
          allowedFqdnList: [...args.allowedFqdns],
          encryption: {
            keySource: "Microsoft.KeyVault",
            keyVaultProperties: {
              keyVaultUri: pulumi
                .output(args.key.keyUri)
                .apply((u) => u.replace(/\/keys\/.*$/, "/")),
              keyName: pulumi
                .output(args.key.keyUri)
                .apply((u) => u.replace(/^.*\/keys\/([^/]+).*$/, "$1")),
              identityClientId: args.key.identityClientId,
            },
          },
        },
        tags: args.tags,
      },
      { parent: this },
    );

    const rai = new cognitiveservices.RaiPolicy(
      `${name}-content-filter`,
      {
        raiPolicyName: `${name}-content-filter`,
        accountName: account.name,
        resourceGroupName: args.resourceGroupName,
        properties: contentFilters(args.contentFilterThreshold ?? "Medium"),
        tags: args.tags,
      },
      { parent: this },
    );

    const deployment = new cognitiveservices.Deployment(
      `${name}-deployment`,
      {
        deploymentName: args.model.name,
        accountName: account.name,
        resourceGroupName: args.resourceGroupName,
        sku: { name: sku, capacity },
        properties: {
          model: { format: "OpenAI", name: args.model.name, version: args.model.version },
          versionUpgradeOption: "NoAutoUpgrade",
          raiPolicyName: rai.name,
        },
        tags: args.tags,
      },
      { parent: this },
    );

    new PrivateLink(
      `${name}-account`,
      {
        resourceGroupName: args.resourceGroupName,
        location: args.networkLocation,
        namePrefix: args.namePrefix,
        targetId: account.id,
        groupId: "account",
        subnetId: args.privateEndpointSubnetId,
        privateDnsZoneIds: [args.privateDnsZoneId],
        tags: args.tags,
      },
      { parent: this },
    );

    new monitor.DiagnosticSetting(
      `${name}-diagnostics`,
      {
        name: `${accountName}-audit`,
        resourceUri: account.id,
        workspaceId: args.auditWorkspaceId,
        logAnalyticsDestinationType: "Dedicated",
        // allLogs covers the Audit and RequestResponse categories (and Trace, request usage).
        logs: [{ categoryGroup: "allLogs", enabled: true }],
        metrics: [{ category: "AllMetrics", enabled: true }],
      },
      { parent: this },
    );

    this.accountId = account.id;
    this.accountName = account.name;
    this.deploymentName = deployment.name;
    this.registerOutputs({
      accountId: this.accountId,
      accountName: this.accountName,
      endpoint: this.endpoint,
      deploymentName: this.deploymentName,
    });
  }
}
