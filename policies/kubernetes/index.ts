/** Every Kubernetes resource policy, grouped by API group. */
import type { ResourceValidationPolicy } from "@pulumi/policy";

export const kubernetesPolicies: ResourceValidationPolicy[] = [];
