export { awsElasticacheReplicationGroupConfigureSnapshotRetention } from "./aws-elasticache-replication-group-configure-snapshot-retention";
export { awsElasticacheReplicationGroupEnableCmkEncryption } from "./aws-elasticache-replication-group-enable-cmk-encryption";
export { awsElasticacheReplicationGroupEnableTransitEncryption } from "./aws-elasticache-replication-group-enable-transit-encryption";
export { awsElasticacheReplicationGroupEnforceAuthentication } from "./aws-elasticache-replication-group-enforce-authentication";
export { awsElasticacheServerlessCacheEnableCmkEncryption } from "./aws-elasticache-serverless-cache-enable-cmk-encryption";
