/** Every Kubernetes resource policy, grouped by API group in folders; policies.ts takes all of them. */
export { kubernetesAppsDeploymentEnforceRestrictedPodSecurity } from "./apps/kubernetes-apps-deployment-enforce-restricted-pod-security";
export { kubernetesAppsStatefulSetEnforceRestrictedPodSecurity } from "./apps/kubernetes-apps-statefulset-enforce-restricted-pod-security";
export { kubernetesAppsDaemonSetEnforceRestrictedPodSecurity } from "./apps/kubernetes-apps-daemonset-enforce-restricted-pod-security";
export { kubernetesAppsReplicaSetEnforceRestrictedPodSecurity } from "./apps/kubernetes-apps-replicaset-enforce-restricted-pod-security";
export { kubernetesBatchJobEnforceRestrictedPodSecurity } from "./batch/kubernetes-batch-job-enforce-restricted-pod-security";
export { kubernetesBatchCronJobEnforceRestrictedPodSecurity } from "./batch/kubernetes-batch-cronjob-enforce-restricted-pod-security";
export { kubernetesCorePodEnforceRestrictedPodSecurity } from "./core/kubernetes-core-pod-enforce-restricted-pod-security";
export { kubernetesCoreServiceDisallowPublicLoadBalancer } from "./core/kubernetes-core-service-disallow-public-load-balancer";
export { kubernetesCoreNamespaceEnforcePodSecurityLabel } from "./core/kubernetes-core-namespace-enforce-pod-security-label";
export { kubernetesNetworkingIngressEnforceTls } from "./networking/kubernetes-networking-ingress-enforce-tls";
export { kubernetesRbacClusterRoleBindingDisallowClusterAdmin } from "./rbac/kubernetes-rbac-clusterrolebinding-disallow-cluster-admin";
