import * as containerservice from "@pulumi/azure-native/containerservice";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * A node with its own public IP is reachable from the internet on every port its network security group leaves
 * open, around the cluster's private API server and load balancers (Azure Policy "AKS node pools should not have
 * public IPs").
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureContainerserviceManagedClusterDisallowNodePublicIp = resourcePolicy(
  {
    name: "azure-containerservice-managedcluster-disallow-node-public-ip",
    description: "AKS node pools must not give their nodes public IP addresses.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `enableNodePublicIP: false` (the default) on every agentPoolProfiles entry of the azure-native containerservice.ManagedCluster.",
  },
  containerservice.ManagedCluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        (cluster.agentPoolProfiles ?? [])
          .filter((pool) => pool.enableNodePublicIP === true)
          .map(
            (pool) =>
              `agentPoolProfiles ${pool.name} has enableNodePublicIP true; expected false (the default).`,
          ),
    ]),
);
