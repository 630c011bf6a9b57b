import * as healthcare from "@pulumi/gcp/healthcare";
import { disallowPublicMember } from "../lib/principals";

/**
 * A FHIR store grant to allUsers or allAuthenticatedUsers exposes every patient resource in the store to the internet or to anyone with a Google account.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const gcpHealthcareFhirStoreIamMemberDisallowPublicPrincipal = disallowPublicMember(
  {
    name: "gcp-healthcare-fhirstoreiammember-disallow-public-principal",
    description:
      "Healthcare API FHIR store IAM members must not be allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps:
      "Replace the gcp.healthcare.FhirStoreIamMember's `member` with a named user, group or service account.",
  },
  healthcare.FhirStoreIamMember,
  "FHIR store",
);
