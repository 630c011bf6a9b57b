import {
  azureKeyVaultKeyConfigureExpiry,
  azureKeyVaultSecretConfigureExpiry,
} from "../../../../policies/azure/keyvault";
import { unknown } from "../../harness";
import { describePolicy } from "../cases";

const base = { resourceGroupName: "rg", vaultName: "kv" };

describePolicy({
  policy: azureKeyVaultKeyConfigureExpiry,
  type: "azure-native:keyvault:Key",
  base,
  pass: [
    { properties: { attributes: { expires: 1893456000 } } },
    { properties: { rotationPolicy: { attributes: { expiryTime: "P2Y" } } } },
  ],
  fail: [
    [
      { properties: { kty: "RSA", keySize: 3072 } },
      [
        "Neither properties.attributes.expires nor properties.rotationPolicy.attributes.expiryTime is set, so the key never expires. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
      ],
    ],
  ],
  absent: [
    "Neither properties.attributes.expires nor properties.rotationPolicy.attributes.expiryTime is set, so the key never expires. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
  ],
  unknown: { properties: { attributes: { expires: unknown } } },
});

describePolicy({
  policy: azureKeyVaultSecretConfigureExpiry,
  type: "azure-native:keyvault:Secret",
  base,
  pass: [{ properties: { value: "s", attributes: { expires: 1893456000 } } }],
  fail: [
    [
      { properties: { value: "s", attributes: { enabled: true } } },
      [
        "properties.attributes.expires is not set, so the secret never expires. (Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(1); GDPR Art. 32)",
      ],
    ],
  ],
  absent: [
    "properties.attributes.expires is not set, so the secret never expires. (Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(1); GDPR Art. 32)",
  ],
  unknown: { properties: { attributes: { expires: unknown } } },
});
