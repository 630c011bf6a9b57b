/**
 * Type tokens the stack policies read, exactly as the installed providers define them (`__pulumiType`). Stack
 * policies see resources as plain objects, so they match on these strings instead of on classes.
 */
export const aws = {
  bucket: "aws:s3/bucket:Bucket",
  bucketV2: "aws:s3/bucketV2:BucketV2",
  bucketEncryption:
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  bucketEncryptionV2:
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
  bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  accountPublicAccessBlock: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  dynamodbTable: "aws:dynamodb/table:Table",
  kinesisStream: "aws:kinesis/stream:Stream",
  sqsQueue: "aws:sqs/queue:Queue",
  snsTopic: "aws:sns/topic:Topic",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  secret: "aws:secretsmanager/secret:Secret",
  trail: "aws:cloudtrail/trail:Trail",
  lambdaFunction: "aws:lambda/function:Function",
  lambdaFunctionUrl: "aws:lambda/functionUrl:FunctionUrl",
  eventSourceMapping: "aws:lambda/eventSourceMapping:EventSourceMapping",
  apiRoute: "aws:apigatewayv2/route:Route",
  kmsKey: "aws:kms/key:Key",
  kmsAlias: "aws:kms/alias:Alias",
} as const;

export const gcp = {
  bigqueryDataset: "gcp:bigquery/dataset:Dataset",
  bigqueryTable: "gcp:bigquery/table:Table",
  spannerInstance: "gcp:spanner/instance:Instance",
  spannerDatabase: "gcp:spanner/database:Database",
  cluster: "gcp:container/cluster:Cluster",
  pubsubTopic: "gcp:pubsub/topic:Topic",
  pubsubSubscription: "gcp:pubsub/subscription:Subscription",
  storageBucket: "gcp:storage/bucket:Bucket",
  cryptoKey: "gcp:kms/cryptoKey:CryptoKey",
  projectAuditConfig: "gcp:projects/iAMAuditConfig:IAMAuditConfig",
  folderAuditConfig: "gcp:folder/iamAuditConfig:IamAuditConfig",
  organizationAuditConfig: "gcp:organizations/iamAuditConfig:IamAuditConfig",
  logBucket: "gcp:logging/projectBucketConfig:ProjectBucketConfig",
  vertexDataset: "gcp:vertex/aiDataset:AiDataset",
  vertexEndpoint: "gcp:vertex/aiEndpoint:AiEndpoint",
  vertexIndex: "gcp:vertex/aiIndex:AiIndex",
  vertexFeatureStore: "gcp:vertex/aiFeatureStore:AiFeatureStore",
} as const;

export const azure = {
  fhirService: "azure-native:healthcareapis:FhirService",
  healthWorkspace: "azure-native:healthcareapis:Workspace",
  cognitiveAccount: "azure-native:cognitiveservices:Account",
  cognitiveDeployment: "azure-native:cognitiveservices:Deployment",
  storageAccount: "azure-native:storage:StorageAccount",
  keyVault: "azure-native:keyvault:Vault",
  key: "azure-native:keyvault:Key",
  logWorkspace: "azure-native:operationalinsights:Workspace",
  logTable: "azure-native:operationalinsights:Table",
  diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
  privateEndpoint: "azure-native:network:PrivateEndpoint",
} as const;

export const kubernetes = {
  namespace: "kubernetes:core/v1:Namespace",
  networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
} as const;

export const providers = {
  aws: "pulumi:providers:aws",
  gcp: "pulumi:providers:gcp",
  azure: "pulumi:providers:azure-native",
} as const;

/** GCP services whose data-access audit logs cover each PHI resource type. */
export const gcpServiceOf: Readonly<Record<string, string>> = {
  [gcp.bigqueryDataset]: "bigquery.googleapis.com",
  [gcp.bigqueryTable]: "bigquery.googleapis.com",
  [gcp.spannerInstance]: "spanner.googleapis.com",
  [gcp.spannerDatabase]: "spanner.googleapis.com",
  [gcp.cluster]: "container.googleapis.com",
  [gcp.storageBucket]: "storage.googleapis.com",
  [gcp.pubsubTopic]: "pubsub.googleapis.com",
  [gcp.pubsubSubscription]: "pubsub.googleapis.com",
  [gcp.vertexDataset]: "aiplatform.googleapis.com",
  [gcp.vertexEndpoint]: "aiplatform.googleapis.com",
  [gcp.vertexIndex]: "aiplatform.googleapis.com",
  [gcp.vertexFeatureStore]: "aiplatform.googleapis.com",
};

/** The cloud a resource type belongs to; undefined for Kubernetes, components and other packages. */
export function cloudOfType(type: string): "aws" | "gcp" | "azure" | undefined {
  const pkg = type.startsWith("pulumi:providers:")
    ? type.slice("pulumi:providers:".length)
    : type.split(":")[0];
  switch (pkg) {
    case "aws":
      return "aws";
    case "gcp":
      return "gcp";
    case "azure-native":
      return "azure";
    default:
      return undefined;
  }
}
