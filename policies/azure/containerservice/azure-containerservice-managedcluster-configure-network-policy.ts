import * as containerservice from "@pulumi/azure-native/containerservice";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

const engines = ["azure", "calico", "cilium"];

/**
 * Without a network policy engine every pod can reach every other pod, so one compromised workload reaches the
 * PHI services of all namespaces; the engine cannot be added to an existing cluster later (Checkov CKV_AZURE_7,
 * CIS AKS 5.4.4).
 * @severity medium
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureContainerserviceManagedClusterConfigureNetworkPolicy = resourcePolicy(
  {
    name: "azure-containerservice-managedcluster-configure-network-policy",
    description: "AKS clusters must run a network policy engine (azure, calico or cilium).",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `networkProfile.networkPolicy: "azure"`, `"calico"` or `"cilium"` on the azure-native containerservice.ManagedCluster (at creation).',
  },
  containerservice.ManagedCluster,
  (cluster, { report }) =>
    checkEach(report, [
      () => {
        const engine = cluster.networkProfile?.networkPolicy;
        if (engine === undefined || engine === null) {
          return "networkProfile.networkPolicy is not set (the service default: no network policy engine); expected azure, calico or cilium.";
        }
        return engines.includes(String(engine).toLowerCase())
          ? undefined
          : `networkProfile.networkPolicy is ${JSON.stringify(engine)}; expected azure, calico or cilium.`;
      },
    ]),
);
