import * as composer from "@pulumi/gcp/composer";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeSet } from "../../lib/conditions";

/**
 * A Composer environment's bucket, database and logs hold DAG variables, connections and task output; without
 * encryptionConfig they use Google-managed keys.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpComposerEnvironmentMissingCmek = resourcePolicy(
  {
    name: "gcp-composer-environment-missing-cmek",
    description:
      "Cloud Composer environments must be encrypted with a customer-managed Cloud KMS key (CMEK).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `config.encryptionConfig.kmsKeyName: <Cloud KMS key id>` on the gcp.composer.Environment.",
  },
  composer.Environment,
  (r, { report }) =>
    checkEach(report, [
      () =>
        mustBeSet(
          "config.encryptionConfig.kmsKeyName",
          r.config?.encryptionConfig?.kmsKeyName,
          "a Google-managed key",
          "a Cloud KMS key name",
        ),
    ]),
);
