import * as network from "@pulumi/azure-native/network";
import { resourcePolicy } from "../../lib/define";

/**
 * A private endpoint connects one sub-resource (group id) of one service; a connection without a target or a
 * group id gives none of the isolation the PHI service relies on.
 * @severity medium
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1)
 */
export const azureNetworkPrivateEndpointConfigureGroupIds = resourcePolicy(
  {
    name: "azure-network-privateendpoint-configure-group-ids",
    description:
      "Private endpoints must connect a private link service with at least one group id.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)"],
    remediationSteps:
      'Set `privateLinkServiceConnections: [{ name, privateLinkServiceId: <resource id>, groupIds: ["<group>"] }]` on the network.PrivateEndpoint (e.g. "healthcareworkspace", "account", "blob", "vault").',
  },
  network.PrivateEndpoint,
  (endpoint, { report }) => {
    const connections = [
      ...(endpoint.privateLinkServiceConnections ?? []),
      ...(endpoint.manualPrivateLinkServiceConnections ?? []),
    ];
    if (connections.length === 0) {
      report("The private endpoint has no privateLinkServiceConnections.");
      return;
    }
    connections.forEach((c, i) => {
      if (typeof c.privateLinkServiceId !== "string" || (c.groupIds ?? []).length === 0) {
        report(
          `Connection ${i} (${c.name ?? "unnamed"}) must set privateLinkServiceId and at least one groupIds entry.`,
        );
      }
    });
  },
);
