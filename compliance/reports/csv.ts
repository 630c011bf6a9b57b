/**
 * CSV (RFC 4180, CRLF line ends) of every assessed result for spreadsheets: one row per policy x resource that was
 * assessed (pass, fail, suppressed, indeterminate); not-applicable pairs are counted in report.json, not listed.
 * Cells a spreadsheet would run as a formula (leading =, +, -, @, tab or carriage return) get a leading apostrophe.
 */
import { fingerprintOf, Report, ReportViolation } from "../report";

export const csvColumns = [
  "stack",
  "project",
  "policy_pack",
  "policy",
  "status",
  "enforcement_level",
  "severity",
  "controls",
  "cloud",
  "resource_type",
  "resource_name",
  "urn",
  "file",
  "line",
  "fingerprint",
  "baseline",
  "message",
  "suppression_reason",
  "suppression_owner",
  "suppression_expires",
] as const;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(report: Report): string {
  const resourceByUrn = new Map(report.resources.map((r) => [r.urn, r]));
  const policyByKey = new Map(report.policies.map((p) => [`${p.policyPack}\n${p.name}`, p]));
  const findings = new Map<string, ReportViolation[]>();
  for (const v of [...report.violations, ...report.suppressed]) {
    const key = `${v.policyName}\n${v.urn}`;
    findings.set(key, [...(findings.get(key) ?? []), v]);
  }
  const indeterminate = new Map(report.indeterminate.map((d) => [`${d.policyName}\n${d.urn}`, d]));
  const rows = [csvColumns.join(",")];
  for (const r of report.results) {
    const res = resourceByUrn.get(r.urn);
    const p = policyByKey.get(`${r.policyPack}\n${r.policyName}`);
    const mine = findings.get(`${r.policyName}\n${r.urn}`) ?? [];
    const relevant =
      r.status === "suppressed"
        ? mine.filter((v) => v.suppression)
        : mine.filter((v) => !v.suppression);
    const first = relevant[0];
    const message =
      r.status === "indeterminate"
        ? (indeterminate.get(`${r.policyName}\n${r.urn}`)?.message ?? r.reason ?? "")
        : relevant.map((v) => v.message).join(" | ");
    const s = first?.suppression;
    const cells: (string | number)[] = [
      report.stack,
      report.project,
      r.policyPack,
      r.policyName,
      r.status,
      first?.enforcementLevel ?? p?.enforcementLevel ?? "",
      first?.severity || p?.severity || "",
      (p?.frameworks ?? []).join(" "),
      first?.cloud ?? res?.cloud ?? "",
      res?.type ?? first?.resourceType ?? "",
      res?.name ?? first?.resourceName ?? "",
      r.urn,
      res?.location?.file ?? "",
      res?.location?.line ?? "",
      fingerprintOf(r.policyName, r.urn),
      first?.baselineState ?? "",
      message,
      s?.reason ?? "",
      s?.owner ?? "",
      s?.until ?? "",
    ];
    rows.push(cells.map(csvCell).join(","));
  }
  return `${rows.join("\r\n")}\r\n`;
}
