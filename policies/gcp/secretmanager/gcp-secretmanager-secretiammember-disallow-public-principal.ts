import * as secretmanager from "@pulumi/gcp/secretmanager";
import { disallowPublicMember } from "../lib/principals";

/**
 * A public grant on a secret hands the credential that guards a PHI store to anyone.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const gcpSecretmanagerSecretIamMemberDisallowPublicPrincipal = disallowPublicMember(
  {
    name: "gcp-secretmanager-secretiammember-disallow-public-principal",
    description: "Secret Manager secret IAM members must not be allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps:
      "Replace the gcp.secretmanager.SecretIamMember's `member` with a named user, group or service account.",
  },
  secretmanager.SecretIamMember,
  "secret",
);
