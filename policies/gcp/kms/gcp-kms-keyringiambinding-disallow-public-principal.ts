import * as kms from "@pulumi/gcp/kms";
import { disallowPublicMembers } from "../lib/principals";

/**
 * A public grant on a key ring lets anyone use or manage the keys that protect PHI, which defeats customer-managed
 * encryption entirely.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpKmsKeyRingIamBindingDisallowPublicPrincipal = disallowPublicMembers(
  {
    name: "gcp-kms-keyringiambinding-disallow-public-principal",
    description:
      "Cloud KMS key ring IAM bindings must not include allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Remove allUsers and allAuthenticatedUsers from the gcp.kms.KeyRingIAMBinding's `members`.",
  },
  kms.KeyRingIAMBinding,
  "key ring",
);
