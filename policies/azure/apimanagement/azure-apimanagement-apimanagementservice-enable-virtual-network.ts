import * as apimanagement from "@pulumi/azure-native/apimanagement";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Without a virtual network (virtualNetworkType None, the default) the gateway reaches backends over public
 * addresses; Internal mode keeps the whole path private (Checkov CKV_AZURE_107).
 * @severity medium
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureApimanagementApiManagementServiceEnableVirtualNetwork = resourcePolicy(
  {
    name: "azure-apimanagement-apimanagementservice-enable-virtual-network",
    description:
      'API Management services must be deployed into a virtual network (virtualNetworkType "Internal" or "External").',
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `virtualNetworkType: "Internal"` and `virtualNetworkConfiguration.subnetResourceId` on the azure-native apimanagement.ApiManagementService.',
  },
  apimanagement.ApiManagementService,
  (svc, { report }) =>
    checkEach(report, [
      () =>
        ["Internal", "External"].includes(svc.virtualNetworkType ?? "None")
          ? undefined
          : `virtualNetworkType is ${shown(svc.virtualNetworkType, "the service default None")}; expected "Internal" or "External".`,
    ]),
);
