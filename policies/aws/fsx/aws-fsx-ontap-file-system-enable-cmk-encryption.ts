import * as fsx from "@pulumi/aws/fsx";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * FSx for NetApp ONTAP always encrypts at rest, but with the AWS managed aws/fsx key unless a key is named, so no
 * key policy of the platform's own restricts who decrypts shares holding PHI.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsFsxOntapFileSystemEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-fsx-ontap-file-system-enable-cmk-encryption",
    description:
      "FSx for NetApp ONTAP file systems must be encrypted with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps: "Set `kmsKeyId: <customer-managed key ARN>` on the aws.fsx.OntapFileSystem.",
  },
  fsx.OntapFileSystem,
  (fs, { report }) =>
    checkEach(report, [() => mustBeAwsCmk("kmsKeyId", fs.kmsKeyId, "the AWS managed aws/fsx key")]),
);
