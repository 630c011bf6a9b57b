import * as containerservice from "@pulumi/azure-native/containerservice";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * The local cluster-admin account's static credential bypasses Entra ID, conditional access and the audit trail of
 * who did what (Azure security baseline IM-1, Checkov CKV_AZURE_141).
 * @severity high
 * @controls hipaa:164.312(a)(2)(i), hipaa:164.312(d), gdpr:art32
 */
export const azureContainerserviceManagedClusterDisableLocalAccounts = resourcePolicy(
  {
    name: "azure-containerservice-managedcluster-disable-local-accounts",
    description: "AKS clusters must disable local accounts and use Entra ID with Azure RBAC.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(i)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Set `disableLocalAccounts: true` and `aadProfile: {managed: true, enableAzureRBAC: true}` on the azure-native containerservice.ManagedCluster.",
  },
  containerservice.ManagedCluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "disableLocalAccounts",
          cluster.disableLocalAccounts,
          "the service default false",
        ),
      () =>
        cluster.aadProfile?.managed === true
          ? undefined
          : "aadProfile.managed is not true, so the cluster has no Entra ID integration; expected managed Entra ID.",
      () =>
        cluster.enableRBAC === false
          ? "enableRBAC is false; expected true (the default)."
          : undefined,
    ]),
);
