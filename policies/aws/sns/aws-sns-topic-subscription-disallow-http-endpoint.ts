import * as sns from "@pulumi/aws/sns";
import { resourcePolicy } from "../../lib/define";

/**
 * An "http" subscription delivers every notification, and the patient data in it, in clear text across the
 * internet; HTTPS endpoints or in-account queues keep delivery encrypted.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsSnsTopicSubscriptionDisallowHttpEndpoint = resourcePolicy(
  {
    name: "aws-sns-topic-subscription-disallow-http-endpoint",
    description: 'SNS subscriptions must not deliver over plain "http".',
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `protocol: "https"` with an https:// `endpoint` (or "sqs"/"lambda" inside the account) on the aws.sns.TopicSubscription.',
  },
  sns.TopicSubscription,
  (subscription, { report }) => {
    if (subscription.protocol === "http") {
      report(
        'protocol is "http"; expected "https" or an in-account protocol ("sqs", "lambda", "firehose").',
      );
    }
  },
);
