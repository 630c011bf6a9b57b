import * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import { disallowPublicMembers } from "../lib/principals";

/**
 * Granting a Cloud Run role such as roles/run.invoker to allUsers or allAuthenticatedUsers lets anyone call the
 * service without an identity the application can check or the audit log can name.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d), gdpr:art32
 */
export const gcpCloudrunv2ServiceIamBindingDisallowPublicPrincipal = disallowPublicMembers(
  {
    name: "gcp-cloudrunv2-serviceiambinding-disallow-public-principal",
    description:
      "Cloud Run service IAM bindings must not include allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Remove allUsers and allAuthenticatedUsers from the gcp.cloudrunv2.ServiceIamBinding's `members`.",
  },
  cloudrunv2.ServiceIamBinding,
  "service",
);
