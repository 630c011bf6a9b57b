export { awsRedshiftClusterConfigureSnapshotRetention } from "./aws-redshift-cluster-configure-snapshot-retention";
export { awsRedshiftClusterDisablePublicAccess } from "./aws-redshift-cluster-disable-public-access";
export { awsRedshiftClusterEnableCmkEncryption } from "./aws-redshift-cluster-enable-cmk-encryption";
export { awsRedshiftClusterEnableEnhancedVpcRouting } from "./aws-redshift-cluster-enable-enhanced-vpc-routing";
export { awsRedshiftParameterGroupEnforceSsl } from "./aws-redshift-parameter-group-enforce-ssl";
