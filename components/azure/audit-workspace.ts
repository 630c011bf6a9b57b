import * as pulumi from "@pulumi/pulumi";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";
import { sixYearsInDays } from "../../policies/catalog/retention";

/** The longest interactive retention Log Analytics allows; the rest of the six years is archive. */
export const interactiveRetentionDays = 730;

export interface AuditWorkspaceArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly namePrefix: string;
  /**
   * Total retention of the audit tables, archive included, in days (Log Analytics accepts up to 4383).
   * @default six years (`sixYearsInDays`, 45 CFR 164.316(b)(2))
   */
  readonly totalRetentionDays?: number;
  /**
   * Tables that receive audit records and keep them for `totalRetentionDays`.
   * @default ["AzureDiagnostics", "AzureActivity"]
   */
  readonly auditTables?: readonly string[];
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The Log Analytics workspace every Azure PHI resource sends its audit logs to: 730 days interactive, audit tables
 * kept six years with archive, ingestion and query over private links only, local (shared key) auth off.
 */
export class AuditWorkspace extends pulumi.ComponentResource {
  public readonly workspaceId: pulumi.Output<string>;
  public readonly workspaceName: pulumi.Output<string>;

  constructor(name: string, args: AuditWorkspaceArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:azure:AuditWorkspace", name, {}, opts);
    const total = wholeNumber(
      `AuditWorkspace ${name}`,
      "totalRetentionDays",
      args.totalRetentionDays ?? sixYearsInDays,
      { value: sixYearsInDays, meaning: "six years" },
      4383,
    );
    const workspace = new operationalinsights.Workspace(
      `${name}-workspace`,
      {
        workspaceName: physicalName(args.namePrefix, name, 63),
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        sku: { name: "PerGB2018" },
        retentionInDays: interactiveRetentionDays,
        publicNetworkAccessForIngestion: "Disabled",
        publicNetworkAccessForQuery: "Disabled",
        features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
        tags: args.tags,
      },
      { parent: this },
    );
    for (const table of args.auditTables ?? ["AzureDiagnostics", "AzureActivity"]) {
      new operationalinsights.Table(
        `${name}-${table.toLowerCase()}`,
        {
          resourceGroupName: args.resourceGroupName,
          workspaceName: workspace.name,
          tableName: table,
          retentionInDays: interactiveRetentionDays,
          totalRetentionInDays: total,
        },
        { parent: this },
      );
    }
    this.workspaceId = workspace.id;
    this.workspaceName = workspace.name;
    this.registerOutputs({ workspaceId: this.workspaceId, workspaceName: this.workspaceName });
  }
}
