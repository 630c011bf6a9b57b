import * as redis from "@pulumi/gcp/redis";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeSet } from "../../lib/conditions";

/**
 * Persisted cache data (RDB snapshots, AOF) holds PHI; without customerManagedKey it is encrypted with a
 * Google-managed key outside the platform's key rotation and revocation.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpRedisInstanceMissingCmek = resourcePolicy(
  {
    name: "gcp-redis-instance-missing-cmek",
    description:
      "Memorystore for Redis instances must be encrypted with a customer-managed Cloud KMS key (CMEK).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps: "Set `customerManagedKey: <Cloud KMS key id>` on the gcp.redis.Instance.",
  },
  redis.Instance,
  (r, { report }) =>
    checkEach(report, [
      () =>
        mustBeSet(
          "customerManagedKey",
          r.customerManagedKey,
          "a Google-managed key",
          "a Cloud KMS key name",
        ),
    ]),
);
