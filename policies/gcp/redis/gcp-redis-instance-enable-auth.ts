import * as redis from "@pulumi/gcp/redis";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Without AUTH any client on the authorized network reads and writes the cache; the provider default is off
 * (Checkov CKV_GCP_95).
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpRedisInstanceEnableAuth = resourcePolicy(
  {
    name: "gcp-redis-instance-enable-auth",
    description: "Memorystore for Redis instances must enable AUTH.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps: "Set `authEnabled: true` on the gcp.redis.Instance.",
  },
  redis.Instance,
  (instance, { report }) =>
    checkEach(report, [
      () => mustBeTrue("authEnabled", instance.authEnabled, "the provider default false"),
    ]),
);
