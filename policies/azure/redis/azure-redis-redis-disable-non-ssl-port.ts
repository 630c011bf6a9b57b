import * as redis from "@pulumi/azure-native/redis";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * The non-SSL port 6379 serves the cache in clear text (Checkov CKV_AZURE_91).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureRedisRedisDisableNonSslPort = resourcePolicy(
  {
    name: "azure-redis-redis-disable-non-ssl-port",
    description: "Azure Cache for Redis must keep the non-SSL port disabled.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `enableNonSslPort: false` (the default) on the azure-native redis.Redis.",
  },
  redis.Redis,
  (cache, { report }) =>
    checkEach(report, [
      () =>
        cache.enableNonSslPort === true
          ? "enableNonSslPort is true; expected false (the default)."
          : undefined,
    ]),
);
