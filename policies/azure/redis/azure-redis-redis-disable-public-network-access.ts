import * as redis from "@pulumi/azure-native/redis";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A cache reachable from the internet is guarded only by its access key (Checkov CKV_AZURE_89).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureRedisRedisDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-redis-redis-disable-public-network-access",
    description:
      'Azure Cache for Redis must set publicNetworkAccess to "Disabled" and be reached through private endpoints.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the azure-native redis.Redis and add a network.PrivateEndpoint.',
  },
  redis.Redis,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.publicNetworkAccess === "Disabled"
          ? undefined
          : `publicNetworkAccess is ${shown(r.publicNetworkAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
