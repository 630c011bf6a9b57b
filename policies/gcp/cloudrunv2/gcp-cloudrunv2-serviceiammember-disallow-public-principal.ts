import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import { disallowPublicMember } from "../lib/principals";

/**
 * Granting a Cloud Run role such as roles/run.invoker to allUsers or allAuthenticatedUsers lets anyone call the
 * service without an identity the application can check or the audit log can name.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d), gdpr:art32
 */
export const gcpCloudrunv2ServiceIamMemberDisallowPublicPrincipal = disallowPublicMember(
  {
    name: "gcp-cloudrunv2-serviceiammember-disallow-public-principal",
    description: "Cloud Run service IAM members must not be allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Replace the gcp.cloudrunv2.ServiceIamMember's `member` with a named service account or group (callers authenticate with an ID token).",
  },
  cloudrunv2.ServiceIamMember,
  "service",
);
