/** GCP IAM principals that make a resource public, and the policies that keep them off PHI resources. */
import type { Resource } from "@pulumi/pulumi";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { PolicySpec, resourcePolicy } from "../../lib/define";

/** Everyone on the internet, and everyone with any Google account. */
export const publicPrincipals: readonly string[] = ["allUsers", "allAuthenticatedUsers"];

/** The public principals among `members`, in order. */
export function publicMembersOf(members: readonly unknown[]): string[] {
  return members.filter((m): m is string => typeof m === "string" && publicPrincipals.includes(m));
}

// The same constructor shape @pulumi/policy's validateResourceOfType takes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type IamClass<TArgs> = { new (name: string, args: TArgs, ...rest: any[]): Resource };

/** A policy on an `*IamMember` resource: its single `member` must not be public. */
export function disallowPublicMember<TArgs extends { member: unknown }>(
  spec: PolicySpec,
  resourceClass: IamClass<TArgs>,
  what: string,
): ResourceValidationPolicy {
  return resourcePolicy(spec, resourceClass, (iam, { report }) => {
    const member = (iam as { member?: unknown }).member;
    if (publicMembersOf([member]).length > 0) {
      report(
        `member is ${JSON.stringify(member)}, which makes the ${what} public; grant a named user, group or service account.`,
      );
    }
  });
}

/** A policy on an `*IamBinding` resource: none of its `members` may be public. */
export function disallowPublicMembers<TArgs extends { members: unknown }>(
  spec: PolicySpec,
  resourceClass: IamClass<TArgs>,
  what: string,
): ResourceValidationPolicy {
  return resourcePolicy(spec, resourceClass, (iam, { report }) => {
    const found = publicMembersOf((iam as { members?: unknown[] }).members ?? []);
    if (found.length > 0) {
      report(
        `members include ${found.map((m) => JSON.stringify(m)).join(", ")}, which makes the ${what} public; grant named users, groups or service accounts.`,
      );
    }
  });
}
