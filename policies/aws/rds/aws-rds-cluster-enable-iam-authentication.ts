import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * IAM database authentication replaces shared, long-lived database passwords with short-lived tokens tied to an
 * individual IAM identity, so every connection is attributable.
 * @severity medium
 * @controls hipaa:164.312(d), hipaa:164.312(a)(2)(i)
 */
export const awsRdsClusterEnableIamAuthentication = resourcePolicy(
  {
    name: "aws-rds-cluster-enable-iam-authentication",
    description: "RDS clusters must enable IAM database authentication.",
    severity: "medium",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(2)(i)"],
    remediationSteps:
      "Set `iamDatabaseAuthenticationEnabled: true` on the aws.rds.Cluster and grant rds-db:connect to the roles that connect.",
  },
  rds.Cluster,
  (db, { report }) => {
    if (db.iamDatabaseAuthenticationEnabled !== true) {
      report(
        `iamDatabaseAuthenticationEnabled is ${shown(db.iamDatabaseAuthenticationEnabled)}; expected true.`,
      );
    }
  },
);
