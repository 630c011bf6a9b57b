import * as artifactregistry from "@pulumi/gcp/artifactregistry";
import { disallowPublicMember } from "../lib/principals";

/**
 * A public repository lets anyone pull the images that run PHI workloads, with whatever configuration they embed.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const gcpArtifactregistryRepositoryIamMemberDisallowPublicPrincipal = disallowPublicMember(
  {
    name: "gcp-artifactregistry-repositoryiammember-disallow-public-principal",
    description:
      "Artifact Registry repository IAM members must not be allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps:
      "Replace the gcp.artifactregistry.RepositoryIamMember's `member` with a named user, group or service account.",
  },
  artifactregistry.RepositoryIamMember,
  "repository",
);
