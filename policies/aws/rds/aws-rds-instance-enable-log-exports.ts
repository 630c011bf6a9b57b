import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { missingLogExport } from "../lib/rds";

/**
 * Without log exports the database's connection and audit records stay on the instance and vanish with it; in
 * CloudWatch Logs they are kept and can be searched (AWS FSBP RDS.9, Checkov CKV_AWS_129).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsRdsInstanceEnableLogExports = resourcePolicy(
  {
    name: "aws-rds-instance-enable-log-exports",
    description:
      'RDS instances must export their audit log to CloudWatch Logs ("postgresql" for PostgreSQL, "audit" for MySQL and MariaDB, "audit" for Oracle and SQL Server).',
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `enabledCloudwatchLogsExports: ["postgresql"]` (PostgreSQL) or `["audit", "error"]` (MySQL, MariaDB, with the audit plugin in the option group) on the aws.rds.Instance.',
  },
  rds.Instance,
  (instance, { report }) =>
    checkEach(report, [
      () => missingLogExport(instance.engine, instance.enabledCloudwatchLogsExports),
    ]),
);
