export { awsLbListenerEnforceTlsPolicy } from "./aws-lb-listener-enforce-tls-policy";
export { awsLbLoadBalancerDisallowInternetFacing } from "./aws-lb-load-balancer-disallow-internet-facing";
export { awsLbLoadBalancerEnableAccessLogs } from "./aws-lb-load-balancer-enable-access-logs";
export { awsLbLoadBalancerEnableDropInvalidHeaderFields } from "./aws-lb-load-balancer-enable-drop-invalid-header-fields";
