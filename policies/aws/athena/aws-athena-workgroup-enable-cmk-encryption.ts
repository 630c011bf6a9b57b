import * as athena from "@pulumi/aws/athena";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, shown } from "../../lib/conditions";

/**
 * Query results are PHI written to S3; the workgroup must encrypt them with KMS and enforce its settings so a
 * client cannot choose to write them unencrypted (Checkov CKV_AWS_82).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsAthenaWorkgroupEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-athena-workgroup-enable-cmk-encryption",
    description:
      "Athena workgroups must encrypt query results with SSE_KMS or CSE_KMS using a customer-managed key and enforce the workgroup configuration.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `configuration: {enforceWorkgroupConfiguration: true, resultConfiguration: {encryptionConfiguration: {encryptionOption: "SSE_KMS", kmsKeyArn}}}` on the aws.athena.Workgroup.',
  },
  athena.Workgroup,
  (group, { report }) => {
    const config = group.configuration;
    const enc = config?.resultConfiguration?.encryptionConfiguration;
    checkEach(report, [
      () =>
        enc?.encryptionOption === "SSE_KMS" || enc?.encryptionOption === "CSE_KMS"
          ? mustBeAwsCmk(
              "configuration.resultConfiguration.encryptionConfiguration.kmsKeyArn",
              enc.kmsKeyArn,
              "no key",
            )
          : `configuration.resultConfiguration.encryptionConfiguration.encryptionOption is ${shown(enc?.encryptionOption, "results unencrypted")}; expected "SSE_KMS" or "CSE_KMS".`,
      () =>
        config?.enforceWorkgroupConfiguration === false
          ? "configuration.enforceWorkgroupConfiguration is false, so clients may override the encryption; expected true (the provider default)."
          : undefined,
    ]);
  },
);
