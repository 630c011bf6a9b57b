import * as dynamodb from "@pulumi/aws/dynamodb";
import { resourcePolicy } from "../../lib/define";
import { isAwsManagedKey, shown } from "../lib/format";

/**
 * Without a customer-managed key DynamoDB encrypts with an AWS owned key that no key policy or CloudTrail event
 * covers; a CMK makes every read of the table's data depend on the platform's own key policy.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsDynamodbTableEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-dynamodb-table-enable-cmk-encryption",
    description: "DynamoDB tables must be encrypted with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `serverSideEncryption: {enabled: true, kmsKeyArn: <customer-managed key ARN>}` on the aws.dynamodb.Table.",
  },
  dynamodb.Table,
  (table, { report }) => {
    const sse = table.serverSideEncryption;
    if (sse?.enabled !== true) {
      report(
        `serverSideEncryption.enabled is ${shown(sse?.enabled)} (an AWS owned key); expected true with a customer-managed kmsKeyArn.`,
      );
      return;
    }
    if (sse.kmsKeyArn === undefined || isAwsManagedKey(sse.kmsKeyArn)) {
      report(
        `serverSideEncryption.kmsKeyArn is ${shown(sse.kmsKeyArn)}${sse.kmsKeyArn === undefined ? " (the AWS managed aws/dynamodb key)" : ", an AWS managed key"}; expected a customer-managed KMS key ARN.`,
      );
    }
  },
);
