import * as healthcare from "@pulumi/gcp/healthcare";
import { disallowPublicMember } from "../lib/principals";

/**
 * A dataset grant to allUsers or allAuthenticatedUsers reaches every FHIR, HL7v2 and DICOM store inside it.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const gcpHealthcareDatasetIamMemberDisallowPublicPrincipal = disallowPublicMember(
  {
    name: "gcp-healthcare-datasetiammember-disallow-public-principal",
    description:
      "Healthcare API dataset IAM members must not be allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps:
      "Replace the gcp.healthcare.DatasetIamMember's `member` with a named user, group or service account.",
  },
  healthcare.DatasetIamMember,
  "dataset",
);
