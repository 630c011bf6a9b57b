/** What the terminal shows: 120 columns at most, whatever the names and messages. */
import { buildReport } from "../../compliance/report";
import {
  progressLine,
  renderClosingSummary,
  renderPolicies,
  renderTree,
  shorten,
  width,
  wrap,
} from "../../compliance/terminal";
import { knownInput } from "./helpers/known-evaluation";

const longType =
  "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
const longName = "a-very-long-resource-name-that-keeps-going-and-going-for-ever";
const stackUrn = knownInput.resources[0].urn;

const report = buildReport(
  {
    ...knownInput,
    resources: [
      ...knownInput.resources,
      {
        urn: `urn:pulumi:eu::clinic::${longType}::${longName}`,
        type: longType,
        name: longName,
        parent: stackUrn,
      },
    ],
    violations: [
      {
        ...knownInput.violations[0],
        message: `${"This message is long and has no line breaks at all. ".repeat(6)}${"x".repeat(150)}`,
      },
    ],
  },
  new Date("2026-12-01T00:00:00Z"),
);

describe("the terminal", () => {
  it("keeps the tree, the policy lines and the closing summary within 120 columns", () => {
    const lines = [renderTree(report), renderPolicies(report), renderClosingSummary([report])]
      .join("\n")
      .split("\n");
    expect(lines.filter((l) => [...l].length > width)).toEqual([]);
    expect(renderTree(report)).toContain("aws:s3/bucketServerSide");
  });

  it("wraps words, cuts words longer than a line, and shortens in the middle", () => {
    expect(wrap("aaa bbb ccc", 2, "").join("|")).toBe("aaa bbb ccc");
    const long = wrap(`start ${"y".repeat(130)}`, 4, "");
    expect(long.map((l) => l.length)).toEqual([5, 120, 18]);
    expect(shorten("abcdefghij", 5)).toBe("ab…ij");
  });

  it("prints progress as [stack] phase detail, stacks aligned", () => {
    expect(progressLine("eu", "program", "156 resources", 4)).toBe(
      "[eu]   program     156 resources",
    );
    expect(progressLine("prod", "analyze", "done", 4)).toBe("[prod] analyze     done");
  });

  it("names the failed HIPAA sections and GDPR articles in the closing summary", () => {
    expect(renderClosingSummary([report], [{ stack: "us", kind: "program" }])).toBe(
      [
        "Summary:",
        "  eu: FAIL: 1 mandatory, 0 advisory, 1 suppressed, 1 indeterminate; 3 of 22 controls assessed",
        "    failed HIPAA sections: 164.312(a)(2)(iv)",
        "    failed GDPR articles: Art. 32",
        "  us: not planned (program error, see above)",
      ].join("\n"),
    );
  });
});
