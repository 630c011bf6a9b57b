/**
 * The AWS part of a stack: the PHI key, identity, video meetings, the vitals pipeline, the HTTP API and the audit
 * trail, all on the stack's explicit AWS provider.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AwsConfig } from "./config";
import type { BuildContext, StackOutputs } from "./context";
import { physicalName } from "../components/shared/naming";
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

export function buildAws(
  ctx: BuildContext,
  aws: AwsConfig,
  provider: pulumi.ProviderResource,
): StackOutputs {
  const { config } = ctx;
  const { region, accountId } = aws;
  const opts = { providers: [provider] };
  const namePrefix = config.namePrefix;
  const logRetentionInDays = config.logRetentionDays;
  const auditName = "audit";
  const phiKey = new KmsKey(
    "phi",
    {
      description: `MediConnect ${config.stack}: PHI at rest (streams, tables, logs, buckets)`,
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
            `arn:aws:cloudtrail:${region}:${accountId}:trail/${physicalName(namePrefix, auditName, 128)}`,
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
  const key = phiKey.keyArn;

  new AccountBaseline("baseline", { accountId }, opts);

  const identity = new Identity("identity", { namePrefix, appUrl: config.appUrl }, opts);

  const pseudonymKey = new PlatformSecret(
    "pseudonym-key",
    {
      namePrefix,
      description:
        "HMAC key of the opaque ids and log pseudonyms (PHI_PSEUDONYM_KEY of the functions)",
      kmsKeyArn: key,
      value: config.pseudonymKey,
    },
    opts,
  );
  const secrets = { PHI_PSEUDONYM_KEY: pseudonymKey.secretArn };

  const appointments = new PhiTable(
    "appointments",
    { namePrefix, hashKey: "appointmentId", kmsKeyArn: key, ttlAttribute: null },
    opts,
  );

  // The Chime SDK Meetings API is reachable privately (meetings-chime endpoint) when its control region is the
  // stack's region; otherwise the meeting function stays outside the VPC rather than lose its API.
  const chimeInRegion = aws.chime.controlRegion === region;
  const network = new PrivateNetwork(
    "network",
    {
      namePrefix,
      kmsKeyArn: key,
      logRetentionInDays,
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

  // One signing profile, configuration and artifact bucket per stack: every function is deployed signed.
  const codeSigning = new CodeSigning("code-signing", { namePrefix, kmsKeyArn: key }, opts);

  const video = new VideoMeetings(
    "video",
    {
      namePrefix,
      kmsKeyArn: key,
      logRetentionInDays,
      codeSigning,
      controlRegion: aws.chime.controlRegion,
      mediaRegions: aws.chime.mediaRegions,
      appointmentsTable: appointments,
      secrets,
      vpc: chimeInRegion ? vpc : undefined,
    },
    opts,
  );

  const vitals = new VitalsPipeline(
    "vitals",
    {
      namePrefix,
      kmsKeyArn: key,
      alertLinkBase: `${config.appUrl}/alerts/`,
      retentionHours: aws.kinesisRetentionHours,
      logRetentionInDays,
      codeSigning,
      secrets,
      vpc,
    },
    opts,
  );

  const api = new HttpApi(
    "api",
    {
      namePrefix,
      issuerUrl: identity.issuerUrl,
      audiences: identity.audiences,
      kmsKeyArn: key,
      logRetentionInDays,
      corsOrigins: [config.appUrl],
      routes: [
        { routeKey: "POST /appointments/{appointmentId}/meeting", function: video.function },
      ],
    },
    opts,
  );

  // Vitals alerts to the clinicians on duty; every function, dead-letter queue, stream and API alarm to on-call.
  const alerting = new Alerting(
    "alerting",
    {
      namePrefix,
      kmsKeyArn: key,
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

  const audit = new Audit(
    auditName,
    {
      namePrefix,
      kmsKeyArn: key,
      logRetentionInDays,
      functionArns: [video.function.functionArn, vitals.function.functionArn],
      tableArns: [
        appointments.tableArn,
        video.meetingsTable.tableArn,
        vitals.stateTable.tableArn,
        vitals.alertTable.tableArn,
      ],
    },
    opts,
  );

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
