import * as p from "../../../../policies/azure/healthcareapis";
import { unknown } from "../../harness";
import { describePolicy } from "../cases";

const type = "azure-native:healthcareapis:FhirService";
const base = { resourceGroupName: "rg", workspaceName: "ws" };
const auth = "(Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(1); GDPR Art. 32)";

describePolicy({
  policy: p.azureHealthcareApisFhirServiceConfigureFhirR4,
  type,
  base,
  pass: [{ kind: "fhir-R4" }],
  fail: [
    [
      { kind: "fhir-Stu3" },
      ['kind is "fhir-Stu3"; set it to "fhir-R4". (Control ID: HIPAA 164.312(c)(1); GDPR Art. 32)'],
    ],
  ],
  absent: [
    'kind is not set (no FHIR version chosen); set it to "fhir-R4". (Control ID: HIPAA 164.312(c)(1); GDPR Art. 32)',
  ],
  unknown: { kind: unknown },
});

describePolicy({
  policy: p.azureHealthcareApisFhirServiceMissingManagedIdentity,
  type,
  base,
  pass: [
    { identity: { type: "SystemAssigned" } },
    { identity: { type: "UserAssigned", userAssignedIdentities: ["id"] } },
  ],
  fail: [
    [
      { identity: { type: "None" } },
      [`identity.type is "None"; set it to "SystemAssigned" or "UserAssigned". ${auth}`],
    ],
  ],
  absent: [
    `identity.type is not set (no identity); set it to "SystemAssigned" or "UserAssigned". ${auth}`,
  ],
  unknown: { identity: { type: unknown } },
});

describePolicy({
  policy: p.azureHealthcareApisFhirServiceConfigureAuthentication,
  type,
  base,
  pass: [
    {
      authenticationConfiguration: {
        authority: "https://login.microsoftonline.com/t",
        audience: "https://ws-fhir.fhir.azurehealthcareapis.com",
      },
    },
  ],
  fail: [
    [
      { authenticationConfiguration: { authority: "https://login.microsoftonline.com/t" } },
      [
        `authenticationConfiguration is missing audience; set both to the Entra ID tenant and the service URL. ${auth}`,
      ],
    ],
  ],
  absent: [
    `authenticationConfiguration is missing authority and audience; set both to the Entra ID tenant and the service URL. ${auth}`,
  ],
  unknown: { authenticationConfiguration: { authority: unknown, audience: "a" } },
});

describePolicy({
  policy: p.azureHealthcareApisFhirServiceMissingCmk,
  type,
  base,
  pass: [
    {
      encryption: {
        customerManagedKeyEncryption: {
          keyEncryptionKeyUrl: "https://kv.vault.azure.net/keys/fhir/1",
        },
      },
    },
  ],
  fail: [
    [
      { encryption: { customerManagedKeyEncryption: {} } },
      [
        "encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl is not set, so data uses Microsoft-managed keys; set it to a Key Vault key URL. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
      ],
    ],
  ],
  absent: [
    "encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl is not set, so data uses Microsoft-managed keys; set it to a Key Vault key URL. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
  ],
  unknown: { encryption: { customerManagedKeyEncryption: { keyEncryptionKeyUrl: unknown } } },
});

describePolicy({
  policy: p.azureHealthcareApisFhirServiceDisallowCorsWildcard,
  type,
  base,
  pass: [{ corsConfiguration: { origins: ["https://app.example.org"] } }],
  fail: [
    [
      { corsConfiguration: { origins: ["https://app.example.org", "*"] } },
      [
        'corsConfiguration.origins includes "*"; list the allowed origins explicitly. (Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)',
      ],
    ],
  ],
  absent: [],
  unknown: { corsConfiguration: { origins: [unknown] } },
});

describePolicy({
  policy: p.azureHealthcareApisFhirServiceConfigureVersioning,
  type,
  base,
  pass: [{ resourceVersionPolicyConfiguration: { default: "versioned" } }],
  fail: [
    [
      { resourceVersionPolicyConfiguration: { default: "no-version" } },
      [
        'resourceVersionPolicyConfiguration.default is "no-version"; set it to "versioned". (Control ID: HIPAA 164.312(c)(1); GDPR Art. 17)',
      ],
    ],
  ],
  absent: [],
  unknown: { resourceVersionPolicyConfiguration: { default: unknown } },
  config: [
    [
      { versionPolicy: "versioned-update" },
      { resourceVersionPolicyConfiguration: { default: "versioned-update" } },
      [],
    ],
    [
      { versionPolicy: "versioned-update" },
      {},
      [
        'resourceVersionPolicyConfiguration.default is "versioned"; set it to "versioned-update". (Control ID: HIPAA 164.312(c)(1); GDPR Art. 17)',
      ],
    ],
  ],
});

describePolicy({
  policy: p.azureHealthcareApisFhirServiceDisableImport,
  type,
  base,
  pass: [{ importConfiguration: { enabled: false, initialImportMode: false } }],
  fail: [
    [
      { importConfiguration: { enabled: true, initialImportMode: true } },
      [
        "importConfiguration.enabled is true; set it to false. (Control ID: HIPAA 164.312(c)(1); HIPAA 164.312(b); GDPR Art. 25)",
        "importConfiguration.initialImportMode is true; set it to false. (Control ID: HIPAA 164.312(c)(1); HIPAA 164.312(b); GDPR Art. 25)",
      ],
    ],
  ],
  absent: [],
  unknown: { importConfiguration: { enabled: unknown } },
});
