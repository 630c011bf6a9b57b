/**
 * What a stack contains, composed from data: each cloud listed in `mediconnect:clouds` contributes its components
 * through the builder below, on that cloud's explicit provider. A new region or residency zone is a new
 * Pulumi.<stack>.yaml; nothing here changes.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import type { Cloud } from "../policies/catalog/residency";
import type { PlatformConfig } from "./config";
import type { Providers } from "./providers";
import { Labels, platformLabels } from "../components/shared/labels";
import { physicalName } from "../components/shared/naming";
import { KmsKey as AwsKmsKey } from "../components/aws/kms-key";
import { AccountBaseline } from "../components/aws/account-baseline";
import { Audit } from "../components/aws/audit";
import { CodeSigning } from "../components/aws/code-signing";
import { HttpApi } from "../components/aws/http-api";
import { Identity } from "../components/aws/identity";
import { PhiTable } from "../components/aws/phi-table";
import { PlatformSecret } from "../components/aws/platform-secret";
import { PrivateNetwork, defaultInterfaceServices } from "../components/aws/private-network";
import { VideoMeetings } from "../components/aws/video-meetings";
import { VitalsPipeline } from "../components/aws/vitals-pipeline";
import { KmsKey as GcpKmsKey } from "../components/gcp/kms-key";
import { KeyVault } from "../components/azure/key-vault";
import { AuditWorkspace } from "../components/azure/audit-workspace";

export interface BuildContext {
  readonly config: PlatformConfig;
  readonly providers: Providers;
  readonly labels: Labels;
}

export type StackOutputs = Record<string, pulumi.Output<unknown>>;

type CloudBuilder = (ctx: BuildContext, provider: pulumi.ProviderResource) => StackOutputs;

/** Each cloud's part of the platform; the order is the order of registration. */
export const cloudBuilders: Readonly<Record<Cloud, CloudBuilder>> = {
  aws: (ctx, provider) => {
    const { config } = ctx;
    const { region, accountId } = config.aws;
    const opts = { providers: [provider] };
    const namePrefix = config.namePrefix;
    const logRetentionInDays = config.logRetentionDays;
    const auditName = "audit";
    const phiKey = new AwsKmsKey(
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
    const chimeInRegion = config.chime.controlRegion === region;
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
        controlRegion: config.chime.controlRegion,
        mediaRegions: config.chime.mediaRegions,
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
        retentionHours: config.kinesisRetentionHours,
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
    };
  },
  gcp: (ctx, provider) => {
    const phiKey = new GcpKmsKey(
      "phi",
      { location: ctx.config.gcp.region, namePrefix: ctx.config.namePrefix },
      { providers: [provider] },
    );
    return { gcpPhiCryptoKeyId: phiKey.cryptoKeyId };
  },
  azure: (ctx, provider) => {
    const group = new resources.ResourceGroup(
      `${ctx.config.namePrefix}-platform`,
      {
        resourceGroupName: physicalName(ctx.config.namePrefix, "platform", 90),
        location: ctx.config.azure.location,
        tags: { ...ctx.labels },
      },
      { provider },
    );
    const audit = new AuditWorkspace(
      "audit",
      {
        resourceGroupName: group.name,
        location: ctx.config.azure.location,
        namePrefix: ctx.config.namePrefix,
        totalRetentionDays: Math.max(ctx.config.logRetentionDays, 2192),
        tags: { ...ctx.labels },
      },
      { providers: [provider] },
    );
    const vault = new KeyVault(
      "phi",
      {
        resourceGroupName: group.name,
        auditWorkspaceId: audit.workspaceId,
        location: ctx.config.azure.location,
        tenantId: ctx.config.azure.tenantId,
        namePrefix: ctx.config.namePrefix,
        tags: { ...ctx.labels },
      },
      { providers: [provider] },
    );
    return {
      azureResourceGroup: group.name,
      azureAuditWorkspaceId: audit.workspaceId,
      azureKeyVaultUri: vault.vaultUri,
      azurePhiKeyId: vault.keyId,
    };
  },
};

export function buildPlatform(config: PlatformConfig, providers: Providers): StackOutputs {
  const ctx: BuildContext = { config, providers, labels: platformLabels(config) };
  const outputs: StackOutputs = {};
  for (const cloud of config.clouds) {
    const provider = providers[cloud];
    if (!provider) {
      throw new Error(
        `No provider was created for cloud "${cloud}": createProviders and the config disagree`,
      );
    }
    Object.assign(outputs, cloudBuilders[cloud](ctx, provider));
  }
  return outputs;
}
