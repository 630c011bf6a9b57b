export { gcpRedisInstanceEnableAuth } from "./gcp-redis-instance-enable-auth";
export { gcpRedisInstanceEnableTransitEncryption } from "./gcp-redis-instance-enable-transit-encryption";
export { gcpRedisInstanceMissingCmek } from "./gcp-redis-instance-missing-cmek";
