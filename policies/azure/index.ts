/** Every Azure resource policy, grouped by service. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as keyvault from "./keyvault";

export const azurePolicies: ResourceValidationPolicy[] = [...Object.values(keyvault)];
