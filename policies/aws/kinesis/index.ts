export { awsKinesisFirehoseDeliveryStreamEnableCmkEncryption } from "./aws-kinesis-firehose-delivery-stream-enable-cmk-encryption";
export { awsKinesisFirehoseDeliveryStreamEnableDestinationCmk } from "./aws-kinesis-firehose-delivery-stream-enable-destination-cmk";
export { awsKinesisStreamConfigureRetentionPeriod } from "./aws-kinesis-stream-configure-retention-period";
export { awsKinesisStreamEnableCmkEncryption } from "./aws-kinesis-stream-enable-cmk-encryption";
export { awsKinesisVideoStreamEnableCmkEncryption } from "./aws-kinesis-video-stream-enable-cmk-encryption";
