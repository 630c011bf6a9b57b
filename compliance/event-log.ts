/**
 * `npm run report -- --event-log FILE [--out DIR] [--format LIST] [--policy-pack DIR|none] [--baseline OLD]
 *                    [--fail-on mandatory|new]`
 *
 * The gate with real credentials: reads the event log `pulumi preview --event-log FILE --policy-pack policies`
 * writes (JSON lines of apitype.EngineEvent, pulumi/pulumi sdk/go/common/apitype/events.go) and writes the same
 * report formats as the offline plan into DIR/<stack>/, the stack and project taken from the URNs.
 *
 * What the log holds and how it is read:
 * - resourcePreEvent / resOutputsEvent `metadata` (urn, type, new.parent, new.provider, new.inputs): the resources;
 * - policyAnalyzeSummaryEvent {resourceUrn, policyPackName, passed[], failed[]}: per resource, the resource policies
 *   that passed and failed; policyAnalyzeStackSummaryEvent the same for stack policies (a passing stack policy is
 *   recorded on the stack's URN);
 * - policyEvent {resourceUrn, message, policyName, policyPackName, enforcementLevel}: each finding. A message that
 *   starts "can't run policy" is indeterminate; one marked "[suppressed ...]" is suppressed; the rest are violations.
 *   Enforcement "warning" (older CLIs) and "advisory" are advisory; "remediate" counts as mandatory, as in preview;
 * - summaryEvent.PolicyPacks (PascalCase in the engine's JSON): the packs and versions.
 * The log carries no severity, controls or remediation: they come from the pack's own metadata (GetAnalyzerInfo of
 * `--policy-pack DIR`, default this project's policies/), joined on pack and policy name. Policies of that pack
 * that the engine listed neither passed nor failed for a resource are counted not-applicable (or disabled by
 * configuration: the log does not tell them apart). Packs without metadata (`--policy-pack none`, or another pack
 * in the log) still report every finding and result, without severity and controls.
 */
import * as fs from "fs";
import * as path from "path";
import { PackClient, PackInfo } from "./analyzer";
import { compareWithBaseline, loadBaseline } from "./baseline";
import { exitCodeOf } from "./cli";
import { exitCodes, PlanError, runCommand } from "./errors";
import {
  buildReport,
  frameworksOf,
  InputFinding,
  InputResource,
  PolicyMeta,
  Report,
  ReportInput,
} from "./report";
import { fileNames, Format, formats, parseFormats, writeReports } from "./reports";
import { renderClosingSummary, renderPolicies, wrap } from "./terminal";

export interface EngineEvent {
  readonly sequence: number;
  readonly timestamp: number;
  readonly [kind: string]: unknown;
}

interface StepState {
  type?: string;
  urn?: string;
  parent?: string;
  provider?: string;
  inputs?: Record<string, unknown>;
}

interface StepMetadata {
  op?: string;
  urn?: string;
  type?: string;
  old?: StepState | null;
  new?: StepState | null;
}

interface PolicyEventPayload {
  resourceUrn?: string;
  message?: string;
  policyName?: string;
  policyPackName?: string;
  policyPackVersion?: string;
  enforcementLevel?: string;
}

interface SummaryPayload {
  resourceUrn?: string;
  policyPackName?: string;
  policyPackVersion?: string;
  passed?: string[];
  failed?: string[];
}

export function parseEventLog(text: string, source: string): EngineEvent[] {
  const events: EngineEvent[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") {
      return;
    }
    let e: unknown;
    try {
      e = JSON.parse(line);
    } catch (err) {
      throw new PlanError(
        "usage",
        `--event-log ${source}: line ${i + 1} is not JSON (${(err as Error).message}); expected the JSON lines pulumi preview --event-log writes.`,
      );
    }
    if (typeof e !== "object" || e === null || typeof (e as EngineEvent).sequence !== "number") {
      throw new PlanError(
        "usage",
        `--event-log ${source}: line ${i + 1} is not an engine event (no numeric "sequence").`,
      );
    }
    events.push(e as EngineEvent);
  });
  return events.sort((a, b) => a.sequence - b.sequence);
}

/** `urn:pulumi:<stack>::<project>::...` */
function stackAndProject(urn: string): { stack: string; project: string } | undefined {
  const m = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn);
  return m ? { stack: m[1], project: m[2] } : undefined;
}

const colorDirective = /<\{%[^%]*%\}>/g;
const cantRun = /^can't run policy '.+' from policy pack '.+' during preview: /;

function cleanMessage(message: string, description: string | undefined): string {
  let text = message.replace(colorDirective, "").replace(/\s+$/, "");
  if (description && text.startsWith(`${description}\n`)) {
    text = text.slice(description.length + 1);
  }
  // Without the pack's metadata the description is unknown; a marked message after it still reads as marked.
  for (const marker of ["\n[suppressed ", "\ncan't run policy '"]) {
    const at = text.indexOf(marker);
    if (at >= 0 && !text.slice(0, at).includes("\n")) {
      text = text.slice(at + 1);
    }
  }
  return text;
}

function levelOf(level: string | undefined): string {
  if (level === "mandatory" || level === "remediate") {
    return "mandatory";
  }
  return "advisory";
}

function providerUrn(ref: string | undefined): string | undefined {
  if (!ref) {
    return undefined;
  }
  const cut = ref.lastIndexOf("::");
  return cut > 0 ? ref.slice(0, cut) : ref;
}

/** Builds one report input per stack found in the log's URNs. */
export function inputsFromEventLog(
  events: readonly EngineEvent[],
  packInfo: PackInfo | undefined,
): ReportInput[] {
  const resources = new Map<string, InputResource>();
  const policyEvents: PolicyEventPayload[] = [];
  const summaries: SummaryPayload[] = [];
  const stackSummaries: SummaryPayload[] = [];
  const packs = new Map<string, string>();
  for (const e of events) {
    const step = (e.resourcePreEvent ?? e.resOutputsEvent) as
      { metadata?: StepMetadata } | undefined;
    if (step?.metadata) {
      const m = step.metadata;
      const state = m.new ?? null;
      if (m.urn && state && m.op !== "delete" && m.op !== "discard") {
        resources.set(m.urn, {
          urn: m.urn,
          type: m.type ?? state.type ?? "",
          name: m.urn.slice(m.urn.lastIndexOf("::") + 2),
          parent: state.parent || undefined,
          provider: providerUrn(state.provider),
          inputs: state.inputs ?? resources.get(m.urn)?.inputs,
        });
      }
    }
    if (e.policyEvent) {
      policyEvents.push(e.policyEvent as PolicyEventPayload);
    }
    if (e.policyAnalyzeSummaryEvent) {
      summaries.push(e.policyAnalyzeSummaryEvent as SummaryPayload);
    }
    if (e.policyAnalyzeStackSummaryEvent) {
      stackSummaries.push(e.policyAnalyzeStackSummaryEvent as SummaryPayload);
    }
    const summary = e.summaryEvent as { PolicyPacks?: Record<string, string> } | undefined;
    for (const [name, version] of Object.entries(summary?.PolicyPacks ?? {})) {
      packs.set(name, version.replace(/^v/, ""));
    }
    for (const p of [
      e.policyEvent,
      e.policyAnalyzeSummaryEvent,
      e.policyAnalyzeStackSummaryEvent,
    ] as (SummaryPayload | undefined)[]) {
      if (p?.policyPackName && !packs.has(p.policyPackName)) {
        packs.set(p.policyPackName, p.policyPackVersion ?? "");
      }
    }
  }
  const urns = [
    ...resources.keys(),
    ...policyEvents.map((p) => p.resourceUrn ?? ""),
    ...summaries.map((s) => s.resourceUrn ?? ""),
  ].filter(Boolean);
  const stacks = new Map<string, { stack: string; project: string }>();
  for (const u of urns) {
    const sp = stackAndProject(u);
    if (sp && !stacks.has(`${sp.stack}\n${sp.project}`)) {
      stacks.set(`${sp.stack}\n${sp.project}`, sp);
    }
  }
  if (stacks.size === 0) {
    throw new PlanError(
      "usage",
      "The event log names no resource URN, so its stack is unknown; expected the log of `pulumi preview --event-log FILE --policy-pack DIR`.",
    );
  }
  const known = packInfo
    ? new Map(packInfo.policies.map((p) => [p.name, p]))
    : new Map<string, PackInfo["policies"][number]>();
  const metaFor = (pack: string, name: string) =>
    packInfo && packInfo.name === pack ? known.get(name) : undefined;

  return [...stacks.values()].map(({ stack, project }) => {
    const prefix = `urn:pulumi:${stack}::${project}::`;
    const mine = (urn: string | undefined) => (urn ?? "").startsWith(prefix);
    const stackUrn =
      [...resources.values()].find((r) => mine(r.urn) && r.type === "pulumi:pulumi:Stack")?.urn ??
      `${prefix}pulumi:pulumi:Stack::${project}-${stack}`;
    const myResources = [...resources.values()].filter((r) => mine(r.urn));
    const policies = new Map<string, PolicyMeta>();
    const addPolicy = (pack: string, name: string, kind: "resource" | "stack", level?: string) => {
      const key = `${pack}\n${name}`;
      if (policies.has(key)) {
        return;
      }
      const m = metaFor(pack, name);
      policies.set(key, {
        name,
        policyPack: pack,
        kind: m?.kind ?? kind,
        enforcementLevel: m?.enforcementLevel ?? (level ? levelOf(level) : ""),
        severity: m?.severity ?? "",
        frameworks: frameworksOf(m),
        description: m?.description ?? "",
        remediationSteps: m?.remediationSteps ?? "",
        url: m?.url ?? "",
      });
    };
    if (packInfo && packs.has(packInfo.name)) {
      packInfo.policies.forEach((p) => addPolicy(packInfo.name, p.name, p.kind));
    }
    const results: ReportInput["results"][number][] = [];
    const violations: InputFinding[] = [];
    const suppressed: InputFinding[] = [];
    const indeterminate: ReportInput["indeterminate"][number][] = [];
    const consumed = new Set<PolicyEventPayload>();
    const classify = (pack: string, policy: string, urn: string, events: PolicyEventPayload[]) => {
      let failing = 0;
      let covered = 0;
      let unknown = 0;
      let reason: string | undefined;
      for (const p of events) {
        consumed.add(p);
        const description = metaFor(pack, policy)?.description;
        const message = cleanMessage(p.message ?? "", description);
        addPolicy(pack, policy, "resource", p.enforcementLevel);
        const finding: InputFinding = {
          policyName: policy,
          policyPack: pack,
          policyPackVersion: p.policyPackVersion ?? packs.get(pack) ?? "",
          urn,
          enforcementLevel: levelOf(p.enforcementLevel),
          severity: "",
          message,
        };
        if (cantRun.test(message)) {
          unknown++;
          reason ??= message;
          indeterminate.push({ policyName: policy, urn, message: message.replace(cantRun, "") });
        } else if (message.startsWith("[suppressed")) {
          covered++;
          suppressed.push(finding);
        } else {
          failing++;
          violations.push(finding);
        }
      }
      const status =
        failing > 0 ? "fail" : covered > 0 ? "suppressed" : unknown > 0 ? "indeterminate" : "fail";
      results.push({
        policyName: policy,
        policyPack: pack,
        urn,
        status,
        ...(status === "indeterminate" && reason ? { reason } : {}),
        ...(events.length === 0 ? { reason: "listed as failed without a policy event" } : {}),
      });
    };
    const eventsFor = (pack: string, policy: string, urn: string | undefined) =>
      policyEvents.filter(
        (p) =>
          p.policyPackName === pack &&
          p.policyName === policy &&
          (urn === undefined ? !p.resourceUrn || mine(p.resourceUrn) : p.resourceUrn === urn),
      );
    const assessed = new Set<string>();
    for (const s of summaries.filter((x) => mine(x.resourceUrn))) {
      const pack = s.policyPackName ?? "";
      const urn = s.resourceUrn!;
      for (const name of s.passed ?? []) {
        addPolicy(pack, name, "resource");
        results.push({ policyName: name, policyPack: pack, urn, status: "pass" });
        assessed.add(`${pack}\n${name}\n${urn}`);
      }
      for (const name of s.failed ?? []) {
        classify(pack, name, urn, eventsFor(pack, name, urn));
        assessed.add(`${pack}\n${name}\n${urn}`);
      }
      // Resource policies of a pack with metadata that the engine listed neither way: not applicable.
      if (packInfo && packInfo.name === pack) {
        for (const p of packInfo.policies.filter((x) => x.kind === "resource")) {
          if (!assessed.has(`${pack}\n${p.name}\n${urn}`)) {
            results.push({
              policyName: p.name,
              policyPack: pack,
              urn,
              status: "not-applicable",
              reason:
                "listed neither passed nor failed by the engine (not applicable, or disabled)",
            });
          }
        }
      }
    }
    for (const s of stackSummaries) {
      const pack = s.policyPackName ?? "";
      for (const name of s.passed ?? []) {
        addPolicy(pack, name, "stack");
        results.push({ policyName: name, policyPack: pack, urn: stackUrn, status: "pass" });
      }
      for (const name of s.failed ?? []) {
        addPolicy(pack, name, "stack");
        const evs = eventsFor(pack, name, undefined);
        const byUrn = new Map<string, PolicyEventPayload[]>();
        for (const p of evs) {
          const u = p.resourceUrn || stackUrn;
          byUrn.set(u, [...(byUrn.get(u) ?? []), p]);
        }
        if (byUrn.size === 0) {
          byUrn.set(stackUrn, []);
        }
        for (const [u, list] of byUrn) {
          classify(pack, name, u, list);
        }
      }
      if (packInfo && packInfo.name === pack) {
        const listed = new Set([...(s.passed ?? []), ...(s.failed ?? [])]);
        for (const p of packInfo.policies.filter(
          (x) => x.kind === "stack" && !listed.has(x.name),
        )) {
          results.push({
            policyName: p.name,
            policyPack: pack,
            urn: stackUrn,
            status: "not-applicable",
            reason: "listed neither passed nor failed by the engine (not applicable, or disabled)",
          });
        }
      }
    }
    // Findings without a summary event (CLIs before the summary events): still findings, each its own result.
    const leftover = policyEvents.filter(
      (p) => !consumed.has(p) && (p.resourceUrn ? mine(p.resourceUrn) : true),
    );
    const groups = new Map<string, PolicyEventPayload[]>();
    for (const p of leftover) {
      const key = `${p.policyPackName}\n${p.policyName}\n${p.resourceUrn || stackUrn}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const [key, list] of groups) {
      const [pack, policy, urn] = key.split("\n");
      classify(pack, policy, urn, list);
    }
    const usedPacks = new Set([...policies.values()].map((p) => p.policyPack));
    return {
      source: "event-log",
      stack,
      project,
      packs: [...packs.entries()]
        .filter(([name]) => usedPacks.has(name) || packs.size === 1)
        .map(([name, version]) => ({ name, version })),
      policies: [...policies.values()],
      resources: myResources,
      results,
      violations,
      suppressed,
      indeterminate,
      evaluations: results.length,
      configPlaceholders: [],
      // The engine expands every component itself: its event log holds their children.
      unexpandedComponents: [],
    } satisfies ReportInput;
  });
}

export interface ReportArgs {
  readonly eventLog: string;
  readonly out: string;
  readonly formats: readonly Format[];
  readonly policyPack: string | "none";
  readonly baseline?: string;
  readonly failOn: "mandatory" | "new";
  readonly quiet: boolean;
}

const projectRoot = path.resolve(__dirname, "..");

export const usage = `Usage: npm run report -- --event-log FILE [options]

Reads the event log of \`pulumi preview --event-log FILE --policy-pack DIR\` and writes the same reports as
npm run plan into <out>/<stack>/: report.json, report.sarif, junit.xml, summary.md, report.html, results.csv.

Options:
  --event-log FILE       the engine's event log (JSON lines); required
  --out DIR              where reports go; default: reports
  --format LIST          formats besides report.json, comma-separated: ${formats.join(", ")} or all; default: all
  --policy-pack DIR      the pack whose metadata (severity, controls, remediation) joins the events, or none;
                         default: this project's policies/
  --baseline OLD         an earlier report.json, or an earlier --out directory: marks findings new/unchanged/fixed
  --fail-on WHAT         mandatory (default): exit 5 on any mandatory violation; new: only on new ones (needs --baseline)
  --quiet                print only the closing summary
  --help                 this text

Exit codes: 0 no mandatory violation, 5 at least one mandatory violation, 2 usage error.`;

export function parseReportArgs(argv: readonly string[]): ReportArgs | "help" {
  const values: Record<string, string> = {};
  let quiet = false;
  const takes = ["--event-log", "--out", "--format", "--policy-pack", "--baseline", "--fail-on"];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      return "help";
    }
    if (arg === "--quiet") {
      quiet = true;
      continue;
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (!takes.includes(flag)) {
      throw new PlanError(
        "usage",
        `Unknown argument ${JSON.stringify(arg)}; expected one of ${takes.join(", ")}, --quiet, --help.`,
      );
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || value.startsWith("--")) {
      throw new PlanError(
        "usage",
        `${flag} needs a value (received ${JSON.stringify(value ?? null)}).`,
      );
    }
    values[flag] = value;
  }
  if (!values["--event-log"]) {
    throw new PlanError(
      "usage",
      "--event-log FILE is required (the file pulumi preview --event-log wrote).",
    );
  }
  const failOn = values["--fail-on"] ?? "mandatory";
  if (failOn !== "mandatory" && failOn !== "new") {
    throw new PlanError(
      "usage",
      `--fail-on ${JSON.stringify(failOn)}: expected mandatory (any mandatory violation) or new (only new ones).`,
    );
  }
  if (failOn === "new" && !values["--baseline"]) {
    throw new PlanError("usage", "--fail-on new needs --baseline OLD to tell new findings apart.");
  }
  const pack = values["--policy-pack"] ?? path.join(projectRoot, "policies");
  return {
    eventLog: path.resolve(values["--event-log"]),
    out: path.resolve(values["--out"] ?? "reports"),
    formats: parseFormats(values["--format"] ?? "all"),
    policyPack: pack === "none" ? "none" : path.resolve(pack),
    baseline: values["--baseline"] ? path.resolve(values["--baseline"]) : undefined,
    failOn,
    quiet,
  };
}

async function packMetadata(dir: string | "none"): Promise<PackInfo | undefined> {
  if (dir === "none") {
    return undefined;
  }
  const pack = await PackClient.start(dir);
  try {
    return await pack.info();
  } finally {
    pack.close();
  }
}

/** Reads the log, writes the reports; returns them. */
export async function reportFromEventLog(
  args: ReportArgs,
  generatedAt = new Date(),
): Promise<Report[]> {
  let text: string;
  try {
    text = fs.readFileSync(args.eventLog, "utf8");
  } catch (err) {
    throw new PlanError("usage", `--event-log ${args.eventLog}: ${(err as Error).message}`);
  }
  const events = parseEventLog(text, args.eventLog);
  const info = await packMetadata(args.policyPack);
  const reports: Report[] = [];
  for (const input of inputsFromEventLog(events, info)) {
    let report = buildReport(input, generatedAt);
    if (args.baseline) {
      report = compareWithBaseline(
        report,
        loadBaseline(args.baseline, report.stack),
        args.baseline,
      );
    }
    writeReports(path.join(args.out, report.stack), report, args.formats);
    reports.push(report);
  }
  return reports;
}

async function main(): Promise<number> {
  let args: ReportArgs | "help";
  try {
    args = parseReportArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n\n${usage}\n`);
    return exitCodes.usage;
  }
  if (args === "help") {
    process.stdout.write(`${usage}\n`);
    return exitCodes.ok;
  }
  const reports = await reportFromEventLog(args);
  for (const r of reports) {
    if (!args.quiet) {
      process.stdout.write(`${renderPolicies(r)}\n`);
    }
    const files =
      `Report: ${path.relative(process.cwd(), path.join(args.out, r.stack, fileNames.json))}` +
      (args.formats.length ? ` (and ${args.formats.map((f) => fileNames[f]).join(", ")})` : "");
    process.stdout.write(`${wrap(files, 4).join("\n")}\n\n`);
  }
  process.stdout.write(`${renderClosingSummary(reports)}\n`);
  return exitCodeOf(
    reports.map((report) => ({ stack: report.stack, report })),
    args.failOn,
  );
}

if (require.main === module) {
  runCommand(main);
}
