/**
 * The stack's policy report: report.json (schema below, documented in docs/report-schema.md) and the text a person
 * reads in the terminal, a preview-like resource tree and a policy summary.
 */
import type { WorkerResult } from "./worker";
import type { PolicyInfo } from "./analyzer";

export const reportSchemaVersion = "1.0.0";

export interface ReportViolation {
  readonly policyName: string;
  readonly policyPack: string;
  readonly policyPackVersion: string;
  readonly urn: string;
  readonly resourceType: string;
  readonly resourceName: string;
  readonly enforcementLevel: string;
  readonly severity: string;
  readonly message: string;
  readonly frameworks: string[];
  readonly remediationSteps: string;
  readonly url: string;
}

export interface Report {
  readonly schemaVersion: string;
  readonly stack: string;
  readonly project: string;
  readonly generatedAt: string;
  readonly packs: { name: string; version: string }[];
  readonly summary: {
    resources: number;
    policies: number;
    evaluations: number;
    passed: number;
    failed: number;
    mandatory: number;
    advisory: number;
    suppressed: number;
    notApplicable: number;
    indeterminate: number;
  };
  readonly resources: {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    provider: string | null;
  }[];
  readonly violations: ReportViolation[];
  /** Findings covered by a valid suppression (advisory for the engine), with the suppression in the message. */
  readonly suppressed: ReportViolation[];
  readonly results: { policyName: string; urn: string; status: string; reason?: string }[];
  readonly indeterminate: { policyName: string; urn: string; message: string }[];
  readonly policies: {
    name: string;
    kind: string;
    enforcementLevel: string;
    severity: string;
    frameworks: string[];
    description: string;
  }[];
  /** Encrypted stack config keys that ran with placeholder values. */
  readonly configPlaceholders: string[];
}

type Ok = Extract<WorkerResult, { ok: true }>;

export function frameworksOf(p: PolicyInfo | undefined): string[] {
  if (!p) {
    return [];
  }
  const refs = p.tags.filter((t) => t.includes(":"));
  if (refs.length === 0 && p.framework) {
    refs.push(`${p.framework.name} ${p.framework.specification}`.trim());
  }
  return [...new Set(refs)];
}

export function buildReport(run: Ok, generatedAt: Date): Report {
  const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
  const policyByName = new Map(run.pack.policies.map((p) => [p.name, p]));
  const ev = run.evaluation;
  const count = (s: string) => ev.results.filter((r) => r.status === s).length;
  const toViolation = (v: (typeof ev.violations)[number]): ReportViolation => {
    const r = byUrn.get(v.urn);
    const p = policyByName.get(v.policyName);
    return {
      policyName: v.policyName,
      policyPack: v.policyPackName,
      policyPackVersion: v.policyPackVersion,
      urn: v.urn,
      resourceType: r?.type ?? "pulumi:pulumi:Stack",
      resourceName: r?.name ?? run.stack,
      enforcementLevel: v.enforcementLevel,
      severity: v.severity || p?.severity || "",
      message: v.detail,
      frameworks: frameworksOf(p),
      remediationSteps: p?.remediationSteps ?? "",
      url: p?.url ?? "",
    };
  };
  const violations = ev.violations.map(toViolation);
  return {
    schemaVersion: reportSchemaVersion,
    stack: run.stack,
    project: run.project,
    generatedAt: generatedAt.toISOString(),
    packs: [{ name: run.pack.name, version: run.pack.version }],
    summary: {
      resources: run.resources.length,
      policies: run.pack.policies.length,
      evaluations: ev.evaluations,
      passed: count("pass"),
      failed: count("fail"),
      mandatory: violations.filter((v) => v.enforcementLevel === "mandatory").length,
      advisory: violations.filter((v) => v.enforcementLevel === "advisory").length,
      suppressed: ev.suppressed.length,
      notApplicable: ev.notApplicable.reduce((n, c) => n + c.count, 0),
      indeterminate: count("indeterminate"),
    },
    resources: run.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parent: r.parent ?? null,
      provider: r.provider ?? null,
    })),
    violations,
    suppressed: ev.suppressed.map(toViolation),
    results: ev.results.map((r) => ({ ...r })),
    indeterminate: ev.indeterminate.map((d) => ({
      policyName: d.policyName,
      urn: d.urn,
      message: d.detail,
    })),
    policies: run.pack.policies.map((p) => ({
      name: p.name,
      kind: p.kind,
      enforcementLevel: run.enforcement[p.name] ?? p.enforcementLevel,
      severity: p.severity,
      frameworks: frameworksOf(p),
      description: p.description,
    })),
    configPlaceholders: [...run.placeholders],
  };
}

/** A preview-like tree: each resource under its parent, violations marked beside it. */
export function renderTree(run: Ok, report: Report): string {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const r of run.resources) {
    if (r.parent && run.resources.some((p) => p.urn === r.parent)) {
      children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
    } else {
      roots.push(r.urn);
    }
  }
  const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
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
  const w0 = Math.max(4, ...rows.map((r) => r[0].length));
  const w1 = Math.max(4, ...rows.map((r) => r[1].length));
  const lines = [`     ${"Type".padEnd(w0)}  ${"Name".padEnd(w1)}  Policy`];
  for (const [t, n, m] of rows) {
    lines.push(` +   ${t.padEnd(w0)}  ${n.padEnd(w1)}  ${m}`.trimEnd());
  }
  return lines.join("\n");
}

export function renderPolicies(report: Report): string {
  const lines: string[] = [];
  const pack = report.packs[0];
  const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
  const advisory = report.violations.filter((v) => v.enforcementLevel !== "mandatory");
  lines.push(`Policies:`);
  lines.push(`    ${mandatory.length > 0 ? "x" : "ok"} ${pack.name}@v${pack.version}`);
  for (const v of [...mandatory, ...advisory]) {
    lines.push(
      `        - [${v.enforcementLevel}] [severity: ${v.severity}] ${v.policyName}  (${v.resourceType}: ${v.resourceName})`,
    );
    for (const l of v.message.split("\n")) {
      lines.push(`          ${l}`);
    }
  }
  for (const v of report.suppressed) {
    lines.push(`        - [suppressed] ${v.policyName}  (${v.resourceType}: ${v.resourceName})`);
    lines.push(`          ${v.message.split("\n")[0]}`);
  }
  for (const d of report.indeterminate) {
    lines.push(`        - [indeterminate] ${d.policyName}  (${d.urn})`);
    lines.push(`          ${d.message}`);
  }
  const s = report.summary;
  lines.push("");
  lines.push(
    `Policy summary for ${report.project}/${report.stack}: ${s.resources} resources, ${s.evaluations} evaluations: ` +
      `${s.passed} passed, ${s.mandatory} mandatory violations, ${s.advisory} advisory violations, ${s.suppressed} suppressed, ` +
      `${s.notApplicable} not applicable, ${s.indeterminate} indeterminate`,
  );
  if (report.configPlaceholders.length > 0) {
    lines.push(
      `Note: encrypted config ran with placeholder values: ${report.configPlaceholders.join(", ")} (they cannot be decrypted offline).`,
    );
  }
  return lines.join("\n");
}
