export { awsSnsTopicEnableCmkEncryption } from "./aws-sns-topic-enable-cmk-encryption";
export { awsSnsTopicPolicyDisallowWildcardPrincipal } from "./aws-sns-topic-policy-disallow-wildcard-principal";
export { awsSnsTopicSubscriptionDisallowHttpEndpoint } from "./aws-sns-topic-subscription-disallow-http-endpoint";
