export { awsSnsTopicEnableCmkEncryption } from "./aws-sns-topic-enable-cmk-encryption";
