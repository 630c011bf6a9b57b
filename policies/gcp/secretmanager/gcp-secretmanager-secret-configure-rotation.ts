import * as secretmanager from "@pulumi/gcp/secretmanager";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";
import { gcpDurationSeconds } from "../../lib/duration";

const maxSeconds = 90 * 24 * 3600;

/**
 * A rotation schedule publishes a reminder to rotate the credential; without one a leaked secret stays valid
 * indefinitely.
 * @severity low
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d), gdpr:art32
 */
export const gcpSecretmanagerSecretConfigureRotation = resourcePolicy(
  {
    name: "gcp-secretmanager-secret-configure-rotation",
    description: "Secret Manager secrets must declare a rotation period of at most 90 days.",
    severity: "low",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      'Set `rotation: {rotationPeriod: "7776000s", nextRotationTime}` and `topics` on the gcp.secretmanager.Secret.',
  },
  secretmanager.Secret,
  (secret, { report }) =>
    checkEach(report, [
      () => {
        const period = secret.rotation?.rotationPeriod;
        const seconds = typeof period === "string" ? gcpDurationSeconds(period) : undefined;
        return seconds !== undefined && seconds <= maxSeconds
          ? undefined
          : `rotation.rotationPeriod is ${shown(period, "no rotation")}; expected at most 7776000s (90 days).`;
      },
    ]),
);
