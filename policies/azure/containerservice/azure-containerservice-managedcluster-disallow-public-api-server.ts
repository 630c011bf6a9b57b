import * as containerservice from "@pulumi/azure-native/containerservice";
import { resourcePolicy } from "../../lib/define";
import { checkEach, isAnyAddress } from "../../lib/conditions";

/**
 * The AKS API server controls every workload and secret in the cluster; it is public to the whole internet unless
 * the cluster is private or authorized IP ranges are set (CIS AKS 5.4.1/5.4.2, Checkov CKV_AZURE_6/115).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureContainerserviceManagedClusterDisallowPublicApiServer = resourcePolicy(
  {
    name: "azure-containerservice-managedcluster-disallow-public-api-server",
    description: "AKS clusters must be private or restrict the API server to authorized IP ranges.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `apiServerAccessProfile: {enablePrivateCluster: true}` (or `authorizedIPRanges` without 0.0.0.0/0) on the azure-native containerservice.ManagedCluster.",
  },
  containerservice.ManagedCluster,
  (cluster, { report }) =>
    checkEach(report, [
      () => {
        const access = cluster.apiServerAccessProfile;
        if (access?.enablePrivateCluster === true) {
          return undefined;
        }
        const ranges = access?.authorizedIPRanges ?? [];
        return ranges.length > 0 && !ranges.some(isAnyAddress)
          ? undefined
          : `apiServerAccessProfile has enablePrivateCluster ${access?.enablePrivateCluster === undefined ? "not set (public)" : "false"} and authorizedIPRanges ${JSON.stringify(ranges)}; expected a private cluster or named IP ranges.`;
      },
    ]),
);
