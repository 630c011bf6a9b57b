import * as dataflow from "@pulumi/gcp/dataflow";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeSet } from "../../lib/conditions";

/**
 * Dataflow keeps pipeline state, shuffle data and temporary files holding PHI; without kmsKeyName they are
 * encrypted with Google-managed keys.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpDataflowJobMissingCmek = resourcePolicy(
  {
    name: "gcp-dataflow-job-missing-cmek",
    description: "Dataflow jobs must be encrypted with a customer-managed Cloud KMS key (CMEK).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps: "Set `kmsKeyName: <Cloud KMS key id>` on the gcp.dataflow.Job.",
  },
  dataflow.Job,
  (r, { report }) =>
    checkEach(report, [
      () => mustBeSet("kmsKeyName", r.kmsKeyName, "a Google-managed key", "a Cloud KMS key name"),
    ]),
);
