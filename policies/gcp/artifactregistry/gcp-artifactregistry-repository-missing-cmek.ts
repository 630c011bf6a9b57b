import * as artifactregistry from "@pulumi/gcp/artifactregistry";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeSet } from "../../lib/conditions";

/**
 * Images and packages can embed configuration and data; a repository without kmsKeyName uses a Google-managed key
 * (Checkov CKV_GCP_84).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpArtifactregistryRepositoryMissingCmek = resourcePolicy(
  {
    name: "gcp-artifactregistry-repository-missing-cmek",
    description:
      "Artifact Registry repositories must be encrypted with a customer-managed Cloud KMS key (CMEK).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyName: <Cloud KMS key id>` on the gcp.artifactregistry.Repository.",
  },
  artifactregistry.Repository,
  (r, { report }) =>
    checkEach(report, [
      () => mustBeSet("kmsKeyName", r.kmsKeyName, "a Google-managed key", "a Cloud KMS key name"),
    ]),
);
