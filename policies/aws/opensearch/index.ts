export { awsOpensearchDomainEnableAuditLogs } from "./aws-opensearch-domain-enable-audit-logs";
export { awsOpensearchDomainEnableCmkEncryption } from "./aws-opensearch-domain-enable-cmk-encryption";
export { awsOpensearchDomainEnableFineGrainedAccess } from "./aws-opensearch-domain-enable-fine-grained-access";
export { awsOpensearchDomainEnableNodeToNodeEncryption } from "./aws-opensearch-domain-enable-node-to-node-encryption";
export { awsOpensearchDomainEnableVpc } from "./aws-opensearch-domain-enable-vpc";
export { awsOpensearchDomainEnforceHttps } from "./aws-opensearch-domain-enforce-https";
