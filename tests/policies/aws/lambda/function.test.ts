import * as policies from "../../../../policies/aws/lambda";
import { checkResource } from "../../harness";
import { describePolicy, unknown } from "../cases";

const type = "aws:lambda/function:Function";
const fn = (props: Record<string, unknown> = {}) => ({
  role: "arn:aws:iam::123456789012:role/fn",
  ...props,
});
const key = "arn:aws:kms:eu-central-1:123456789012:key/0000";

const audit = "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D))";
describePolicy(policies.awsLambdaFunctionEnableXrayTracing, {
  type,
  compliant: [fn({ tracingConfig: { mode: "Active" } })],
  nonCompliant: [
    [
      "pass-through",
      fn({ tracingConfig: { mode: "PassThrough" } }),
      [`tracingConfig.mode is "PassThrough"; expected "Active". ${audit}`],
    ],
  ],
  absent: [fn(), [`tracingConfig.mode is not set; expected "Active". ${audit}`]],
  unknown: [fn({ tracingConfig: { mode: unknown } })],
});

const availability = "(Control ID: HIPAA 164.308(a)(7); GDPR Art. 32)";
describePolicy(policies.awsLambdaFunctionConfigureReservedConcurrency, {
  type,
  compliant: [fn({ reservedConcurrentExecutions: 10 }), fn({ reservedConcurrentExecutions: 0 })],
  nonCompliant: [
    [
      "unreserved",
      fn({ reservedConcurrentExecutions: -1 }),
      [
        `reservedConcurrentExecutions is -1 (unreserved); expected a value of 0 or more. ${availability}`,
      ],
    ],
  ],
  absent: [
    fn(),
    [
      `reservedConcurrentExecutions is not set (unreserved); expected a value of 0 or more. ${availability}`,
    ],
  ],
  unknown: [fn({ reservedConcurrentExecutions: unknown })],
});

const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
describePolicy(policies.awsLambdaFunctionEnableEnvironmentCmk, {
  type,
  compliant: [
    fn({ environment: { variables: { TABLE: "t" } }, kmsKeyArn: key }),
    fn({ environment: { variables: {} } }),
  ],
  nonCompliant: [
    [
      "variables without a key",
      fn({ environment: { variables: { TABLE: "t", STREAM: "s" } } }),
      [
        `The function has 2 environment variable(s) and kmsKeyArn is not set; expected a customer-managed KMS key ARN. ${enc}`,
      ],
    ],
  ],
  absent: [fn(), []],
  unknown: [fn({ environment: { variables: { TABLE: "t" } }, kmsKeyArn: unknown })],
});

const secrets = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)";
describePolicy(policies.awsLambdaFunctionDisallowSecretEnvironmentNames, {
  type,
  compliant: [
    fn({
      environment: {
        variables: {
          TABLE_NAME: "t",
          DB_PASSWORD_SECRET_ARN: "arn:aws:secretsmanager:eu-central-1:1:secret:x",
          API_KEY_PARAM: "/p",
          // A secret-store reference passes whatever the variable is called.
          DB_PASSWORD: "arn:aws:secretsmanager:eu-central-1:1:secret:db",
          SERVICE_TOKEN: "{{resolve:ssm-secure:/mc/token}}",
          GOOGLE_API_KEY: "projects/p/secrets/maps-key/versions/latest",
        },
      },
    }),
  ],
  nonCompliant: [
    [
      "a password, a token and an API key",
      fn({
        environment: {
          variables: {
            DB_PASSWORD: "hunter2",
            SLACK_TOKEN: "x",
            "api-key": "k",
            REGION: "eu-central-1",
          },
        },
      }),
      [
        `environment.variables.DB_PASSWORD is named like a secret and holds a literal value; expected a Secrets Manager or SSM reference. ${secrets}`,
        `environment.variables.SLACK_TOKEN is named like a secret and holds a literal value; expected a Secrets Manager or SSM reference. ${secrets}`,
        `environment.variables.api-key is named like a secret and holds a literal value; expected a Secrets Manager or SSM reference. ${secrets}`,
      ],
    ],
  ],
  absent: [fn(), []],
});

describe("aws-lambda-function-disallow-secret-environment-names on unknown values", () => {
  it("reports the known literal and is indeterminate on the unknown one", async () => {
    const out = await checkResource(policies.awsLambdaFunctionDisallowSecretEnvironmentNames, {
      type,
      props: fn({
        environment: {
          variables: { PRIVATE_KEY: unknown, DB_PASSWORD: "hunter2", TABLE: unknown },
        },
      }),
    });
    expect(out).toEqual({
      violations: [
        `environment.variables.DB_PASSWORD is named like a secret and holds a literal value; expected a Secrets Manager or SSM reference. ${secrets}`,
      ],
      indeterminate: true,
    });
  });
});

describePolicy(policies.awsLambdaFunctionDisallowSecretEnvironmentValues, {
  type,
  compliant: [fn({ environment: { variables: { TABLE: "vitals", LOG_LEVEL: "info" } } })],
  nonCompliant: [
    [
      "a PEM key and an access key id (reported in key order, as the engine sorts them)",
      fn({
        environment: {
          variables: {
            CERT: "-----BEGIN RSA PRIVATE KEY-----\nMIIE...",
            AWS_ID: "AKIAABCDEFGHIJKLMNOP",
            TABLE: "t",
          },
        },
      }),
      [
        `environment.variables.AWS_ID holds what looks like an AWS access key id; expected no secret values in the environment. ${secrets}`,
        `environment.variables.CERT holds what looks like a PEM private key; expected no secret values in the environment. ${secrets}`,
      ],
    ],
  ],
  absent: [fn(), []],
  unknown: [fn({ environment: { variables: { CERT: unknown } } })],
});

const network = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1))";
describePolicy(policies.awsLambdaFunctionEnableVpc, {
  type,
  compliant: [fn({ vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] } })],
  nonCompliant: [
    [
      "no security groups",
      fn({ vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: [] } }),
      [`vpcConfig has no securityGroupIds; expected at least one of each. ${network}`],
    ],
    [
      "empty",
      fn({ vpcConfig: { subnetIds: [], securityGroupIds: [] } }),
      [
        `vpcConfig has no subnetIds and no securityGroupIds; expected at least one of each. ${network}`,
      ],
    ],
  ],
  absent: [
    fn(),
    [`vpcConfig is not set; expected private subnetIds and securityGroupIds. ${network}`],
  ],
  unknown: [fn({ vpcConfig: unknown })],
});

const runtime = "(Control ID: GDPR Art. 32; HIPAA 164.312(a)(1))";
describePolicy(policies.awsLambdaFunctionDisallowDeprecatedRuntime, {
  type,
  compliant: [fn({ runtime: "nodejs22.x" }), fn({ runtime: "python3.13" })],
  nonCompliant: [
    [
      "nodejs18.x",
      fn({ runtime: "nodejs18.x" }),
      [`runtime is "nodejs18.x", which is deprecated; expected a supported runtime. ${runtime}`],
    ],
    [
      "python3.8",
      fn({ runtime: "python3.8" }),
      [`runtime is "python3.8", which is deprecated; expected a supported runtime. ${runtime}`],
    ],
  ],
  absent: [
    fn({ packageType: "Image", imageUri: "123456789012.dkr.ecr.eu-central-1.amazonaws.com/fn:1" }),
    [],
  ],
  config: [
    [
      "deprecatedRuntimes adds nodejs22.x",
      { deprecatedRuntimes: ["nodejs22.x"] },
      fn({ runtime: "nodejs22.x" }),
      [`runtime is "nodejs22.x", which is deprecated; expected a supported runtime. ${runtime}`],
    ],
    [
      "deprecatedRuntimes replaces the list",
      { deprecatedRuntimes: ["nodejs22.x"] },
      fn({ runtime: "nodejs18.x" }),
      [],
    ],
  ],
  unknown: [fn({ runtime: unknown })],
});

const failure = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1))";
describePolicy(policies.awsLambdaFunctionConfigureDeadLetterQueue, {
  type,
  compliant: [fn({ deadLetterConfig: { targetArn: "arn:aws:sqs:eu-central-1:123456789012:dlq" } })],
  nonCompliant: [],
  absent: [
    fn(),
    [
      `deadLetterConfig.targetArn is not set; expected an encrypted SQS queue or SNS topic ARN. ${failure}`,
    ],
  ],
  unknown: [fn({ deadLetterConfig: { targetArn: unknown } })],
});

describePolicy(policies.awsLambdaFunctionEnableCodeSigning, {
  type,
  compliant: [
    fn({
      codeSigningConfigArn: "arn:aws:lambda:eu-central-1:123456789012:code-signing-config:csc-1",
    }),
    fn({ packageType: "Image" }),
  ],
  nonCompliant: [],
  absent: [
    fn(),
    [
      "codeSigningConfigArn is not set; expected a code signing configuration that enforces trusted publishers. (Control ID: HIPAA 164.312(c)(2); HIPAA 164.312(c)(1))",
    ],
  ],
  unknown: [fn({ codeSigningConfigArn: unknown })],
});
