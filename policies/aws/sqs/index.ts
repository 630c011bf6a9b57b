export { awsSqsQueueEnableCmkEncryption } from "./aws-sqs-queue-enable-cmk-encryption";
export { awsSqsQueuePolicyDisallowWildcardPrincipal } from "./aws-sqs-queue-policy-disallow-wildcard-principal";
