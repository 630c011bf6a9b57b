import * as dynamodb from "@pulumi/aws/dynamodb";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Point-in-time recovery restores a table to any second of the recovery period, which is the recovery path after
 * a bad deployment or a malicious bulk write to patient records.
 * @severity high
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const awsDynamodbTableEnablePointInTimeRecovery = resourcePolicy(
  {
    name: "aws-dynamodb-table-enable-point-in-time-recovery",
    description: "DynamoDB tables must have point-in-time recovery enabled.",
    severity: "high",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps: "Set `pointInTimeRecovery: {enabled: true}` on the aws.dynamodb.Table.",
  },
  dynamodb.Table,
  (table, { report }) => {
    const enabled = table.pointInTimeRecovery?.enabled;
    if (enabled !== true) {
      report(`pointInTimeRecovery.enabled is ${shown(enabled)}; expected true.`);
    }
  },
);
