import * as healthcareapis from "@pulumi/azure-native/healthcareapis";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * The FHIR service is the system of record for PHI; a customer-managed key in Key Vault lets the organisation
 * revoke access to every resource and its history.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureHealthcareApisFhirServiceMissingCmk = resourcePolicy(
  {
    name: "azure-healthcareapis-fhirservice-missing-cmk",
    description: "FHIR services must encrypt data with a customer-managed key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl` to a versioned Key Vault key URL on the healthcareapis.FhirService, with a managed identity holding Key Vault Crypto Service Encryption User.",
  },
  healthcareapis.FhirService,
  (fhir, { report }) => {
    if (!isSet(fhir.encryption?.customerManagedKeyEncryption?.keyEncryptionKeyUrl)) {
      report(
        "encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl is not set, so data uses Microsoft-managed keys; set it to a Key Vault key URL.",
      );
    }
  },
);
