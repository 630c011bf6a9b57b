import * as apimanagement from "@pulumi/azure-native/apimanagement";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

const legacy = ["Tls10", "Tls11", "Ssl30"].flatMap((p) => [
  `Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.${p}`,
  `Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.${p}`,
]);

/**
 * API Management fronts PHI APIs; TLS 1.0, 1.1 and SSL 3.0 are disabled by default for services created after April
 * 2018 (the provider's documented default), so only an explicit "True" re-enables them (Checkov CKV_AZURE_173).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureApimanagementApiManagementServiceDisableLegacyTls = resourcePolicy(
  {
    name: "azure-apimanagement-apimanagementservice-disable-legacy-tls",
    description:
      "API Management services must not re-enable SSL 3.0, TLS 1.0 or TLS 1.1 on the gateway or towards backends.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Remove the Protocols.Tls10 / Tls11 / Ssl30 entries from `customProperties` (or set them to "False") on the azure-native apimanagement.ApiManagementService.',
  },
  apimanagement.ApiManagementService,
  (svc, { report }) =>
    checkEach(report, [
      () => {
        const props = svc.customProperties ?? {};
        const on = legacy.filter((k) => String(props[k] ?? "False").toLowerCase() === "true");
        return on.length === 0
          ? undefined
          : `customProperties enables ${on.join(", ")}; expected them unset or "False" (the default since April 2018).`;
      },
    ]),
);
