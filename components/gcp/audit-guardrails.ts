import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";
import { sixYearsInDays } from "../../policies/catalog/retention";

/** Services whose new resources must name a customer-managed key once the guardrails are in place. */
export const cmekRequiredServices = [
  "bigquery.googleapis.com",
  "spanner.googleapis.com",
  "container.googleapis.com",
  "aiplatform.googleapis.com",
  "storage.googleapis.com",
] as const;

/** Boolean constraints enforced on the project. */
export const enforcedConstraints = [
  "storage.uniformBucketLevelAccess",
  "storage.publicAccessPrevention",
  "iam.disableServiceAccountKeyCreation",
  "iam.automaticIamGrantsForDefaultServiceAccounts",
  "compute.skipDefaultNetworkCreation",
  "sql.restrictPublicIp",
] as const;

type PolicyRule = gcp.types.input.orgpolicy.PolicySpecRule;

export interface AuditGuardrailsArgs {
  /** Prefix of the log bucket and sink names. */
  readonly namePrefix: string;
  readonly projectId: string;
  /** Region of the audit log bucket (and of its key). */
  readonly region: string;
  /** Cloud KMS key in `region` for the audit log bucket. */
  readonly logsKeyId: pulumi.Input<string>;
  /**
   * Days the audit bucket keeps logs, at least six years (`sixYearsInDays`, 45 CFR 164.316(b)(2)) and at most 3650.
   * @default six years (`sixYearsInDays`)
   */
  readonly retentionDays?: number;
  /**
   * Value groups (or locations) new resources may be created in, the `gcp.resourceLocations` constraint, for
   * example `in:eu-locations`.
   */
  readonly allowedLocations: readonly string[];
}

/**
 * The project's audit trail and guardrails. An IAM audit config for allServices logs ADMIN_READ, DATA_READ and
 * DATA_WRITE (no exemptions); a sink copies every Cloud Audit Logs entry to a log bucket whose retention of at least
 * six years is locked and whose key is customer-managed. Project-level organization policies keep resources in
 * the allowed locations, require CMEK for the data services, refuse TLS 1.0/1.1, external VM IPs, service-account
 * keys, the default network, public Cloud SQL IPs, non-uniform bucket ACLs, public buckets and automatic Editor
 * grants to default service accounts.
 */
export class AuditGuardrails extends pulumi.ComponentResource {
  public readonly logBucketId: pulumi.Output<string>;
  public readonly sinkWriterIdentity: pulumi.Output<string>;
  /** Constraint names of the organization policies set on the project. */
  public readonly constraints: pulumi.Output<string[]>;

  constructor(name: string, args: AuditGuardrailsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:gcp:AuditGuardrails", name, {}, opts);
    const where = `AuditGuardrails ${name}`;
    const retentionDays = wholeNumber(
      where,
      "retentionDays",
      args.retentionDays ?? sixYearsInDays,
      { value: sixYearsInDays, meaning: "six years" },
      { value: 3650, meaning: "the Cloud Logging maximum" },
    );
    if (args.allowedLocations.length === 0) {
      throw new Error(
        `${where}: [allowedLocations] must list at least one location, received none`,
      );
    }

    new gcp.projects.IAMAuditConfig(
      `${name}-data-access`,
      {
        project: args.projectId,
        service: "allServices",
        auditLogConfigs: [
          { logType: "ADMIN_READ" },
          { logType: "DATA_READ" },
          { logType: "DATA_WRITE" },
        ],
      },
      { parent: this },
    );

    const bucketId = physicalName(args.namePrefix, `${name}-logs`, 100);
    const bucket = new gcp.logging.ProjectBucketConfig(
      `${name}-bucket`,
      {
        project: args.projectId,
        location: args.region,
        bucketId,
        description: "Cloud Audit Logs, retention locked",
        retentionDays,
        locked: true,
        cmekSettings: { kmsKeyName: args.logsKeyId },
      },
      { parent: this },
    );
    const sink = new gcp.logging.ProjectSink(
      `${name}-sink`,
      {
        name: physicalName(args.namePrefix, `${name}-audit`, 100),
        project: args.projectId,
        description: "Every Cloud Audit Logs entry, into the locked audit bucket",
        destination: pulumi.interpolate`logging.googleapis.com/projects/${args.projectId}/locations/${args.region}/buckets/${bucket.bucketId}`,
        filter: 'logName:"/logs/cloudaudit.googleapis.com"',
        uniqueWriterIdentity: true,
      },
      { parent: this },
    );

    const policies: [string, PolicyRule][] = [
      ["gcp.resourceLocations", { values: { allowedValues: [...args.allowedLocations] } }],
      ["gcp.restrictNonCmekServices", { values: { deniedValues: [...cmekRequiredServices] } }],
      [
        "gcp.restrictTLSVersion",
        { values: { deniedValues: ["TLS_VERSION_1", "TLS_VERSION_1_1"] } },
      ],
      ["compute.vmExternalIpAccess", { denyAll: "TRUE" }],
      ...enforcedConstraints.map((c): [string, PolicyRule] => [c, { enforce: "TRUE" }]),
    ];
    for (const [constraint, rule] of policies) {
      new gcp.orgpolicy.Policy(
        `${name}-${constraint.replace(/\./g, "-")}`,
        {
          name: `projects/${args.projectId}/policies/${constraint}`,
          parent: `projects/${args.projectId}`,
          spec: { rules: [rule] },
        },
        { parent: this },
      );
    }

    this.logBucketId = bucket.bucketId;
    this.sinkWriterIdentity = sink.writerIdentity;
    this.constraints = pulumi.output(policies.map(([c]) => c));
    this.registerOutputs({
      logBucketId: this.logBucketId,
      sinkWriterIdentity: this.sinkWriterIdentity,
      constraints: this.constraints,
    });
  }
}
