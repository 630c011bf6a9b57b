export { gcpComputeFirewallDisallowPublicAdminPorts } from "./gcp-compute-firewall-disallow-public-admin-ports";
export { gcpComputeFirewallDisallowPublicAllPorts } from "./gcp-compute-firewall-disallow-public-all-ports";
export { gcpComputeFirewallEnableLogging } from "./gcp-compute-firewall-enable-logging";
export { gcpComputeInstanceDisableSerialPort } from "./gcp-compute-instance-disable-serial-port";
export { gcpComputeInstanceDisallowPublicIp } from "./gcp-compute-instance-disallow-public-ip";
export { gcpComputeNetworkDisableAutoCreateSubnetworks } from "./gcp-compute-network-disable-auto-create-subnetworks";
export { gcpComputeSubnetworkEnableFlowLogs } from "./gcp-compute-subnetwork-enable-flow-logs";
export { gcpComputeSubnetworkEnablePrivateGoogleAccess } from "./gcp-compute-subnetwork-enable-private-google-access";
