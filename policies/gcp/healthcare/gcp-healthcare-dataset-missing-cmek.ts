import * as healthcare from "@pulumi/gcp/healthcare";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeSet } from "../../lib/conditions";

/**
 * A Healthcare API dataset holds FHIR, HL7v2 and DICOM stores of PHI; its encryptionSpec decides whether the
 * platform's own key (which can be revoked) protects all of them.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpHealthcareDatasetMissingCmek = resourcePolicy(
  {
    name: "gcp-healthcare-dataset-missing-cmek",
    description:
      "Healthcare API datasets must be encrypted with a customer-managed Cloud KMS key (CMEK).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryptionSpec: {kmsKeyName: <Cloud KMS key id in the dataset's location>}` on the gcp.healthcare.Dataset (it cannot be added later).",
  },
  healthcare.Dataset,
  (r, { report }) =>
    checkEach(report, [
      () =>
        mustBeSet(
          "encryptionSpec.kmsKeyName",
          r.encryptionSpec?.kmsKeyName,
          "a Google-managed key",
          "a Cloud KMS key name",
        ),
    ]),
);
