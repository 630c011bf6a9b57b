import * as efs from "@pulumi/aws/efs";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * An access point without a root directory below "/" hands its clients the whole file system, every other
 * application's files included (AWS FSBP EFS.3).
 * @severity medium
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsEfsAccessPointEnforceRootDirectory = resourcePolicy(
  {
    name: "aws-efs-access-point-enforce-root-directory",
    description: 'EFS access points must confine clients to a root directory other than "/".',
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `rootDirectory: {path: "/<application>", creationInfo: {ownerUid, ownerGid, permissions}}` on the aws.efs.AccessPoint.',
  },
  efs.AccessPoint,
  (point, { report }) =>
    checkEach(report, [
      () => {
        const path = point.rootDirectory?.path;
        if (path === undefined || path === null || path === "") {
          return 'rootDirectory.path is not set (the service default "/": the whole file system); expected an application directory.';
        }
        return path.replace(/\/+$/, "") === ""
          ? `rootDirectory.path is ${JSON.stringify(path)}, the whole file system; expected an application directory.`
          : undefined;
      },
    ]),
);
