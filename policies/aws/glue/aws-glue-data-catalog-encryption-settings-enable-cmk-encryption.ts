import * as glue from "@pulumi/aws/glue";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, shown } from "../../lib/conditions";

/**
 * The Data Catalog describes PHI tables (column names, sample partitions) and stores connection passwords; both
 * stay unencrypted unless SSE-KMS and password encryption are turned on (Checkov CKV_AWS_94).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsGlueDataCatalogEncryptionSettingsEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-glue-data-catalog-encryption-settings-enable-cmk-encryption",
    description:
      "Glue Data Catalogs must encrypt metadata with SSE-KMS using a customer-managed key and encrypt connection passwords.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'On the aws.glue.DataCatalogEncryptionSettings set `dataCatalogEncryptionSettings: {encryptionAtRest: {catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: <key ARN>}, connectionPasswordEncryption: {returnConnectionPasswordEncrypted: true, awsKmsKeyId: <key ARN>}}`.',
  },
  glue.DataCatalogEncryptionSettings,
  (settings, { report }) => {
    const atRest = settings.dataCatalogEncryptionSettings.encryptionAtRest;
    const passwords = settings.dataCatalogEncryptionSettings.connectionPasswordEncryption;
    checkEach(report, [
      () =>
        String(atRest.catalogEncryptionMode).startsWith("SSE-KMS")
          ? mustBeAwsCmk(
              "encryptionAtRest.sseAwsKmsKeyId",
              atRest.sseAwsKmsKeyId,
              "the AWS managed aws/glue key",
            )
          : `encryptionAtRest.catalogEncryptionMode is ${shown(atRest.catalogEncryptionMode)}; expected "SSE-KMS".`,
      () =>
        passwords.returnConnectionPasswordEncrypted === true
          ? undefined
          : `connectionPasswordEncryption.returnConnectionPasswordEncrypted is ${shown(passwords.returnConnectionPasswordEncrypted)}; expected true.`,
    ]);
  },
);
