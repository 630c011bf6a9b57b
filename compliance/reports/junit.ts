/**
 * JUnit XML for CI test reporters: one test suite per policy that assessed something, one test case per
 * policy x resource it assessed (not-applicable pairs are not test cases; they are counted in the suite's
 * properties). A failure carries the message, the controls and the declaration site (`file`/`line` attributes,
 * read by GitLab, dorny/test-reporter and mikepenz/action-junit-report, and repeated in the failure text);
 * suppressed and indeterminate results are `skipped` with their reason, never passes.
 */
import type { Report, ReportViolation } from "../report";

export function xmlEscape(text: string): string {
  return (
    text
      // Characters XML 1.0 does not allow at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

const attr = (name: string, value: string | number) => ` ${name}="${xmlEscape(String(value))}"`;

export function renderJunit(report: Report): string {
  const resourceByUrn = new Map(report.resources.map((r) => [r.urn, r]));
  const findings = new Map<string, ReportViolation[]>();
  for (const v of [...report.violations, ...report.suppressed]) {
    const key = `${v.policyName}\n${v.urn}`;
    findings.set(key, [...(findings.get(key) ?? []), v]);
  }
  const indeterminate = new Map(report.indeterminate.map((d) => [`${d.policyName}\n${d.urn}`, d]));
  const naCount = new Map(
    report.notApplicable.map((n) => [`${n.policyPack}\n${n.policyName}`, n.count]),
  );
  const byPolicy = new Map<string, Report["results"]>();
  for (const r of report.results) {
    const key = `${r.policyPack}\n${r.policyName}`;
    byPolicy.set(key, [...(byPolicy.get(key) ?? []), r]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const p of report.policies) {
    const key = `${p.policyPack}\n${p.name}`;
    const results = byPolicy.get(key) ?? [];
    if (results.length === 0) {
      continue;
    }
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const r of results) {
      const res = resourceByUrn.get(r.urn);
      const name = res ? `${res.type} ${res.name}` : r.urn;
      const loc = res?.location;
      const where = loc ? `${loc.file}:${loc.line}:${loc.column}` : "";
      const head =
        `    <testcase${attr("name", name)}${attr("classname", `${report.stack}.${p.name}`)}` +
        (loc ? `${attr("file", loc.file)}${attr("line", loc.line)}` : "");
      const mine = findings.get(`${p.name}\n${r.urn}`) ?? [];
      if (r.status === "fail") {
        suiteFailures++;
        const body = mine
          .filter((v) => !v.suppression)
          .map(
            (v) =>
              `[${v.enforcementLevel}] [severity: ${v.severity || "none"}] ${v.message}\n` +
              `resource: ${v.urn}\n${where ? `declared at: ${where}\n` : ""}` +
              `controls: ${v.frameworks.join(", ") || "none"}\nfingerprint: ${v.fingerprint}` +
              (v.baselineState ? `\nbaseline: ${v.baselineState}` : ""),
          )
          .join("\n\n");
        const first = mine.find((v) => !v.suppression);
        cases.push(
          `${head}>\n      <failure${attr("message", first?.message ?? r.reason ?? "policy failed")}${attr(
            "type",
            first?.enforcementLevel ?? "mandatory",
          )}>${xmlEscape(body)}</failure>\n    </testcase>`,
        );
      } else if (r.status === "suppressed") {
        suiteSkipped++;
        const s = mine.find((v) => v.suppression)?.suppression;
        const text = s ? `suppressed until ${s.until} by ${s.owner}: ${s.reason}` : "suppressed";
        cases.push(`${head}>\n      <skipped${attr("message", text)}/>\n    </testcase>`);
      } else if (r.status === "indeterminate") {
        suiteSkipped++;
        const d = indeterminate.get(`${p.name}\n${r.urn}`);
        cases.push(
          `${head}>\n      <skipped${attr("message", `indeterminate: ${d?.message ?? r.reason ?? "could not decide"}`)}/>\n    </testcase>`,
        );
      } else {
        cases.push(`${head}/>`);
      }
    }
    tests += results.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite${attr("name", `${p.name} (${report.project}/${report.stack})`)}${attr("tests", results.length)}` +
        `${attr("failures", suiteFailures)}${attr("errors", 0)}${attr("skipped", suiteSkipped)}>\n` +
        `    <properties>\n      <property${attr("name", "policyPack")}${attr("value", p.policyPack)}/>\n` +
        `      <property${attr("name", "severity")}${attr("value", p.severity)}/>\n` +
        `      <property${attr("name", "enforcementLevel")}${attr("value", p.enforcementLevel)}/>\n` +
        `      <property${attr("name", "controls")}${attr("value", p.frameworks.join(", "))}/>\n` +
        `      <property${attr("name", "notApplicable")}${attr("value", naCount.get(key) ?? 0)}/>\n` +
        `    </properties>\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites${attr("name", `policy ${report.project}/${report.stack}`)}${attr("tests", tests)}` +
    `${attr("failures", failures)}${attr("errors", 0)}${attr("skipped", skipped)}>\n` +
    `${suites.join("\n")}${suites.length ? "\n" : ""}</testsuites>\n`
  );
}
