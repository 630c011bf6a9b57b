/** Every AWS resource policy, grouped by service. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as kms from "./kms";

export const awsPolicies: ResourceValidationPolicy[] = [...Object.values(kms)];
