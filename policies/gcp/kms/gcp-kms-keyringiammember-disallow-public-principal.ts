import * as kms from "@pulumi/gcp/kms";
import { disallowPublicMember } from "../lib/principals";

/**
 * A public grant on a key ring lets anyone use or manage the keys that protect PHI, which defeats customer-managed
 * encryption entirely.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpKmsKeyRingIamMemberDisallowPublicPrincipal = disallowPublicMember(
  {
    name: "gcp-kms-keyringiammember-disallow-public-principal",
    description: "Cloud KMS key ring IAM members must not be allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Replace the gcp.kms.KeyRingIAMMember's `member` with a named service account or group.",
  },
  kms.KeyRingIAMMember,
  "key ring",
);
