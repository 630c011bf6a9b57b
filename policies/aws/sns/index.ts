export { awsSnsTopicEnableCmkEncryption } from "./aws-sns-topic-enable-cmk-encryption";
export { awsSnsTopicPolicyDisallowWildcardPrincipal } from "./aws-sns-topic-policy-disallow-wildcard-principal";
