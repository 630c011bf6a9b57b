import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { missingLogExport } from "../lib/rds";

/**
 * Without log exports the database's connection and audit records stay on the instance and vanish with it; in
 * CloudWatch Logs they are kept and can be searched (AWS FSBP RDS.34 and RDS.37, Checkov CKV_AWS_324).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsRdsClusterEnableLogExports = resourcePolicy(
  {
    name: "aws-rds-cluster-enable-log-exports",
    description:
      'RDS and Aurora clusters must export their audit log to CloudWatch Logs ("postgresql" for PostgreSQL, "audit" for MySQL).',
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `enabledCloudwatchLogsExports: ["postgresql"]` (PostgreSQL engines) or `["audit", "error"]` (MySQL engines, with the audit plugin in the parameter group) on the aws.rds.Cluster.',
  },
  rds.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () => missingLogExport(cluster.engine, cluster.enabledCloudwatchLogsExports),
    ]),
);
