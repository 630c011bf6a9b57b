import * as dynamodb from "@pulumi/aws/dynamodb";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * A replaced or deleted table takes its data with it; deletion protection turns a destructive change into an
 * explicit two-step operation.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsDynamodbTableEnableDeletionProtection = resourcePolicy(
  {
    name: "aws-dynamodb-table-enable-deletion-protection",
    description: "DynamoDB tables must have deletion protection enabled.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps: "Set `deletionProtectionEnabled: true` on the aws.dynamodb.Table.",
  },
  dynamodb.Table,
  (table, { report }) => {
    if (table.deletionProtectionEnabled !== true) {
      report(
        `deletionProtectionEnabled is ${shown(table.deletionProtectionEnabled)}; expected true.`,
      );
    }
  },
);
