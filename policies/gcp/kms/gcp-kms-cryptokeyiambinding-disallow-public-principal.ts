import * as kms from "@pulumi/gcp/kms";
import { disallowPublicMembers } from "../lib/principals";

/**
 * A public grant on a crypto key lets anyone use or manage the keys that protect PHI, which defeats customer-managed
 * encryption entirely.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpKmsCryptoKeyIamBindingDisallowPublicPrincipal = disallowPublicMembers(
  {
    name: "gcp-kms-cryptokeyiambinding-disallow-public-principal",
    description:
      "Cloud KMS crypto key IAM bindings must not include allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Remove allUsers and allAuthenticatedUsers from the gcp.kms.CryptoKeyIAMBinding's `members`.",
  },
  kms.CryptoKeyIAMBinding,
  "crypto key",
);
