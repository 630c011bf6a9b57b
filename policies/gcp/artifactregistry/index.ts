export { gcpArtifactregistryRepositoryMissingCmek } from "./gcp-artifactregistry-repository-missing-cmek";
export { gcpArtifactregistryRepositoryIamMemberDisallowPublicPrincipal } from "./gcp-artifactregistry-repositoryiammember-disallow-public-principal";
