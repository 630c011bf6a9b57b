/** Every GCP resource policy, grouped by service. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as container from "./container";
import * as kms from "./kms";

export const gcpPolicies: ResourceValidationPolicy[] = [...Object.values(kms), ...Object.values(container)];
