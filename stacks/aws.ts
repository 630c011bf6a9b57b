/**
 * The AWS part of a stack: the PHI key, identity, video meetings, the vitals pipeline, the HTTP API and the audit
 * trail, all on the stack's explicit AWS provider. `buildAws` reads as the sequence of steps below; each step builds
 * one part from the configuration and the parts before it.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AwsConfig } from "./config";
import type { BuildContext, StackOutputs } from "./context";
import { KmsKey } from "../components/aws/kms-key";
import { AccountBaseline } from "../components/aws/account-baseline";
import { Alerting } from "../components/aws/alerting";
import { Audit } from "../components/aws/audit";
import { CodeSigning } from "../components/aws/code-signing";
import { HttpApi } from "../components/aws/http-api";
import { Identity } from "../components/aws/identity";
import { PhiTable } from "../components/aws/phi-table";
import { PlatformSecret } from "../components/aws/platform-secret";
import { PrivateNetwork, defaultInterfaceServices } from "../components/aws/private-network";
import { VideoMeetings } from "../components/aws/video-meetings";
import { VitalsPipeline } from "../components/aws/vitals-pipeline";

/** What every AWS step receives: the stack's settings and the options that put a component on the provider. */
export interface AwsStep {
  readonly ctx: BuildContext;
  readonly aws: AwsConfig;
  readonly opts: pulumi.ComponentResourceOptions;
}

/** The component name of the audit trail; the PHI key grants CloudTrail on the trail this name gives. */
const auditName = "audit";

/** The Lambda functions' VPC attachment. */
interface FunctionVpc {
  readonly subnetIds: pulumi.Output<string>[];
  readonly securityGroupIds: pulumi.Output<string>[];
}

export function buildAws(
  ctx: BuildContext,
  aws: AwsConfig,
  provider: pulumi.ProviderResource,
): StackOutputs {
  const step: AwsStep = { ctx, aws, opts: { providers: [provider] } };
  const phiKey = createPhiKey(step);
  const key = phiKey.keyArn;
  new AccountBaseline("baseline", { accountId: aws.accountId }, step.opts);
  const identity = new Identity(
    "identity",
    { namePrefix: ctx.config.namePrefix, appUrl: ctx.config.appUrl },
    step.opts,
  );
  const secrets = createFunctionSecrets(step, key);
  const appointments = new PhiTable(
    "appointments",
    {
      namePrefix: ctx.config.namePrefix,
      hashKey: "appointmentId",
      kmsKeyArn: key,
      ttlAttribute: null,
    },
    step.opts,
  );
  const network = createNetwork(step, key);
  // One signing profile, configuration and artifact bucket per stack: every function is deployed signed.
  const codeSigning = new CodeSigning(
    "code-signing",
    { namePrefix: ctx.config.namePrefix, kmsKeyArn: key },
    step.opts,
  );
  const video = createVideoMeetings(step, { key, codeSigning, appointments, secrets, network });
  const vitals = createVitalsPipeline(step, { key, codeSigning, secrets, vpc: network.vpc });
  const api = createApi(step, { key, identity, video });
  const alerting = createAlerting(step, { key, video, vitals, api });
  const audit = createAudit(step, { key, appointments, video, vitals });

  return {
    awsPhiKeyArn: phiKey.keyArn,
    awsPhiKeyAlias: phiKey.aliasName,
    awsUserPoolId: identity.userPoolId,
    awsIssuerUrl: identity.issuerUrl,
    awsSpaClientId: identity.spaClientId,
    awsApiEndpoint: api.apiEndpoint,
    awsVitalsStreamName: vitals.streamName,
    awsVitalsDevicePolicy: vitals.devicePolicyName,
    awsAuditBucket: audit.bucketName,
    awsArtifactBucket: codeSigning.bucketName,
    awsCodeSigningConfigArn: codeSigning.configArn,
    awsTrailArn: audit.trailArn,
    awsOperationsTopicArn: alerting.operationsTopicArn,
  };
}

/**
 * The PHI key. Its policy lets the services that encrypt with it do so for this account only: CloudWatch Logs for
 * the account's log groups, CloudTrail for the stack's trail (named by `Audit.trailName`, since the trail is created
 * after the key), SNS, CloudWatch alarms and EventBridge for the stack's own topics, alarms and rules.
 */
export function createPhiKey({ ctx, aws, opts }: AwsStep): KmsKey {
  const { region, accountId } = aws;
  const namePrefix = ctx.config.namePrefix;
  return new KmsKey(
    "phi",
    {
      description: `MediConnect ${ctx.config.stack}: PHI at rest (streams, tables, logs, buckets)`,
      accountId,
      namePrefix,
      servicePrincipals: [
        {
          service: `logs.${region}.amazonaws.com`,
          condition: {
            ArnLike: {
              "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:*`,
            },
          },
        },
        {
          service: "cloudtrail.amazonaws.com",
          sourceArns: [
            `arn:aws:cloudtrail:${region}:${accountId}:trail/${Audit.trailName(namePrefix, auditName)}`,
          ],
        },
        // SNS delivering dead letters into encrypted queues; alarms and EventBridge publishing to encrypted targets.
        {
          service: "sns.amazonaws.com",
          sourceArns: [`arn:aws:sns:${region}:${accountId}:${namePrefix}-*`],
        },
        {
          service: "cloudwatch.amazonaws.com",
          sourceArns: [`arn:aws:cloudwatch:${region}:${accountId}:alarm:*`],
        },
        {
          service: "events.amazonaws.com",
          sourceArns: [`arn:aws:events:${region}:${accountId}:rule/${namePrefix}-*`],
        },
      ],
    },
    opts,
  );
}

/** The secrets the functions read, by environment name: the log pseudonym key, stored in Secrets Manager. */
export function createFunctionSecrets(
  { ctx, opts }: AwsStep,
  key: pulumi.Input<string>,
): Record<string, pulumi.Output<string>> {
  const pseudonymKey = new PlatformSecret(
    "pseudonym-key",
    {
      namePrefix: ctx.config.namePrefix,
      description:
        "HMAC key of the opaque ids and log pseudonyms (PHI_PSEUDONYM_KEY of the functions)",
      kmsKeyArn: key,
      value: ctx.config.pseudonymKey,
    },
    opts,
  );
  return { PHI_PSEUDONYM_KEY: pseudonymKey.secretArn };
}

/**
 * The private network the functions run in. The Chime SDK Meetings API is reachable privately (meetings-chime
 * endpoint) when its control region is the stack's region; otherwise the meeting function stays outside the VPC
 * rather than lose its API, and `chimeInRegion` says so.
 */
export function createNetwork(
  { ctx, aws, opts }: AwsStep,
  key: pulumi.Input<string>,
): { network: PrivateNetwork; vpc: FunctionVpc; chimeInRegion: boolean } {
  const chimeInRegion = aws.chime.controlRegion === aws.region;
  const network = new PrivateNetwork(
    "network",
    {
      namePrefix: ctx.config.namePrefix,
      kmsKeyArn: key,
      logRetentionInDays: ctx.config.logRetentionDays,
      interfaceServices: [
        ...defaultInterfaceServices,
        ...(chimeInRegion ? ["meetings-chime"] : []),
      ],
    },
    opts,
  );
  const vpc = {
    subnetIds: network.subnetIds,
    securityGroupIds: [network.functionSecurityGroupId],
  };
  return { network, vpc, chimeInRegion };
}

/** Video visits: the meeting function, in the VPC when the Chime API is reachable from it. */
export function createVideoMeetings(
  { ctx, aws, opts }: AwsStep,
  parts: {
    key: pulumi.Input<string>;
    codeSigning: CodeSigning;
    appointments: PhiTable;
    secrets: Record<string, pulumi.Input<string>>;
    network: { vpc: FunctionVpc; chimeInRegion: boolean };
  },
): VideoMeetings {
  return new VideoMeetings(
    "video",
    {
      namePrefix: ctx.config.namePrefix,
      kmsKeyArn: parts.key,
      logRetentionInDays: ctx.config.logRetentionDays,
      codeSigning: parts.codeSigning,
      controlRegion: aws.chime.controlRegion,
      mediaRegions: aws.chime.mediaRegions,
      appointmentsTable: parts.appointments,
      secrets: parts.secrets,
      vpc: parts.network.chimeInRegion ? parts.network.vpc : undefined,
    },
    opts,
  );
}

/** Device vitals through IoT Core and Kinesis to the anomaly function, kept as long as the stack configures. */
export function createVitalsPipeline(
  { ctx, aws, opts }: AwsStep,
  parts: {
    key: pulumi.Input<string>;
    codeSigning: CodeSigning;
    secrets: Record<string, pulumi.Input<string>>;
    vpc: FunctionVpc;
  },
): VitalsPipeline {
  return new VitalsPipeline(
    "vitals",
    {
      namePrefix: ctx.config.namePrefix,
      kmsKeyArn: parts.key,
      alertLinkBase: `${ctx.config.appUrl}/alerts/`,
      retentionHours: aws.kinesisRetentionHours,
      logRetentionInDays: ctx.config.logRetentionDays,
      codeSigning: parts.codeSigning,
      secrets: parts.secrets,
      vpc: parts.vpc,
    },
    opts,
  );
}

/** The HTTP API: Cognito JWTs, CORS for the web app only, one route per function that serves it. */
export function createApi(
  { ctx, opts }: AwsStep,
  parts: { key: pulumi.Input<string>; identity: Identity; video: VideoMeetings },
): HttpApi {
  return new HttpApi(
    "api",
    {
      namePrefix: ctx.config.namePrefix,
      issuerUrl: parts.identity.issuerUrl,
      audiences: parts.identity.audiences,
      kmsKeyArn: parts.key,
      logRetentionInDays: ctx.config.logRetentionDays,
      corsOrigins: [ctx.config.appUrl],
      routes: [
        { routeKey: "POST /appointments/{appointmentId}/meeting", function: parts.video.function },
      ],
    },
    opts,
  );
}

/** Vitals alerts to the clinicians on duty; every function, dead-letter queue, stream and API alarm to on-call. */
export function createAlerting(
  { ctx, aws, opts }: AwsStep,
  parts: {
    key: pulumi.Input<string>;
    video: VideoMeetings;
    vitals: VitalsPipeline;
    api: HttpApi;
  },
): Alerting {
  const { video, vitals, api } = parts;
  return new Alerting(
    "alerting",
    {
      namePrefix: ctx.config.namePrefix,
      kmsKeyArn: parts.key,
      clinicianTopicArn: vitals.alertTopicArn,
      clinicians: {
        emails: aws.alerts.clinicianEmails,
        sms: aws.alerts.clinicianSms,
        endpoint: aws.alerts.clinicianEndpoint,
      },
      operations: {
        emails: aws.alerts.operationsEmails,
        endpoint: aws.alerts.operationsEndpoint,
      },
      functions: [
        { name: "video-meeting", functionName: video.function.functionName },
        { name: "vitals-anomaly", functionName: vitals.function.functionName },
      ],
      deadLetterQueues: [
        { name: "video-dead-letters", queueName: video.deadLetterQueueName },
        { name: "vitals-failures", queueName: vitals.failureQueueName },
        { name: "vitals-dead-letters", queueName: vitals.deadLetterQueueName },
        { name: "vitals-ingest-errors", queueName: vitals.ingestErrorQueueName },
      ],
      streams: [{ name: "vitals-stream", streamName: vitals.streamName }],
      apis: [{ name: "api", apiId: api.apiId }],
      otherAlarmTopicArns: [vitals.alarmTopicArn],
    },
    opts,
  );
}

/** The audit trail, with data events for every function and every table that holds PHI. */
export function createAudit(
  { ctx, opts }: AwsStep,
  parts: {
    key: pulumi.Input<string>;
    appointments: PhiTable;
    video: VideoMeetings;
    vitals: VitalsPipeline;
  },
): Audit {
  const { video, vitals } = parts;
  return new Audit(
    auditName,
    {
      namePrefix: ctx.config.namePrefix,
      kmsKeyArn: parts.key,
      logRetentionInDays: ctx.config.logRetentionDays,
      functionArns: [video.function.functionArn, vitals.function.functionArn],
      tableArns: [
        parts.appointments.tableArn,
        video.meetingsTable.tableArn,
        vitals.stateTable.tableArn,
        vitals.alertTable.tableArn,
      ],
    },
    opts,
  );
}
