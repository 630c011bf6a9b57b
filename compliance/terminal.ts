/**
 * What a person reads in the terminal: progress phase by phase per stack, a preview-like resource tree, the policy
 * lines, and a closing summary naming the failed HIPAA sections and GDPR articles. Every line fits `width` (120)
 * columns: long types are shortened in the middle, messages are wrapped.
 */
import type { Report } from "./report";

export const width = 120;

/** Wraps text to `width` columns, continuation lines indented by `indent` spaces. */
export function wrap(text: string, indent: number, first = ""): string[] {
  const lines: string[] = [];
  let line = first;
  const pad = " ".repeat(indent);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line.trim() === "" ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length <= width || line.trim() === "") {
      line = candidate;
    } else {
      lines.push(line);
      line = `${pad}${word}`;
    }
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = `${pad}${line.slice(width)}`;
    }
  }
  if (line.trim() !== "") {
    lines.push(line);
  }
  return lines;
}

/** Shortens text to `max` columns, keeping its start and end. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}

/** One progress line: `[stack] phase  detail`, the stack padded to `stackWidth` so that columns line up. */
export function progressLine(stack: string, phase: string, detail: string, stackWidth = 0): string {
  return shorten(`${`[${stack}]`.padEnd(stackWidth + 2)} ${phase.padEnd(11)} ${detail}`, width);
}

/** A preview-like tree: each resource under its parent, violations marked beside it. */
export function renderTree(report: Report): string {
  const known = new Set(report.resources.map((r) => r.urn));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const r of report.resources) {
    if (r.parent && known.has(r.parent)) {
      children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
    } else {
      roots.push(r.urn);
    }
  }
  const byUrn = new Map(report.resources.map((r) => [r.urn, r]));
  const marks = new Map<string, string>();
  for (const v of report.violations) {
    const mark = v.enforcementLevel === "mandatory" ? "x mandatory" : "! advisory";
    marks.set(v.urn, marks.get(v.urn)?.startsWith("x") ? marks.get(v.urn)! : mark);
  }
  const rows: [string, string, string][] = [];
  const walk = (urn: string, prefix: string, last: boolean, depth: number) => {
    const r = byUrn.get(urn)!;
    const branch = depth === 0 ? "" : `${prefix}${last ? "└─ " : "├─ "}`;
    rows.push([`${branch}${r.type}`, r.name, marks.get(urn) ?? ""]);
    const kids = children.get(urn) ?? [];
    kids.forEach((k, i) =>
      walk(
        k,
        depth === 0 ? "" : `${prefix}${last ? "   " : "│  "}`,
        i === kids.length - 1,
        depth + 1,
      ),
    );
  };
  roots.forEach((r, i) => walk(r, "", i === roots.length - 1, 0));
  const markW = 11;
  const w1 = Math.min(32, Math.max(4, ...rows.map((r) => r[1].length)));
  const w0 = Math.min(width - 5 - 2 - w1 - 2 - markW, Math.max(4, ...rows.map((r) => r[0].length)));
  const fit = (text: string, w: number) => shorten(text, w).padEnd(w);
  const lines = [`     ${"Type".padEnd(w0)}  ${"Name".padEnd(w1)}  Policy`];
  for (const [t, n, m] of rows) {
    lines.push(` +   ${fit(t, w0)}  ${fit(n, w1)}  ${m}`.trimEnd());
  }
  return lines.join("\n");
}

export function renderPolicies(report: Report): string {
  const lines: string[] = [];
  const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
  const advisory = report.violations.filter((v) => v.enforcementLevel !== "mandatory");
  lines.push(`Policies:`);
  for (const pack of report.packs) {
    const failed = mandatory.some((v) => v.policyPack === pack.name);
    lines.push(`    ${failed ? "x" : "ok"} ${pack.name}@v${pack.version}`);
  }
  for (const v of [...mandatory, ...advisory]) {
    const where = v.location ? ` at ${v.location.file}:${v.location.line}` : "";
    const fresh = v.baselineState === "new" ? "[new] " : "";
    lines.push(
      ...wrap(
        `${fresh}[${v.enforcementLevel}] [severity: ${v.severity || "none"}] ${v.policyName} (${v.resourceType}: ${v.resourceName})${where}`,
        10,
        "        -",
      ),
    );
    for (const l of v.message.split("\n")) {
      lines.push(...wrap(l, 10, " ".repeat(10)));
    }
  }
  for (const v of report.suppressed) {
    lines.push(
      ...wrap(
        `[suppressed] ${v.policyName} (${v.resourceType}: ${v.resourceName})`,
        10,
        "        -",
      ),
    );
    const s = v.suppression;
    lines.push(
      ...wrap(
        s ? `until ${s.until}, owner ${s.owner}: ${s.reason}` : v.message,
        10,
        " ".repeat(10),
      ),
    );
  }
  for (const d of report.indeterminate) {
    lines.push(...wrap(`[indeterminate] ${d.policyName} (${d.urn})`, 10, "        -"));
    lines.push(...wrap(d.message, 10, " ".repeat(10)));
  }
  const s = report.summary;
  lines.push("");
  lines.push(
    ...wrap(
      `Policy summary for ${report.project}/${report.stack}: ${s.resources} resources, ${s.evaluations} evaluations: ` +
        `${s.passed} passed, ${s.mandatory} mandatory violations, ${s.advisory} advisory violations, ${s.suppressed} suppressed, ` +
        `${s.notApplicable} not applicable, ${s.indeterminate} indeterminate`,
      4,
    ),
  );
  if (report.baseline) {
    const b = report.baseline;
    lines.push(
      ...wrap(
        `Against the baseline ${b.generatedAt ? `of ${b.generatedAt}` : "(none for this stack)"}: ${b.new} new ` +
          `(${b.newMandatory} mandatory), ${b.fixed} fixed, ${b.unchanged} unchanged`,
        4,
      ),
    );
  }
  if (report.unexpandedComponents.length > 0) {
    lines.push(
      ...wrap(
        `Note: ${report.unexpandedComponents.length} component(s) are built by a provider plugin, which the offline plan does not run; their children were neither planned nor checked (\`pulumi preview --policy-pack\` runs them): ${report.unexpandedComponents.join(", ")}.`,
        4,
      ),
    );
  }
  if (report.configPlaceholders.length > 0) {
    lines.push(
      ...wrap(
        `Note: encrypted config ran with placeholder values: ${report.configPlaceholders.join(", ")} (they cannot be decrypted offline).`,
        4,
      ),
    );
  }
  return lines.join("\n");
}

/** The closing summary over every stack: counts, and the HIPAA sections and GDPR articles that failed. */
export function renderClosingSummary(
  reports: readonly Report[],
  errors: readonly { stack: string; kind: string }[] = [],
): string {
  const lines = ["Summary:"];
  for (const r of reports) {
    const s = r.summary;
    const failed = r.controls.filter((c) => c.status === "failed");
    const hipaa = failed.filter((c) => c.framework === "hipaa").map((c) => c.citation);
    const gdpr = failed.filter((c) => c.framework === "gdpr").map((c) => c.citation);
    const notAssessed = r.controls.filter((c) => c.status === "not-assessed").length;
    lines.push(
      ...wrap(
        `${r.stack}: ${s.mandatory > 0 ? "FAIL" : "ok"}: ${s.mandatory} mandatory, ${s.advisory} advisory, ` +
          `${s.suppressed} suppressed, ${s.indeterminate} indeterminate; ${r.controls.length - notAssessed} of ` +
          `${r.controls.length} controls assessed`,
        6,
        "  ",
      ),
    );
    lines.push(
      ...wrap(`failed HIPAA sections: ${hipaa.length ? hipaa.join(", ") : "none"}`, 6, "    "),
      ...wrap(`failed GDPR articles: ${gdpr.length ? gdpr.join(", ") : "none"}`, 6, "    "),
    );
  }
  for (const e of errors) {
    lines.push(`  ${e.stack}: not planned (${e.kind} error, see above)`);
  }
  return lines.join("\n");
}
