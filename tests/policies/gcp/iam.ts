/** Shared cases for the policies that keep allUsers and allAuthenticatedUsers out of GCP IAM members and bindings. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkResource, unknown } from "../harness";

export interface IamCase {
  readonly policy: ResourceValidationPolicy;
  readonly type: string;
  /** What the message calls the resource, e.g. "dataset". */
  readonly what: string;
  /** The "(Control ID: ...)" suffix. */
  readonly ids: string;
}

export function describeMemberPolicy({ policy, type, what, ids }: IamCase): void {
  describe(policy.name, () => {
    const run = (member: unknown) =>
      checkResource(policy, { type, props: { role: "roles/viewer", member } });
    it("passes a named service account", async () => {
      expect(await run("serviceAccount:app@p.iam.gserviceaccount.com")).toEqual({
        violations: [],
        indeterminate: false,
      });
    });
    it.each(["allUsers", "allAuthenticatedUsers"])("fails %s", async (member) => {
      expect((await run(member)).violations).toEqual([
        `member is "${member}", which makes the ${what} public; grant a named user, group or service account. ${ids}`,
      ]);
    });
    it("passes when member is absent (the provider rejects it)", async () => {
      expect(
        (await checkResource(policy, { type, props: { role: "roles/viewer" } })).violations,
      ).toEqual([]);
    });
    it("is indeterminate when the member is unknown", async () => {
      expect(await run(unknown)).toEqual({ violations: [], indeterminate: true });
    });
  });
}

export function describeBindingPolicy({ policy, type, what, ids }: IamCase): void {
  describe(policy.name, () => {
    const run = (members: unknown) =>
      checkResource(policy, { type, props: { role: "roles/viewer", members } });
    it("passes named members", async () => {
      expect(
        await run(["group:clinicians@example.org", "serviceAccount:app@p.iam.gserviceaccount.com"]),
      ).toEqual({
        violations: [],
        indeterminate: false,
      });
    });
    it("fails public members, naming each", async () => {
      expect(
        (await run(["group:clinicians@example.org", "allUsers", "allAuthenticatedUsers"]))
          .violations,
      ).toEqual([
        `members include "allUsers", "allAuthenticatedUsers", which makes the ${what} public; grant named users, groups or service accounts. ${ids}`,
      ]);
    });
    it("passes when members are absent", async () => {
      expect(
        (await checkResource(policy, { type, props: { role: "roles/viewer" } })).violations,
      ).toEqual([]);
    });
    it("is indeterminate when a member is unknown", async () => {
      expect(await run(["group:clinicians@example.org", unknown])).toEqual({
        violations: [],
        indeterminate: true,
      });
    });
  });
}
