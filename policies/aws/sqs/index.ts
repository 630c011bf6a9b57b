export { awsSqsQueueEnableCmkEncryption } from "./aws-sqs-queue-enable-cmk-encryption";
