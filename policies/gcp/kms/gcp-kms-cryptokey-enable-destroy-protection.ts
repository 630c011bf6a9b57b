import * as kms from "@pulumi/gcp/kms";
import { resourcePolicy } from "../../lib/define";

/**
 * Destroying a CMEK key makes every PHI record encrypted with it unreadable; `deletionPolicy: PREVENT` makes a
 * `pulumi destroy` or a replacement fail instead.
 * @severity high
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1), gdpr:art32
 */
export const gcpKmsCryptoKeyEnableDestroyProtection = resourcePolicy(
  {
    name: "gcp-kms-cryptokey-enable-destroy-protection",
    description:
      'Cloud KMS crypto keys must be protected from destruction (deletionPolicy "PREVENT").',
    severity: "high",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `deletionPolicy: "PREVENT"` on the gcp.kms.CryptoKey (and keep `destroyScheduledDuration` at 30 days).',
  },
  kms.CryptoKey,
  (key, { report }) => {
    if (key.deletionPolicy !== "PREVENT") {
      report(
        `deletionPolicy is ${key.deletionPolicy === undefined ? "not set (defaults to DELETE)" : JSON.stringify(key.deletionPolicy)}; set it to "PREVENT".`,
      );
    }
  },
);
