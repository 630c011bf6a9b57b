import { awsSecretsmanagerSecretEnableCmkEncryption } from "../../../../policies/aws/secretsmanager";
import {
  awsSnsTopicEnableCmkEncryption,
  awsSnsTopicPolicyDisallowWildcardPrincipal,
  awsSnsTopicSubscriptionDisallowHttpEndpoint,
} from "../../../../policies/aws/sns";
import {
  awsSqsQueueEnableCmkEncryption,
  awsSqsQueuePolicyDisallowWildcardPrincipal,
} from "../../../../policies/aws/sqs";
import { describePolicy, unknown } from "../cases";

const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
const key = "arn:aws:kms:eu-central-1:123456789012:key/0000";

describePolicy(awsSqsQueueEnableCmkEncryption, {
  type: "aws:sqs/queue:Queue",
  compliant: [{ kmsMasterKeyId: key }],
  nonCompliant: [
    [
      "SQS-managed SSE only",
      { sqsManagedSseEnabled: true },
      [
        `kmsMasterKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/sqs). ${enc}`,
      ],
    ],
    [
      "the AWS managed key",
      { kmsMasterKeyId: "alias/aws/sqs" },
      [
        `kmsMasterKeyId is "alias/aws/sqs", an AWS managed key; expected a customer-managed KMS key. ${enc}`,
      ],
    ],
  ],
  absent: [
    {},
    [
      `kmsMasterKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/sqs). ${enc}`,
    ],
  ],
  unknown: [{ kmsMasterKeyId: unknown }],
});

describePolicy(awsSnsTopicEnableCmkEncryption, {
  type: "aws:sns/topic:Topic",
  compliant: [{ kmsMasterKeyId: key }, { kmsMasterKeyId: "alias/mediconnect-phi" }],
  nonCompliant: [
    [
      "the AWS managed key",
      { kmsMasterKeyId: "alias/aws/sns" },
      [
        `kmsMasterKeyId is "alias/aws/sns", an AWS managed key; expected a customer-managed KMS key. ${enc}`,
      ],
    ],
  ],
  absent: [
    {},
    [
      `kmsMasterKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/sns). ${enc}`,
    ],
  ],
  unknown: [{ kmsMasterKeyId: unknown }],
});

describePolicy(awsSecretsmanagerSecretEnableCmkEncryption, {
  type: "aws:secretsmanager/secret:Secret",
  compliant: [{ kmsKeyId: key }],
  nonCompliant: [
    [
      "the AWS managed key",
      { kmsKeyId: "alias/aws/secretsmanager" },
      [
        `kmsKeyId is "alias/aws/secretsmanager", an AWS managed key; expected a customer-managed KMS key. ${enc}`,
      ],
    ],
  ],
  absent: [
    {},
    [
      `kmsKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/secretsmanager). ${enc}`,
    ],
  ],
  unknown: [{ kmsKeyId: unknown }],
});

const doc = (...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });
const access = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)";
const fromTopic = {
  Sid: "FromTopic",
  Effect: "Allow",
  Principal: { Service: "sns.amazonaws.com" },
  Action: "sqs:SendMessage",
  Resource: "arn:aws:sqs:eu-central-1:123456789012:alerts",
};

describePolicy(awsSqsQueuePolicyDisallowWildcardPrincipal, {
  type: "aws:sqs/queuePolicy:QueuePolicy",
  compliant: [
    { queueUrl: "q", policy: doc(fromTopic) },
    {
      queueUrl: "q",
      policy: doc({
        ...fromTopic,
        Principal: "*",
        Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:eu-central-1:123456789012:t" } },
      }),
    },
  ],
  nonCompliant: [
    [
      "anyone may send",
      { queueUrl: "q", policy: doc({ ...fromTopic, Sid: "Open", Principal: "*" }) },
      [
        `Queue policy statement Open allows principal "*" without an account, organisation or source condition. ${access}`,
      ],
    ],
    [
      "not JSON",
      { queueUrl: "q", policy: "{" },
      [`The queue policy is not valid JSON, so its principals cannot be verified. ${access}`],
    ],
  ],
  absent: [{ queueUrl: "q", policy: doc() }, []],
  unknown: [{ queueUrl: "q", policy: unknown }],
});

describePolicy(awsSnsTopicPolicyDisallowWildcardPrincipal, {
  type: "aws:sns/topicPolicy:TopicPolicy",
  compliant: [
    {
      arn: "t",
      policy: doc({
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:root" },
        Action: "sns:Publish",
        Resource: "t",
      }),
    },
  ],
  nonCompliant: [
    [
      "anyone may subscribe",
      {
        arn: "t",
        policy: doc({
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "sns:Subscribe",
          Resource: "t",
        }),
      },
      [
        `Topic policy statement #1 allows principal "*" without an account, organisation or source condition. ${access}`,
      ],
    ],
    [
      "not JSON",
      { arn: "t", policy: "[" },
      [`The topic policy is not valid JSON, so its principals cannot be verified. ${access}`],
    ],
  ],
  absent: [{ arn: "t", policy: doc() }, []],
  unknown: [{ arn: "t", policy: unknown }],
});

describePolicy(awsSnsTopicSubscriptionDisallowHttpEndpoint, {
  type: "aws:sns/topicSubscription:TopicSubscription",
  compliant: [
    { topic: "t", protocol: "https", endpoint: "https://hooks.example.org/alerts" },
    { topic: "t", protocol: "sqs", endpoint: "arn:aws:sqs:eu-central-1:123456789012:q" },
  ],
  nonCompliant: [
    [
      "plain http",
      { topic: "t", protocol: "http", endpoint: "http://hooks.example.org/alerts" },
      [
        'protocol is "http"; expected "https" or an in-account protocol ("sqs", "lambda", "firehose"). (Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1); GDPR Art. 32)',
      ],
    ],
  ],
  absent: [
    {
      topic: "t",
      protocol: "lambda",
      endpoint: "arn:aws:lambda:eu-central-1:123456789012:function:f",
    },
    [],
  ],
  unknown: [{ topic: "t", protocol: unknown, endpoint: "e" }],
});
