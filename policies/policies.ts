/**
 * Every policy of the pack, in one list. Kept apart from index.ts because constructing `PolicyPack` starts the
 * analyzer's gRPC server: tests, the offline runner and POLICIES.md import this module instead.
 */
import type { Policies } from "@pulumi/policy";
import { awsPolicies } from "./aws";
import { gcpPolicies } from "./gcp";
import { azurePolicies } from "./azure";
import * as kubernetes from "./kubernetes";
import * as stack from "./stack";

export const packName = "mediconnect-hipaa-gdpr";

/**
 * Sorted by name, so the order the engine evaluates and reports in does not depend on how a compiler enumerates
 * a module's exports.
 */
export const policies: Policies = [
  ...awsPolicies,
  ...gcpPolicies,
  ...azurePolicies,
  ...Object.values(kubernetes),
  ...Object.values(stack),
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
