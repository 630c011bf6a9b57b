export { gcpArtifactregistryRepositoryMissingCmek } from "./gcp-artifactregistry-repository-missing-cmek";
export { gcpArtifactregistryRepositoryiammemberDisallowPublicPrincipal } from "./gcp-artifactregistry-repositoryiammember-disallow-public-principal";
