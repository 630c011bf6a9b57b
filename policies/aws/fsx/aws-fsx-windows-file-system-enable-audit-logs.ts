import * as fsx from "@pulumi/aws/fsx";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Without file access auditing nobody can tell who opened a patient's file on the share; the provider leaves both
 * audit levels DISABLED (HIPAA audit controls).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsFsxWindowsFileSystemEnableAuditLogs = resourcePolicy(
  {
    name: "aws-fsx-windows-file-system-enable-audit-logs",
    description:
      "FSx for Windows File Server must audit file and file share access (SUCCESS_AND_FAILURE or FAILURE_ONLY) to a destination.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `auditLogConfiguration: {fileAccessAuditLogLevel: "SUCCESS_AND_FAILURE", fileShareAccessAuditLogLevel: "SUCCESS_AND_FAILURE", auditLogDestination: <log group or Firehose ARN>}` on the aws.fsx.WindowsFileSystem.',
  },
  fsx.WindowsFileSystem,
  (fs, { report }) => {
    const audit = fs.auditLogConfiguration;
    checkEach(report, [
      ...(["fileAccessAuditLogLevel", "fileShareAccessAuditLogLevel"] as const).map(
        (field) => () =>
          audit?.[field] === "SUCCESS_AND_FAILURE" || audit?.[field] === "FAILURE_ONLY"
            ? undefined
            : `auditLogConfiguration.${field} is ${shown(audit?.[field], "the provider default DISABLED")}; expected "SUCCESS_AND_FAILURE" or "FAILURE_ONLY".`,
      ),
    ]);
  },
);
