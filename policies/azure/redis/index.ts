export { azureRedisRedisConfigureMinimumTls } from "./azure-redis-redis-configure-minimum-tls";
export { azureRedisRedisDisableNonSslPort } from "./azure-redis-redis-disable-non-ssl-port";
export { azureRedisRedisDisablePublicNetworkAccess } from "./azure-redis-redis-disable-public-network-access";
