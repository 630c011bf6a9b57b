export { gcpPubsubTopicMissingCmek } from "./gcp-pubsub-topic-missing-cmek";
