/**
 * The Markdown summary for a pull-request comment: short. Counts (indeterminate always shown), what changed
 * against the baseline, mandatory violations first, then advisory ones, suppressions with reason, owner and
 * expiry, and the failed HIPAA sections and GDPR articles. Long lists are cut at `maxRows` rows with the number
 * left out; the HTML report and report.json have everything.
 */
import type { Report, ReportViolation } from "../report";

export const maxRows = 25;

/** Table cells: pipes escaped, line breaks flattened, HTML-significant characters escaped. */
export function mdCell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
}

function where(v: ReportViolation): string {
  return v.location ? `\`${v.location.file}:${v.location.line}\`` : "";
}

function rows<T>(items: readonly T[], row: (t: T) => string): string[] {
  const out = items.slice(0, maxRows).map(row);
  if (items.length > maxRows) {
    out.push(`\n_... and ${items.length - maxRows} more (see report.html)._`);
  }
  return out;
}

function findingTable(list: readonly ReportViolation[], withBaseline: boolean): string[] {
  return [
    `| ${withBaseline ? "change | " : ""}policy | severity | resource | declared at | controls | message |`,
    `| ${withBaseline ? "--- | " : ""}--- | --- | --- | --- | --- | --- |`,
    ...rows(
      list,
      (v) =>
        `| ${withBaseline ? `${v.baselineState === "new" ? "**new**" : "unchanged"} | ` : ""}` +
        `\`${v.policyName}\` | ${v.severity || "-"} | ${mdCell(`${v.resourceType} ${v.resourceName}`)} | ${where(v)} | ` +
        `${v.frameworks.map((f) => `\`${f}\``).join(" ")} | ${mdCell(v.message)} |`,
    ),
  ];
}

export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
  const advisory = report.violations.filter((v) => v.enforcementLevel !== "mandatory");
  const withBaseline = report.baseline !== null;
  // New findings first within each group.
  const order = (a: ReportViolation, b: ReportViolation) =>
    Number(b.baselineState === "new") - Number(a.baselineState === "new");
  const icon = s.mandatory > 0 ? "❌" : s.advisory > 0 ? "⚠️" : "✅";
  const out: string[] = [
    `### ${icon} Policy results: ${report.project}/${report.stack}`,
    "",
    `| resources | evaluations | passed | mandatory | advisory | suppressed | indeterminate | not applicable |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    `| ${s.resources} | ${s.evaluations} | ${s.passed} | ${s.mandatory} | ${s.advisory} | ${s.suppressed} | ${s.indeterminate} | ${s.notApplicable} |`,
    "",
    `Packs: ${report.packs.map((p) => `\`${p.name}@${p.version}\``).join(", ")} (source: ${report.source}).`,
  ];
  if (report.baseline) {
    const b = report.baseline;
    out.push(
      "",
      `**Against the baseline** (${b.generatedAt}): ${b.new} new (${b.newMandatory} mandatory), ${b.fixed} fixed, ${b.unchanged} unchanged.`,
    );
    if (b.fixedFindings.length > 0) {
      out.push(
        "",
        "Fixed:",
        ...rows(b.fixedFindings, (f) => `- \`${f.policyName}\` on \`${mdCell(f.urn)}\``),
      );
    }
  }
  const failed = report.controls.filter((c) => c.status === "failed");
  const notAssessed = report.controls.filter((c) => c.status === "not-assessed");
  out.push(
    "",
    `**Controls:** ${failed.length} failed${failed.length ? ` (${failed.map((c) => c.label).join(", ")})` : ""}, ` +
      `${report.controls.filter((c) => c.status === "passed").length} passed, ` +
      `${report.controls.filter((c) => c.status === "suppressed").length} passed with suppressions, ` +
      `${notAssessed.length} not assessed${notAssessed.length ? ` (${notAssessed.map((c) => c.label).join(", ")})` : ""}.`,
  );
  if (mandatory.length > 0) {
    out.push(
      "",
      `#### Mandatory violations (${mandatory.length})`,
      "",
      ...findingTable([...mandatory].sort(order), withBaseline),
    );
  }
  if (advisory.length > 0) {
    out.push(
      "",
      `<details><summary>Advisory violations (${advisory.length})</summary>`,
      "",
      ...findingTable([...advisory].sort(order), withBaseline),
      "",
      "</details>",
    );
  }
  if (report.suppressed.length > 0) {
    out.push(
      "",
      `#### Suppressed (${report.suppressed.length})`,
      "",
      "| policy | resource | reason | owner | expires |",
      "| --- | --- | --- | --- | --- |",
      ...rows(
        report.suppressed,
        (v) =>
          `| \`${v.policyName}\` | ${mdCell(`${v.resourceType} ${v.resourceName}`)} | ${mdCell(v.suppression?.reason ?? "")} | ` +
          `${mdCell(v.suppression?.owner ?? "")} | ${v.suppression?.until ?? ""} |`,
      ),
    );
  }
  if (report.indeterminate.length > 0) {
    out.push(
      "",
      `<details><summary>Indeterminate (${report.indeterminate.length}): checks that could not decide</summary>`,
      "",
      ...rows(
        report.indeterminate,
        (d) => `- \`${d.policyName}\` on \`${mdCell(d.urn)}\`: ${mdCell(d.message)}`,
      ),
      "",
      "</details>",
    );
  }
  if (report.unexpandedComponents.length > 0) {
    out.push(
      "",
      `Components built by a provider plugin, whose children the offline plan neither planned nor checked (\`pulumi preview --policy-pack\` does): ${report.unexpandedComponents.map((u) => `\`${u}\``).join(", ")}.`,
    );
  }
  if (report.configPlaceholders.length > 0) {
    out.push(
      "",
      `Encrypted config ran with placeholder values: ${report.configPlaceholders.map((k) => `\`${k}\``).join(", ")}.`,
    );
  }
  return `${out.join("\n")}\n`;
}
