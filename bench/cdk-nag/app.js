/**
 * The AWS slice of MediConnect's eu stack written once as a CDK app (L1 constructs, the same resource types in the
 * same numbers as `npm run plan -- --stack eu` registers), synthesized with cdk-nag's HIPAA Security checks as a
 * validation plugin (cdk-nag 3: `Validations.of(app).addPlugins(...)`): what a CDK team runs to get the check this
 * repository's pack gives a Pulumi program.
 * Prints {"totalMs", "synthMs", "resources"} as JSON on its last line; cdk-nag's findings go to stderr, through
 * CDK's validation report.
 */
const started = process.hrtime.bigint();
const { App, Stack, Validations } = require("aws-cdk-lib");
const cdk = require("aws-cdk-lib");
const { HIPAASecurityChecks } = require("cdk-nag");

const app = new App({ outdir: process.argv[2] || require("os").tmpdir() });
const stack = new Stack(app, "mediconnect-eu", {
  env: { account: "123456789012", region: "eu-central-1" },
});
const n = (kind, i) => `${kind}${i}`;

const key = new cdk.aws_kms.CfnKey(stack, "PhiKey", { enableKeyRotation: true, keyPolicy: {} });
new cdk.aws_kms.CfnAlias(stack, "PhiAlias", { aliasName: "alias/phi", targetKeyId: key.ref });
const vpc = new cdk.aws_ec2.CfnVPC(stack, "Vpc", {
  cidrBlock: "10.20.0.0/16",
  enableDnsHostnames: true,
});
new cdk.aws_ec2.CfnFlowLog(stack, "FlowLog", {
  resourceId: vpc.ref,
  resourceType: "VPC",
  trafficType: "ALL",
  logDestinationType: "cloud-watch-logs",
  logGroupName: "flow",
  deliverLogsPermissionArn: "arn:aws:iam::123456789012:role/flow",
});
const rt = new cdk.aws_ec2.CfnRouteTable(stack, "Routes", { vpcId: vpc.ref });
const subnets = [0, 1].map(
  (i) =>
    new cdk.aws_ec2.CfnSubnet(stack, n("Subnet", i), {
      vpcId: vpc.ref,
      cidrBlock: `10.20.${i}.0/24`,
      mapPublicIpOnLaunch: false,
    }),
);
subnets.forEach(
  (s, i) =>
    new cdk.aws_ec2.CfnSubnetRouteTableAssociation(stack, n("Assoc", i), {
      subnetId: s.ref,
      routeTableId: rt.ref,
    }),
);
const sgs = [0, 1].map(
  (i) =>
    new cdk.aws_ec2.CfnSecurityGroup(stack, n("Sg", i), {
      vpcId: vpc.ref,
      groupDescription: "tier",
    }),
);
[0, 1, 2].forEach(
  (i) =>
    new cdk.aws_ec2.CfnSecurityGroupEgress(stack, n("Egress", i), {
      groupId: sgs[i % 2].ref,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIp: "10.20.0.0/16",
    }),
);
new cdk.aws_ec2.CfnSecurityGroupIngress(stack, "Ingress", {
  groupId: sgs[0].ref,
  ipProtocol: "tcp",
  fromPort: 443,
  toPort: 443,
  sourceSecurityGroupId: sgs[1].ref,
});
for (let i = 0; i < 9; i++) {
  new cdk.aws_ec2.CfnVPCEndpoint(stack, n("Endpoint", i), {
    vpcId: vpc.ref,
    serviceName: `com.amazonaws.eu-central-1.svc${i}`,
    vpcEndpointType: "Interface",
    subnetIds: subnets.map((s) => s.ref),
    privateDnsEnabled: true,
  });
}
const roles = [];
for (let i = 0; i < 6; i++) {
  const role = new cdk.aws_iam.CfnRole(stack, n("Role", i), {
    assumeRolePolicyDocument: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: { Service: "lambda.amazonaws.com" },
        },
      ],
    },
  });
  roles.push(role);
  new cdk.aws_iam.CfnRolePolicy(stack, n("RolePolicy", i), {
    roleName: role.ref,
    policyName: "access",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "dynamodb:GetItem",
          Resource: "arn:aws:dynamodb:eu-central-1:123456789012:table/t",
        },
      ],
    },
  });
}
const buckets = [0, 1].map(
  (i) =>
    new cdk.aws_s3.CfnBucket(stack, n("Bucket", i), {
      bucketEncryption: {
        serverSideEncryptionConfiguration: [
          {
            serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.attrArn },
          },
        ],
      },
      versioningConfiguration: { status: "Enabled" },
      publicAccessBlockConfiguration: {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      ownershipControls: { rules: [{ objectOwnership: "BucketOwnerEnforced" }] },
      lifecycleConfiguration: { rules: [{ status: "Enabled", expirationInDays: 2555 }] },
      objectLockEnabled: i === 0,
      loggingConfiguration: { destinationBucketName: "access-logs" },
    }),
);
buckets.forEach(
  (b, i) =>
    new cdk.aws_s3.CfnBucketPolicy(stack, n("BucketPolicy", i), {
      bucket: b.ref,
      policyDocument: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [b.attrArn, `${b.attrArn}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      },
    }),
);
new cdk.aws_cloudtrail.CfnTrail(stack, "Trail", {
  isLogging: true,
  s3BucketName: buckets[0].ref,
  enableLogFileValidation: true,
  isMultiRegionTrail: true,
  kmsKeyId: key.attrArn,
  cloudWatchLogsLogGroupArn: "arn:aws:logs:eu-central-1:123456789012:log-group:trail",
  cloudWatchLogsRoleArn: roles[0].attrArn,
});
for (let i = 0; i < 5; i++) {
  new cdk.aws_logs.CfnLogGroup(stack, n("Logs", i), {
    retentionInDays: 2192,
    kmsKeyId: key.attrArn,
  });
}
for (let i = 0; i < 3; i++) {
  new cdk.aws_cloudwatch.CfnAlarm(stack, n("Alarm", i), {
    comparisonOperator: "GreaterThanThreshold",
    evaluationPeriods: 1,
    threshold: 1,
    metricName: "Errors",
    namespace: "AWS/Lambda",
    period: 60,
    statistic: "Sum",
    actionsEnabled: true,
    alarmActions: ["arn:aws:sns:eu-central-1:123456789012:alerts"],
  });
}
const rule = new cdk.aws_events.CfnRule(stack, "Rule", {
  scheduleExpression: "rate(1 day)",
  targets: [{ id: "t", arn: "arn:aws:lambda:eu-central-1:123456789012:function:f" }],
});
void rule;
const pool = new cdk.aws_cognito.CfnUserPool(stack, "Users", {
  mfaConfiguration: "ON",
  policies: {
    passwordPolicy: {
      minimumLength: 14,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: true,
      requireUppercase: true,
    },
  },
  userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
});
new cdk.aws_cognito.CfnUserPoolResourceServer(stack, "Api", {
  userPoolId: pool.ref,
  identifier: "api",
  name: "api",
});
for (let i = 0; i < 5; i++) {
  new cdk.aws_cognito.CfnUserPoolGroup(stack, n("Group", i), {
    userPoolId: pool.ref,
    groupName: `g${i}`,
  });
}
[0, 1].forEach(
  (i) =>
    new cdk.aws_cognito.CfnUserPoolClient(stack, n("Client", i), {
      userPoolId: pool.ref,
      generateSecret: false,
      preventUserExistenceErrors: "ENABLED",
    }),
);
new cdk.aws_cognito.CfnUserPoolDomain(stack, "Domain", {
  userPoolId: pool.ref,
  domain: "mediconnect-eu",
});
for (let i = 0; i < 4; i++) {
  new cdk.aws_dynamodb.CfnTable(stack, n("Table", i), {
    keySchema: [{ attributeName: "id", keyType: "HASH" }],
    attributeDefinitions: [{ attributeName: "id", attributeType: "S" }],
    billingMode: "PAY_PER_REQUEST",
    sseSpecification: { sseEnabled: true, sseType: "KMS", kmsMasterKeyId: key.attrArn },
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtectionEnabled: true,
  });
}
new cdk.aws_iot.CfnPolicy(stack, "IotPolicy", {
  policyDocument: {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: "iot:Publish",
        Resource: "arn:aws:iot:eu-central-1:123456789012:topic/vitals",
      },
    ],
  },
});
new cdk.aws_iot.CfnTopicRule(stack, "IotRule", {
  topicRulePayload: {
    sql: "SELECT * FROM 'vitals'",
    actions: [{ kinesis: { streamName: "vitals", roleArn: roles[1].attrArn } }],
  },
});
new cdk.aws_kinesis.CfnStream(stack, "Vitals", {
  shardCount: 1,
  retentionPeriodHours: 168,
  streamEncryption: { encryptionType: "KMS", keyId: key.attrArn },
});
const signing = new cdk.aws_signer.CfnSigningProfile(stack, "Signing", {
  platformId: "AWSLambda-SHA384-ECDSA",
});
const csc = new cdk.aws_lambda.CfnCodeSigningConfig(stack, "CodeSigning", {
  allowedPublishers: { signingProfileVersionArns: [signing.attrProfileVersionArn] },
  codeSigningPolicies: { untrustedArtifactOnDeployment: "Enforce" },
});
const fns = [0, 1].map(
  (i) =>
    new cdk.aws_lambda.CfnFunction(stack, n("Fn", i), {
      role: roles[i].attrArn,
      runtime: "nodejs20.x",
      handler: "index.handler",
      code: { s3Bucket: buckets[1].ref, s3Key: `fn${i}.zip` },
      tracingConfig: { mode: "Active" },
      kmsKeyArn: key.attrArn,
      reservedConcurrentExecutions: 10,
      vpcConfig: { subnetIds: subnets.map((s) => s.ref), securityGroupIds: [sgs[0].ref] },
      codeSigningConfigArn: csc.attrCodeSigningConfigArn,
      deadLetterConfig: { targetArn: "arn:aws:sqs:eu-central-1:123456789012:dlq" },
    }),
);
new cdk.aws_lambda.CfnEventSourceMapping(stack, "Mapping", {
  functionName: fns[0].ref,
  eventSourceArn: "arn:aws:kinesis:eu-central-1:123456789012:stream/vitals",
  startingPosition: "LATEST",
  bisectBatchOnFunctionError: true,
  maximumRetryAttempts: 3,
});
new cdk.aws_lambda.CfnPermission(stack, "Invoke", {
  action: "lambda:InvokeFunction",
  functionName: fns[1].ref,
  principal: "apigateway.amazonaws.com",
  sourceArn: "arn:aws:execute-api:eu-central-1:123456789012:api/*",
});
const api = new cdk.aws_apigatewayv2.CfnApi(stack, "HttpApi", {
  name: "api",
  protocolType: "HTTP",
});
new cdk.aws_apigatewayv2.CfnAuthorizer(stack, "Authorizer", {
  apiId: api.ref,
  authorizerType: "JWT",
  name: "jwt",
  identitySource: ["$request.header.Authorization"],
  jwtConfiguration: {
    audience: ["api"],
    issuer: "https://cognito-idp.eu-central-1.amazonaws.com/pool",
  },
});
const integration = new cdk.aws_apigatewayv2.CfnIntegration(stack, "Integration", {
  apiId: api.ref,
  integrationType: "AWS_PROXY",
  integrationUri: fns[1].attrArn,
  payloadFormatVersion: "2.0",
});
new cdk.aws_apigatewayv2.CfnRoute(stack, "Route", {
  apiId: api.ref,
  routeKey: "GET /records",
  authorizationType: "JWT",
  target: `integrations/${integration.ref}`,
});
new cdk.aws_apigatewayv2.CfnStage(stack, "Stage", {
  apiId: api.ref,
  stageName: "$default",
  autoDeploy: true,
  accessLogSettings: {
    destinationArn: "arn:aws:logs:eu-central-1:123456789012:log-group:api",
    format: "$context.requestId",
  },
});
new cdk.aws_secretsmanager.CfnSecret(stack, "Secret", {
  kmsKeyId: key.attrArn,
  generateSecretString: {},
});
for (let i = 0; i < 3; i++) {
  const topic = new cdk.aws_sns.CfnTopic(stack, n("Topic", i), { kmsMasterKeyId: key.attrArn });
  new cdk.aws_sns.CfnTopicPolicy(stack, n("TopicPolicy", i), {
    topics: [topic.ref],
    policyDocument: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:root" },
          Action: "sns:Publish",
          Resource: topic.ref,
        },
      ],
    },
  });
  if (i === 0) {
    new cdk.aws_sns.CfnSubscription(stack, "Subscription", {
      topicArn: topic.ref,
      protocol: "https",
      endpoint: "https://alerts.example.org/hook",
    });
  }
}
for (let i = 0; i < 5; i++) {
  const queue = new cdk.aws_sqs.CfnQueue(stack, n("Queue", i), {
    kmsMasterKeyId: key.attrArn,
    messageRetentionPeriod: 1209600,
  });
  new cdk.aws_sqs.CfnQueuePolicy(stack, n("QueuePolicy", i), {
    queues: [queue.ref],
    policyDocument: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "sqs:*",
          Resource: queue.attrArn,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    },
  });
}

const nagStarted = process.hrtime.bigint();
Validations.of(app).addPlugins(new HIPAASecurityChecks(app));
try {
  app.synth();
} catch (err) {
  // With findings, CDK fails the synth after writing the template and the validation report.
  if (!/Validation failed/.test(String(err.message))) {
    throw err;
  }
}
const done = process.hrtime.bigint();
const resources = stack.node.findAll().filter((c) => cdk.CfnResource.isCfnResource(c)).length;
process.stdout.write(
  `${JSON.stringify({
    totalMs: Number(done - started) / 1e6,
    synthMs: Number(done - nagStarted) / 1e6,
    resources,
  })}\n`,
);
