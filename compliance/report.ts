/**
 * The stack's policy report: one data model (documented field by field in docs/report-schema.md) built from one
 * evaluation, whichever produced it (the offline plan, or `pulumi preview --event-log` read by
 * compliance/event-log.ts). report.json is this model as JSON; the other formats (compliance/reports/) are views
 * of it and add nothing of their own.
 */
import { createHash } from "crypto";
import { controls as catalog, Control, controlLabel } from "../policies/catalog/controls";
import type { WorkerResult } from "./worker";
import type { PolicyInfo } from "./analyzer";

/**
 * 2.0.0: not-applicable pairs became counts per policy; controls, fingerprints, locations and evidence added.
 * 2.1.0: `unexpandedComponents` added.
 */
export const reportSchemaVersion = "2.1.0";

export type Cloud = "aws" | "gcp" | "azure" | "kubernetes" | "stack" | "other";
export const clouds: readonly Cloud[] = ["aws", "gcp", "azure", "kubernetes", "stack", "other"];

/** Where the program declares a resource (see compliance/source-location.ts for the rule). */
export interface SourceLocation {
  /** Relative to the program directory, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Suppression {
  readonly until: string;
  readonly owner: string;
  readonly reason: string;
}

export type BaselineState = "new" | "unchanged";

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
  /** sha256 of `policyName` + "\n" + `urn`, hex, first 32 characters: the same finding in every run. */
  readonly fingerprint: string;
  readonly cloud: Cloud;
  readonly location: SourceLocation | null;
  /** The resource's input properties the message names: the values the decision rested on. */
  readonly evidence: { property: string; value: string }[];
  /** Only on suppressed findings. */
  readonly suppression?: Suppression;
  /** Only when the run was compared with a baseline. */
  baselineState?: BaselineState;
}

export type AssessedStatus = "pass" | "fail" | "suppressed" | "indeterminate";

export interface ControlCounts {
  passed: number;
  failed: number;
  suppressed: number;
  indeterminate: number;
}

export type ControlStatus = "failed" | "suppressed" | "passed" | "not-assessed";

export interface ControlCell extends ControlCounts {
  readonly status: ControlStatus;
  /** Only for not-assessed: "no policy applies" or "only indeterminate results". */
  readonly reason?: string;
}

export interface ControlRollup extends ControlCell {
  readonly id: string;
  readonly framework: "hipaa" | "gdpr";
  readonly citation: string;
  readonly label: string;
  readonly title: string;
  /** Policies of the evaluated packs mapped to this control. */
  readonly policies: string[];
  /** The same counts per cloud: each cloud the stack has resources in; `stack` and `other` only with results. */
  readonly byCloud: Partial<Record<Cloud, ControlCell>>;
}

export interface FixedFinding {
  readonly fingerprint: string;
  readonly policyName: string;
  readonly urn: string;
  readonly enforcementLevel: string;
}

export interface BaselineComparison {
  readonly file: string;
  readonly generatedAt: string;
  readonly new: number;
  readonly newMandatory: number;
  readonly unchanged: number;
  readonly fixed: number;
  readonly fixedFindings: FixedFinding[];
}

export interface Report {
  readonly schemaVersion: string;
  readonly stack: string;
  readonly project: string;
  readonly generatedAt: string;
  /** "offline-plan" (npm run plan) or "event-log" (npm run report -- --event-log). */
  readonly source: "offline-plan" | "event-log";
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
    cloud: Cloud;
    location: SourceLocation | null;
  }[];
  readonly violations: ReportViolation[];
  /** Findings covered by a valid suppression (advisory for the engine), with the suppression itself. */
  readonly suppressed: ReportViolation[];
  /** Every assessed resource x policy outcome; not-applicable pairs are only counted, in `notApplicable`. */
  readonly results: {
    policyName: string;
    policyPack: string;
    urn: string;
    status: AssessedStatus;
    reason?: string;
  }[];
  /** Per policy, how many resources it did not apply to (and one reason the pack gave). */
  readonly notApplicable: {
    policyName: string;
    policyPack: string;
    count: number;
    reason: string;
  }[];
  readonly indeterminate: { policyName: string; urn: string; message: string }[];
  readonly policies: {
    name: string;
    policyPack: string;
    kind: string;
    enforcementLevel: string;
    severity: string;
    frameworks: string[];
    description: string;
    remediationSteps: string;
    url: string;
  }[];
  /** Every HIPAA section and GDPR article of the catalog, assessed or not. */
  readonly controls: ControlRollup[];
  readonly baseline: BaselineComparison | null;
  /** Encrypted stack config keys that ran with placeholder values. */
  readonly configPlaceholders: string[];
  /** URNs of components a provider plugin builds, whose children the offline plan could not plan or check. */
  readonly unexpandedComponents: string[];
}

/** One policy as the report needs it, whatever produced the evaluation. */
export interface PolicyMeta {
  readonly name: string;
  readonly policyPack: string;
  readonly kind: "resource" | "stack";
  readonly enforcementLevel: string;
  readonly severity: string;
  readonly frameworks: string[];
  readonly description: string;
  readonly remediationSteps: string;
  readonly url: string;
}

export interface InputFinding {
  readonly policyName: string;
  readonly policyPack: string;
  readonly policyPackVersion: string;
  readonly urn: string;
  readonly enforcementLevel: string;
  readonly severity: string;
  /** The message without the policy description the SDK puts first. */
  readonly message: string;
}

export interface InputResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly parent?: string;
  readonly provider?: string;
  readonly inputs?: Record<string, unknown>;
  readonly location?: SourceLocation;
}

/** What any evaluation provides; buildReport derives everything else. */
export interface ReportInput {
  readonly source: Report["source"];
  readonly stack: string;
  readonly project: string;
  readonly packs: { name: string; version: string }[];
  readonly policies: readonly PolicyMeta[];
  readonly resources: readonly InputResource[];
  /**
   * Every assessed outcome; not-applicable ones either listed here one by one (the event log) or already counted in
   * `notApplicableCounts` (the offline plan's evaluation counts them per policy).
   */
  readonly notApplicableCounts?: readonly {
    policyName: string;
    policyPack: string;
    count: number;
    reason: string;
  }[];
  readonly results: readonly {
    policyName: string;
    policyPack: string;
    urn: string;
    status: AssessedStatus | "not-applicable";
    reason?: string;
  }[];
  readonly violations: readonly InputFinding[];
  readonly suppressed: readonly InputFinding[];
  readonly indeterminate: readonly { policyName: string; urn: string; message: string }[];
  readonly evaluations: number;
  readonly configPlaceholders: readonly string[];
  readonly unexpandedComponents: readonly string[];
}

type Ok = Extract<WorkerResult, { ok: true }>;

export function frameworksOf(p: Pick<PolicyInfo, "tags" | "framework"> | undefined): string[] {
  if (!p) {
    return [];
  }
  const refs = p.tags.filter((t) => t.includes(":"));
  if (refs.length === 0 && p.framework) {
    refs.push(`${p.framework.name} ${p.framework.specification}`.trim());
  }
  return [...new Set(refs)];
}

export function fingerprintOf(policyName: string, urn: string): string {
  return createHash("sha256").update(`${policyName}\n${urn}`).digest("hex").slice(0, 32);
}

/** The cloud a resource type belongs to; `stack` for the stack itself (where passing stack policies land). */
export function cloudOfType(type: string): Cloud {
  const pkg = type.startsWith("pulumi:providers:") ? type.split(":")[2] : type.split(":")[0];
  if (type === "pulumi:pulumi:Stack") {
    return "stack";
  }
  if (pkg === "aws" || pkg === "aws-native" || pkg === "awsx") {
    return "aws";
  }
  if (pkg === "gcp" || pkg === "google-native") {
    return "gcp";
  }
  if (pkg === "azure-native" || pkg === "azure" || pkg === "azuread") {
    return "azure";
  }
  if (pkg === "kubernetes") {
    return "kubernetes";
  }
  return "other";
}

/** The type a URN names (its last qualified type segment). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}

export function nameOfUrn(urn: string): string {
  const cut = urn.lastIndexOf("::");
  return cut >= 0 ? urn.slice(cut + 2) : urn;
}

const suppressedPattern = /^\[suppressed until (\S+) by (.*?): (.*?)\] /s;

/** Reads the suppression the pack writes into a suppressed finding's message (policies/lib/suppressions.ts). */
export function parseSuppression(
  message: string,
): { suppression: Suppression; message: string } | undefined {
  const m = suppressedPattern.exec(message);
  if (!m) {
    return undefined;
  }
  return {
    suppression: { until: m[1], owner: m[2], reason: m[3] },
    message: message.slice(m[0].length),
  };
}

const secretSig = "1b47061264138c4ac30d75fd1eb44270";
const maxEvidenceValue = 200;

function evidenceValue(v: unknown): string {
  if (
    v &&
    typeof v === "object" &&
    (v as Record<string, unknown>)["4dabf18193072939515e22adb298388d"] === secretSig
  ) {
    return "[secret]";
  }
  if (typeof v === "string" && v === "[secret]") {
    return v;
  }
  const text = JSON.stringify(v) ?? "undefined";
  return text.length > maxEvidenceValue ? `${text.slice(0, maxEvidenceValue - 3)}...` : text;
}

/**
 * The input properties a finding's message names (as a whole word), with their values; a property the message
 * names that the resource does not set is listed as `(not set)`. Only top-level input names are matched.
 */
export function evidenceOf(
  message: string,
  inputs: Record<string, unknown> | undefined,
): { property: string; value: string }[] {
  if (!inputs) {
    return [];
  }
  const out: { property: string; value: string }[] = [];
  for (const key of Object.keys(inputs).sort()) {
    if (key.startsWith("__") || key.length < 3) {
      continue;
    }
    if (new RegExp(`\\b${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(message)) {
      out.push({ property: key, value: evidenceValue(inputs[key]) });
    }
  }
  return out;
}

function cellOf(counts: ControlCounts): ControlCell {
  const status: ControlStatus =
    counts.failed > 0
      ? "failed"
      : counts.suppressed > 0
        ? "suppressed"
        : counts.passed > 0
          ? "passed"
          : "not-assessed";
  return {
    ...counts,
    status,
    ...(status === "not-assessed"
      ? {
          reason: counts.indeterminate > 0 ? "only indeterminate results" : "no policy applies",
        }
      : {}),
  };
}

function rollup(
  control: Control,
  policies: readonly PolicyMeta[],
  results: Report["results"],
  cloudOfUrn: (urn: string) => Cloud,
  presentClouds: readonly Cloud[],
): ControlRollup {
  const mapped = policies.filter((p) => p.frameworks.includes(control.id));
  const mappedKeys = new Set(mapped.map((p) => `${p.policyPack}\n${p.name}`));
  const mine = results.filter((r) => mappedKeys.has(`${r.policyPack}\n${r.policyName}`));
  const count = (rs: typeof mine): ControlCounts => ({
    passed: rs.filter((r) => r.status === "pass").length,
    failed: rs.filter((r) => r.status === "fail").length,
    suppressed: rs.filter((r) => r.status === "suppressed").length,
    indeterminate: rs.filter((r) => r.status === "indeterminate").length,
  });
  const byCloud: Partial<Record<Cloud, ControlCell>> = {};
  for (const c of presentClouds) {
    byCloud[c] = cellOf(count(mine.filter((r) => cloudOfUrn(r.urn) === c)));
  }
  return {
    id: control.id,
    framework: control.framework,
    citation: control.citation,
    label: controlLabel(control),
    title: control.title,
    policies: [...new Set(mapped.map((p) => p.name))].sort(),
    ...cellOf(count(mine)),
    byCloud,
  };
}

export function buildReport(input: ReportInput, generatedAt: Date): Report {
  const byUrn = new Map(input.resources.map((r) => [r.urn, r]));
  const policyByKey = new Map(input.policies.map((p) => [`${p.policyPack}\n${p.name}`, p]));
  const policyOf = (pack: string, name: string) =>
    policyByKey.get(`${pack}\n${name}`) ?? input.policies.find((p) => p.name === name);
  const typeOf = (urn: string) => byUrn.get(urn)?.type ?? typeOfUrn(urn);
  const cloudOfUrn = (urn: string) => cloudOfType(typeOf(urn));
  const toViolation = (v: InputFinding): ReportViolation => {
    const r = byUrn.get(v.urn);
    const p = policyOf(v.policyPack, v.policyName);
    const parsed = parseSuppression(v.message);
    return {
      policyName: v.policyName,
      policyPack: v.policyPack,
      policyPackVersion: v.policyPackVersion,
      urn: v.urn,
      resourceType: typeOf(v.urn),
      resourceName: r?.name ?? nameOfUrn(v.urn),
      enforcementLevel: v.enforcementLevel,
      severity: v.severity || p?.severity || "",
      message: v.message,
      frameworks: p?.frameworks ?? [],
      remediationSteps: p?.remediationSteps ?? "",
      url: p?.url ?? "",
      fingerprint: fingerprintOf(v.policyName, v.urn),
      cloud: cloudOfUrn(v.urn),
      location: r?.location ?? null,
      evidence: evidenceOf(parsed?.message ?? v.message, r?.inputs),
      ...(parsed ? { suppression: parsed.suppression } : {}),
    };
  };
  const violations = input.violations.map(toViolation);
  const assessed = input.results
    .filter((r) => r.status !== "not-applicable")
    .map((r) => ({
      policyName: r.policyName,
      policyPack: r.policyPack,
      urn: r.urn,
      status: r.status as AssessedStatus,
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
    }));
  const na = new Map<string, Report["notApplicable"][number]>(
    (input.notApplicableCounts ?? []).map((c) => [`${c.policyPack}\n${c.policyName}`, { ...c }]),
  );
  for (const r of input.results.filter((x) => x.status === "not-applicable")) {
    const key = `${r.policyPack}\n${r.policyName}`;
    const entry = na.get(key);
    if (entry) {
      entry.count++;
    } else {
      na.set(key, {
        policyName: r.policyName,
        policyPack: r.policyPack,
        count: 1,
        reason: r.reason ?? "",
      });
    }
  }
  const count = (s: string) => input.results.filter((r) => r.status === s).length;
  // A cloud column for every cloud the stack has resources in; "stack" and "other" (components, other packages)
  // only when a policy assessed something there.
  const presentClouds = clouds.filter(
    (c) =>
      (c !== "stack" && c !== "other" && input.resources.some((r) => cloudOfType(r.type) === c)) ||
      assessed.some((r) => cloudOfUrn(r.urn) === c),
  );
  return {
    schemaVersion: reportSchemaVersion,
    stack: input.stack,
    project: input.project,
    generatedAt: generatedAt.toISOString(),
    source: input.source,
    packs: input.packs.map((p) => ({ ...p })),
    summary: {
      resources: input.resources.length,
      policies: input.policies.length,
      evaluations: input.evaluations,
      passed: count("pass"),
      failed: count("fail"),
      mandatory: violations.filter((v) => v.enforcementLevel === "mandatory").length,
      advisory: violations.filter((v) => v.enforcementLevel !== "mandatory").length,
      suppressed: input.suppressed.length,
      notApplicable: [...na.values()].reduce((n, c) => n + c.count, 0),
      indeterminate: count("indeterminate"),
    },
    resources: input.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parent: r.parent ?? null,
      provider: r.provider ?? null,
      cloud: cloudOfType(r.type),
      location: r.location ?? null,
    })),
    violations,
    suppressed: input.suppressed.map(toViolation),
    results: assessed,
    notApplicable: [...na.values()],
    indeterminate: input.indeterminate.map((d) => ({ ...d })),
    policies: input.policies.map((p) => ({
      name: p.name,
      policyPack: p.policyPack,
      kind: p.kind,
      enforcementLevel: p.enforcementLevel,
      severity: p.severity,
      frameworks: [...p.frameworks],
      description: p.description,
      remediationSteps: p.remediationSteps,
      url: p.url,
    })),
    controls: catalog.map((c) => rollup(c, input.policies, assessed, cloudOfUrn, presentClouds)),
    baseline: null,
    configPlaceholders: [...input.configPlaceholders],
    unexpandedComponents: [...input.unexpandedComponents],
  };
}

/** The offline plan's worker result as report input. */
export function inputFromWorker(run: Ok): ReportInput {
  const pack = run.pack;
  const ev = run.evaluation;
  const finding = (v: (typeof ev.violations)[number]): InputFinding => ({
    policyName: v.policyName,
    policyPack: v.policyPackName,
    policyPackVersion: v.policyPackVersion,
    urn: v.urn,
    // The engine reports remediate as mandatory during preview.
    enforcementLevel: v.enforcementLevel === "remediate" ? "mandatory" : v.enforcementLevel,
    severity: v.severity,
    message: v.detail,
  });
  return {
    source: "offline-plan",
    stack: run.stack,
    project: run.project,
    packs: [{ name: pack.name, version: pack.version }],
    policies: pack.policies.map((p) => ({
      name: p.name,
      policyPack: pack.name,
      kind: p.kind,
      enforcementLevel: run.enforcement[p.name] ?? p.enforcementLevel,
      severity: p.severity,
      frameworks: frameworksOf(p),
      description: p.description,
      remediationSteps: p.remediationSteps,
      url: p.url,
    })),
    resources: run.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parent: r.parent,
      provider: r.provider,
      inputs: r.inputs,
      location: r.location,
    })),
    results: ev.results.map((r) => ({ ...r, policyPack: pack.name })),
    notApplicableCounts: ev.notApplicable.map((c) => ({ ...c, policyPack: pack.name })),
    violations: ev.violations.map(finding),
    suppressed: ev.suppressed.map(finding),
    indeterminate: ev.indeterminate.map((d) => ({
      policyName: d.policyName,
      urn: d.urn,
      message: d.detail,
    })),
    evaluations: ev.evaluations,
    configPlaceholders: run.placeholders,
    unexpandedComponents: run.resources.filter((r) => r.remote).map((r) => r.urn),
  };
}

/** Controls that failed, as people cite them ("HIPAA 164.312(b)", "GDPR Art. 32"). */
export function failedControls(report: Report): string[] {
  return report.controls.filter((c) => c.status === "failed").map((c) => c.label);
}
