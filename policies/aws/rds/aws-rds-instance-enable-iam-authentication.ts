import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * IAM database authentication replaces shared, long-lived database passwords with short-lived tokens tied to an
 * individual IAM identity, so every connection is attributable.
 * @severity medium
 * @controls hipaa:164.312(d), hipaa:164.312(a)(2)(i)
 */
export const awsRdsInstanceEnableIamAuthentication = resourcePolicy(
  {
    name: "aws-rds-instance-enable-iam-authentication",
    description: "RDS instances must enable IAM database authentication.",
    severity: "medium",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(2)(i)"],
    remediationSteps:
      "Set `iamDatabaseAuthenticationEnabled: true` on the aws.rds.Instance and grant rds-db:connect to the roles that connect.",
  },
  rds.Instance,
  (db, { report }) => {
    if (db.iamDatabaseAuthenticationEnabled !== true) {
      report(
        `iamDatabaseAuthenticationEnabled is ${shown(db.iamDatabaseAuthenticationEnabled)}; expected true.`,
      );
    }
  },
);
