export { gcpStorageBucketEnableUniformBucketLevelAccess } from "./gcp-storage-bucket-enable-uniform-bucket-level-access";
export { gcpStorageBucketEnableVersioning } from "./gcp-storage-bucket-enable-versioning";
export { gcpStorageBucketEnforcePublicAccessPrevention } from "./gcp-storage-bucket-enforce-public-access-prevention";
export { gcpStorageBucketIamBindingDisallowPublicPrincipal } from "./gcp-storage-bucketiambinding-disallow-public-principal";
export { gcpStorageBucketIamMemberDisallowPublicPrincipal } from "./gcp-storage-bucketiammember-disallow-public-principal";
export { gcpStorageBucketMissingCmek } from "./gcp-storage-bucket-missing-cmek";
