/**
 * Every policy of the pack, in one list. Kept apart from index.ts because constructing `PolicyPack` starts the
 * analyzer's gRPC server: tests, the offline runner and POLICIES.md import this module instead.
 */
import type { Policies } from "@pulumi/policy";
import { awsPolicies } from "./aws";
import { gcpPolicies } from "./gcp";
import { azurePolicies } from "./azure";
import { kubernetesPolicies } from "./kubernetes";
import { stackPolicies } from "./stack";

export const packName = "mediconnect-hipaa-gdpr";

export const policies: Policies = [
  ...awsPolicies,
  ...gcpPolicies,
  ...azurePolicies,
  ...kubernetesPolicies,
  ...stackPolicies,
];
