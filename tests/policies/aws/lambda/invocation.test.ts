import * as policies from "../../../../policies/aws/lambda";
import { describePolicy, unknown } from "../cases";

const permission = "aws:lambda/permission:Permission";
const url = "aws:lambda/functionUrl:FunctionUrl";
const mapping = "aws:lambda/eventSourceMapping:EventSourceMapping";
const access = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)";
const perm = (props: Record<string, unknown>) => ({
  action: "lambda:InvokeFunction",
  function: "fn",
  ...props,
});

describePolicy(policies.awsLambdaPermissionDisallowWildcardPrincipal, {
  type: permission,
  compliant: [perm({ principal: "apigateway.amazonaws.com" }), perm({ principal: "123456789012" })],
  nonCompliant: [
    [
      "principal *",
      perm({ principal: "*" }),
      [`principal is "*"; expected a named service principal or account. ${access}`],
    ],
  ],
  absent: [perm({ principal: "s3.amazonaws.com" }), []],
  unknown: [perm({ principal: unknown })],
});

const api = "arn:aws:execute-api:eu-central-1:123456789012:abc/*";
describePolicy(policies.awsLambdaPermissionMissingSourceArn, {
  type: permission,
  compliant: [
    perm({ principal: "apigateway.amazonaws.com", sourceArn: api }),
    perm({ principal: "arn:aws:iam::123456789012:role/caller" }),
  ],
  nonCompliant: [],
  absent: [
    perm({ principal: "events.amazonaws.com" }),
    [
      `principal is "events.amazonaws.com" and sourceArn is not set; expected the ARN of the invoking resource. ${access}`,
    ],
  ],
  unknown: [
    perm({ principal: "apigateway.amazonaws.com", sourceArn: unknown }),
    perm({ principal: unknown }),
  ],
});

const publicUrl = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(d))";
describePolicy(policies.awsLambdaFunctionUrlEnforceIamAuth, {
  type: url,
  compliant: [{ functionName: "fn", authorizationType: "AWS_IAM" }],
  nonCompliant: [
    [
      "NONE",
      { functionName: "fn", authorizationType: "NONE" },
      [`authorizationType is "NONE"; expected "AWS_IAM". ${publicUrl}`],
    ],
  ],
  absent: [
    { functionName: "fn", authorizationType: "NONE" },
    [`authorizationType is "NONE"; expected "AWS_IAM". ${publicUrl}`],
  ],
  unknown: [{ functionName: "fn", authorizationType: unknown }],
});

// The stream's ARN is usually unknown during preview: applicability is decided on which keys are present.
const stream = (props: Record<string, unknown> = {}) => ({
  functionName: "fn",
  eventSourceArn: unknown,
  startingPosition: "TRIM_HORIZON",
  ...props,
});
const good = {
  bisectBatchOnFunctionError: true,
  maximumRetryAttempts: 3,
  maximumRecordAgeInSeconds: 3600,
  destinationConfig: {
    onFailure: { destinationArn: "arn:aws:sqs:eu-central-1:123456789012:failed" },
  },
  functionResponseTypes: ["ReportBatchItemFailures"],
};
const notStream: [Record<string, unknown>, string][] = [
  [
    { functionName: "fn", eventSourceArn: "arn:aws:sqs:eu-central-1:123456789012:q" },
    "Only applies to event source mappings that read a Kinesis or DynamoDB stream",
  ],
  [
    {
      functionName: "fn",
      startingPosition: "LATEST",
      topics: ["t"],
      eventSourceArn: "arn:aws:kafka:eu-central-1:1:cluster/c",
    },
    "Only applies to event source mappings that read a Kinesis or DynamoDB stream",
  ],
];
const consumer = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1))";

describePolicy(policies.awsLambdaEventSourceMappingEnableBisectBatchOnError, {
  type: mapping,
  compliant: [stream(good)],
  nonCompliant: [
    [
      "bisect off",
      stream({ bisectBatchOnFunctionError: false }),
      [`bisectBatchOnFunctionError is false; expected true. ${consumer}`],
    ],
  ],
  absent: [stream(), [`bisectBatchOnFunctionError is not set; expected true. ${consumer}`]],
  unknown: [stream({ bisectBatchOnFunctionError: unknown })],
  notApplicable: notStream,
});

describePolicy(policies.awsLambdaEventSourceMappingConfigureMaximumRetryAttempts, {
  type: mapping,
  compliant: [stream(good), stream({ maximumRetryAttempts: 0 })],
  nonCompliant: [
    [
      "infinite",
      stream({ maximumRetryAttempts: -1 }),
      [
        `maximumRetryAttempts is -1 (-1, infinite, by default); expected a finite value from 0 to 10000. ${consumer}`,
      ],
    ],
  ],
  absent: [
    stream(),
    [
      `maximumRetryAttempts is not set (-1, infinite, by default); expected a finite value from 0 to 10000. ${consumer}`,
    ],
  ],
  unknown: [stream({ maximumRetryAttempts: unknown })],
  notApplicable: notStream,
});

describePolicy(policies.awsLambdaEventSourceMappingConfigureMaximumRecordAge, {
  type: mapping,
  compliant: [stream(good)],
  nonCompliant: [
    [
      "infinite",
      stream({ maximumRecordAgeInSeconds: -1 }),
      [
        `maximumRecordAgeInSeconds is -1 (-1, infinite, by default); expected a finite value from 60 to 604800. ${consumer}`,
      ],
    ],
  ],
  absent: [
    stream(),
    [
      `maximumRecordAgeInSeconds is not set (-1, infinite, by default); expected a finite value from 60 to 604800. ${consumer}`,
    ],
  ],
  unknown: [stream({ maximumRecordAgeInSeconds: unknown })],
  notApplicable: notStream,
});

describePolicy(policies.awsLambdaEventSourceMappingConfigureOnFailureDestination, {
  type: mapping,
  compliant: [stream(good)],
  nonCompliant: [
    [
      "a destination config without onFailure",
      stream({ destinationConfig: {} }),
      [
        `destinationConfig.onFailure.destinationArn is not set; expected an encrypted SQS queue, SNS topic or S3 bucket ARN. (Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1); GDPR Art. 32)`,
      ],
    ],
  ],
  absent: [
    stream(),
    [
      `destinationConfig.onFailure.destinationArn is not set; expected an encrypted SQS queue, SNS topic or S3 bucket ARN. (Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1); GDPR Art. 32)`,
    ],
  ],
  unknown: [stream({ destinationConfig: unknown })],
  notApplicable: notStream,
});

describePolicy(policies.awsLambdaEventSourceMappingEnableReportBatchItemFailures, {
  type: mapping,
  compliant: [stream(good)],
  nonCompliant: [
    [
      "an empty list",
      stream({ functionResponseTypes: [] }),
      [
        `functionResponseTypes is []; expected it to include "ReportBatchItemFailures". (Control ID: HIPAA 164.312(c)(1); HIPAA 164.308(a)(7))`,
      ],
    ],
  ],
  absent: [
    stream(),
    [
      `functionResponseTypes is []; expected it to include "ReportBatchItemFailures". (Control ID: HIPAA 164.312(c)(1); HIPAA 164.308(a)(7))`,
    ],
  ],
  unknown: [stream({ functionResponseTypes: unknown })],
  notApplicable: notStream,
});

describePolicy(policies.awsLambdaFunctionEventInvokeConfigConfigureOnFailureDestination, {
  type: "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
  compliant: [
    {
      functionName: "fn",
      destinationConfig: {
        onFailure: { destination: "arn:aws:sqs:eu-central-1:123456789012:failed" },
      },
    },
  ],
  nonCompliant: [
    [
      "success destination only",
      {
        functionName: "fn",
        destinationConfig: {
          onSuccess: { destination: "arn:aws:sqs:eu-central-1:123456789012:done" },
        },
      },
      [
        `destinationConfig.onFailure.destination is not set; expected an encrypted SQS queue, SNS topic, event bus or function ARN. ${consumer}`,
      ],
    ],
  ],
  absent: [
    { functionName: "fn" },
    [
      `destinationConfig.onFailure.destination is not set; expected an encrypted SQS queue, SNS topic, event bus or function ARN. ${consumer}`,
    ],
  ],
  unknown: [{ functionName: "fn", destinationConfig: unknown }],
});
