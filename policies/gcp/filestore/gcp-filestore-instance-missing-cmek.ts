import * as filestore from "@pulumi/gcp/filestore";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeSet } from "../../lib/conditions";

/**
 * File shares hold documents and exports; without kmsKeyName they are encrypted with a Google-managed key the
 * platform cannot revoke.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpFilestoreInstanceMissingCmek = resourcePolicy(
  {
    name: "gcp-filestore-instance-missing-cmek",
    description:
      "Filestore instances must be encrypted with a customer-managed Cloud KMS key (CMEK).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyName: <Cloud KMS key id>` on the gcp.filestore.Instance (ENTERPRISE, ZONAL or REGIONAL tier).",
  },
  filestore.Instance,
  (r, { report }) =>
    checkEach(report, [
      () => mustBeSet("kmsKeyName", r.kmsKeyName, "a Google-managed key", "a Cloud KMS key name"),
    ]),
);
