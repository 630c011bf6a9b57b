export { awsS3BucketAclDisallowPublicAcl } from "./aws-s3-bucket-acl-disallow-public-acl";
export { awsS3BucketDisallowPublicAcl } from "./aws-s3-bucket-disallow-public-acl";
export { awsS3BucketObjectLockConfigurationConfigureRetention } from "./aws-s3-bucket-object-lock-configuration-configure-retention";
export { awsS3BucketPolicyDisallowWildcardPrincipal } from "./aws-s3-bucket-policy-disallow-wildcard-principal";
export { awsS3BucketPolicyEnforceSecureTransport } from "./aws-s3-bucket-policy-enforce-secure-transport";
export { awsS3BucketPublicAccessBlockEnableAllSettings } from "./aws-s3-bucket-public-access-block-enable-all-settings";
export { awsS3BucketServerSideEncryptionConfigurationEnableKms } from "./aws-s3-bucket-server-side-encryption-configuration-enable-kms";
export { awsS3BucketVersioningEnableVersioning } from "./aws-s3-bucket-versioning-enable-versioning";
