/** Suppressions as the pack honours them: expiry required, real dates, a bounded window, explicit all-resource scope. */
import {
  addDays,
  findSuppression,
  isCalendarDate,
  suppressedMessage,
  suppressionProblem,
} from "../../policies/lib/suppressions";
import { awsKmsKeyEnableKeyRotation } from "../../policies/aws/kms";
import { checkResource } from "./harness";

const today = "2026-12-06";
const ok = {
  resource: "legacy-*",
  reason: "Vendor key, ticket SEC-42",
  owner: "security",
  expires: "2027-03-31",
};

describe("suppressionProblem", () => {
  it("accepts a complete suppression inside the window", () => {
    expect(suppressionProblem(ok, today)).toBeUndefined();
  });

  it.each([
    [{ ...ok, expires: undefined }, "its expiry null is not a date YYYY-MM-DD"],
    [{ ...ok, expires: "2027-02-30" }, 'its expiry "2027-02-30" is not a date YYYY-MM-DD'],
    [{ ...ok, expires: "2027-13-01" }, 'its expiry "2027-13-01" is not a date YYYY-MM-DD'],
    [{ ...ok, expires: "31/03/2027" }, 'its expiry "31/03/2027" is not a date YYYY-MM-DD'],
    [{ ...ok, expires: "2026-12-05" }, "it expired on 2026-12-05"],
    [
      { ...ok, expires: "2027-12-07" },
      "its expiry 2027-12-07 is more than 365 days ahead (latest 2027-12-06)",
    ],
    [
      { ...ok, resource: "*" },
      'its resource "*" matches every resource, which needs allResources: true',
    ],
    [{ ...ok, reason: "because" }, 'its reason "because" is shorter than 10 characters'],
  ])("refuses %j", (s, problem) => {
    expect(suppressionProblem(s, today)).toBe(problem);
  });

  it("accepts the last day of the window and a configured longer window", () => {
    expect(suppressionProblem({ ...ok, expires: "2027-12-06" }, today)).toBeUndefined();
    expect(suppressionProblem({ ...ok, expires: "2028-06-01" }, today, 730)).toBeUndefined();
    expect(suppressionProblem({ ...ok, expires: "2027-01-10" }, today, 30)).toBe(
      "its expiry 2027-01-10 is more than 30 days ahead (latest 2027-01-05)",
    );
  });

  it("accepts an all-resource suppression that says so, and marks its findings", () => {
    const all = { ...ok, resource: "*", allResources: true };
    expect(suppressionProblem(all, today)).toBeUndefined();
    expect(suppressedMessage(all, "finding")).toBe(
      "[suppressed for ALL resources until 2027-03-31 by security: Vendor key, ticket SEC-42] finding",
    );
    expect(findSuppression({ suppressions: [all] }, "urn:x::a", "anything", today)).toEqual({
      suppression: all,
    });
  });

  it("reads the window from the policy's maxSuppressionDays", () => {
    const far = { ...ok, expires: "2028-01-31" };
    expect(findSuppression({ suppressions: [far] }, "u", "legacy-key", today)?.problem).toContain(
      "more than 365 days ahead",
    );
    expect(
      findSuppression({ suppressions: [far], maxSuppressionDays: 800 }, "u", "legacy-key", today),
    ).toEqual({ suppression: far });
  });

  it("knows calendar dates", () => {
    expect([
      isCalendarDate("2028-02-29"),
      isCalendarDate("2027-02-29"),
      addDays("2026-12-31", 1),
    ]).toEqual([true, false, "2027-01-01"]);
  });
});

describe("a policy with a suppression beyond the window", () => {
  it("reports the finding and the refused suppression", async () => {
    const expires = addDays(new Date().toISOString().slice(0, 10), 400);
    const out = await checkResource(
      awsKmsKeyEnableKeyRotation,
      { type: "aws:kms/key:Key", name: "legacy-key", props: { enableKeyRotation: false } },
      { suppressions: [{ ...ok, expires }] },
    );
    expect(out.violations).toHaveLength(2);
    expect(out.violations[1]).toContain(`its expiry ${expires} is more than 365 days ahead`);
  });
});
