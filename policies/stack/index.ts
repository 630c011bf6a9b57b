/** Policies over the whole stack: what only the set of resources together shows. */
import type { StackValidationPolicy } from "@pulumi/policy";

export const stackPolicies: StackValidationPolicy[] = [];
