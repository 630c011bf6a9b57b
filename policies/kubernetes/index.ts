/** Every Kubernetes resource policy, grouped by API group. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { kubernetesAppsDeploymentEnforceRestrictedPodSecurity } from "./apps/kubernetes-apps-deployment-enforce-restricted-pod-security";
import { kubernetesAppsStatefulSetEnforceRestrictedPodSecurity } from "./apps/kubernetes-apps-statefulset-enforce-restricted-pod-security";
import { kubernetesAppsDaemonSetEnforceRestrictedPodSecurity } from "./apps/kubernetes-apps-daemonset-enforce-restricted-pod-security";
import { kubernetesAppsReplicaSetEnforceRestrictedPodSecurity } from "./apps/kubernetes-apps-replicaset-enforce-restricted-pod-security";
import { kubernetesBatchJobEnforceRestrictedPodSecurity } from "./batch/kubernetes-batch-job-enforce-restricted-pod-security";
import { kubernetesBatchCronJobEnforceRestrictedPodSecurity } from "./batch/kubernetes-batch-cronjob-enforce-restricted-pod-security";
import { kubernetesCorePodEnforceRestrictedPodSecurity } from "./core/kubernetes-core-pod-enforce-restricted-pod-security";
import { kubernetesCoreServiceDisallowPublicLoadBalancer } from "./core/kubernetes-core-service-disallow-public-load-balancer";
import { kubernetesCoreNamespaceEnforcePodSecurityLabel } from "./core/kubernetes-core-namespace-enforce-pod-security-label";
import { kubernetesNetworkingIngressEnforceTls } from "./networking/kubernetes-networking-ingress-enforce-tls";
import { kubernetesRbacClusterRoleBindingDisallowClusterAdmin } from "./rbac/kubernetes-rbac-clusterrolebinding-disallow-cluster-admin";

export {
  kubernetesAppsDeploymentEnforceRestrictedPodSecurity,
  kubernetesAppsStatefulSetEnforceRestrictedPodSecurity,
  kubernetesAppsDaemonSetEnforceRestrictedPodSecurity,
  kubernetesAppsReplicaSetEnforceRestrictedPodSecurity,
  kubernetesBatchJobEnforceRestrictedPodSecurity,
  kubernetesBatchCronJobEnforceRestrictedPodSecurity,
  kubernetesCorePodEnforceRestrictedPodSecurity,
  kubernetesCoreServiceDisallowPublicLoadBalancer,
  kubernetesCoreNamespaceEnforcePodSecurityLabel,
  kubernetesNetworkingIngressEnforceTls,
  kubernetesRbacClusterRoleBindingDisallowClusterAdmin,
};

export const kubernetesPolicies: ResourceValidationPolicy[] = [
  kubernetesAppsDeploymentEnforceRestrictedPodSecurity,
  kubernetesAppsStatefulSetEnforceRestrictedPodSecurity,
  kubernetesAppsDaemonSetEnforceRestrictedPodSecurity,
  kubernetesAppsReplicaSetEnforceRestrictedPodSecurity,
  kubernetesBatchJobEnforceRestrictedPodSecurity,
  kubernetesBatchCronJobEnforceRestrictedPodSecurity,
  kubernetesCorePodEnforceRestrictedPodSecurity,
  kubernetesCoreServiceDisallowPublicLoadBalancer,
  kubernetesCoreNamespaceEnforcePodSecurityLabel,
  kubernetesNetworkingIngressEnforceTls,
  kubernetesRbacClusterRoleBindingDisallowClusterAdmin,
];
