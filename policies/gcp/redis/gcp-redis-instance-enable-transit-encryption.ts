import * as redis from "@pulumi/gcp/redis";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Cache traffic carries PHI; Memorystore serves it in clear unless transitEncryptionMode is SERVER_AUTHENTICATION
 * (the default is DISABLED) (Checkov CKV_GCP_97).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpRedisInstanceEnableTransitEncryption = resourcePolicy(
  {
    name: "gcp-redis-instance-enable-transit-encryption",
    description:
      'Memorystore for Redis instances must set transitEncryptionMode "SERVER_AUTHENTICATION".',
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `transitEncryptionMode: "SERVER_AUTHENTICATION"` on the gcp.redis.Instance.',
  },
  redis.Instance,
  (instance, { report }) =>
    checkEach(report, [
      () =>
        instance.transitEncryptionMode === "SERVER_AUTHENTICATION"
          ? undefined
          : `transitEncryptionMode is ${shown(instance.transitEncryptionMode, "the provider default DISABLED")}; expected "SERVER_AUTHENTICATION".`,
    ]),
);
