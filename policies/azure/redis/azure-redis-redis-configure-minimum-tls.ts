import * as redis from "@pulumi/azure-native/redis";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

const accepted: readonly unknown[] = ["1.2"];

/**
 * Cache clients exchange PHI with the server over TLS; versions below 1.2 must be refused (Checkov CKV_AZURE_148).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureRedisRedisConfigureMinimumTls = resourcePolicy(
  {
    name: "azure-redis-redis-configure-minimum-tls",
    description: "Azure Cache for Redis must require TLS 1.2 or later.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: 'Set `minimumTlsVersion: "1.2"` on the azure-native redis.Redis.',
  },
  redis.Redis,
  (r, { report }) =>
    checkEach(report, [
      () => {
        const value = r.minimumTlsVersion;
        return (value === undefined && true) || accepted.includes(value)
          ? undefined
          : `minimumTlsVersion is ${shown(value, "the service default TLS 1.2")}; expected 1.2.`;
      },
    ]),
);
