import * as kms from "@pulumi/gcp/kms";
import { disallowPublicMember } from "../lib/principals";

/**
 * A public grant on a crypto key lets anyone use or manage the keys that protect PHI, which defeats customer-managed
 * encryption entirely.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpKmsCryptoKeyIamMemberDisallowPublicPrincipal = disallowPublicMember(
  {
    name: "gcp-kms-cryptokeyiammember-disallow-public-principal",
    description: "Cloud KMS crypto key IAM members must not be allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Replace the gcp.kms.CryptoKeyIAMMember's `member` with a named service account or group.",
  },
  kms.CryptoKeyIAMMember,
  "crypto key",
);
