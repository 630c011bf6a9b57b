export { azureNetworkNetworkSecurityGroupDisallowPublicAdminPorts } from "./azure-network-networksecuritygroup-disallow-public-admin-ports";
export { azureNetworkPrivateEndpointConfigureGroupIds } from "./azure-network-privateendpoint-configure-group-ids";
export { azureNetworkSecurityRuleDisallowPublicAdminPorts } from "./azure-network-securityrule-disallow-public-admin-ports";
export { azureNetworkWebApplicationFirewallPolicyEnforcePreventionMode } from "./azure-network-webapplicationfirewallpolicy-enforce-prevention-mode";
