/**
 * One patient's erasure (GDPR Art. 17), resumable:
 * 1. a completed record answers with its receipt (a repeated request changes nothing);
 * 2. exemptions (exemptions.ts) refuse the erasure, on every attempt: a hold placed half-way stops the rest;
 * 3. without a record, the compartment is discovered and planned (discover.ts) and the plan saved before any change;
 * 4. steps run in order, the record saved after each: deletions with Azure's `hardDelete=true` (the resource and
 *    all its versions), unlinks as an update followed by `$purge-history` (the earlier versions still name the
 *    patient);
 * 5. once the plan is done the compartment is searched again and what it finds (resources created meanwhile) is
 *    planned and erased the same way; still finding some after MAX_PASSES passes is an "incomplete" answer;
 * 6. the record becomes the receipt (counts only) and its own history is purged.
 * Steps run one at a time, so after a crash at most the first unfinished step may already have happened: found
 * absent on the retry, it counts as deleted by this erasure; any later step found absent was deleted by someone
 * else and counts as already absent.
 */
import type { FhirClient } from "../lib/fhir/client";
import type { ServiceLogger } from "../lib/http/service";
import { pseudonymize } from "../lib/logging";
import { discover, plan, Step, withoutPatient } from "./discover";
import { Exemption, findExemptions, RetentionRule } from "./exemptions";
import type { Counts, InProgress, ProgressStore, Receipt } from "./progress";

export const MAX_PASSES = 3;
export const METHOD =
  "FHIR DELETE with hardDelete=true (resource and all versions); shared resources updated without the patient, then $purge-history";

export interface ErasureDeps {
  readonly fhir: FhirClient;
  readonly progress: ProgressStore;
  readonly logger: ServiceLogger;
  readonly pseudonymKey: string | Buffer;
  /** @default [] */
  readonly retention?: readonly RetentionRule[];
  /** @default () => new Date() */
  readonly now?: () => Date;
  /**
   * Milliseconds one request may spend on steps before answering "in progress" (the caller repeats the request).
   * @default 45000
   */
  readonly budgetMs?: number;
}

export type ErasureResult =
  | { readonly kind: "completed"; readonly receipt: Receipt }
  | { readonly kind: "refused"; readonly subject: string; readonly exemptions: Exemption[] }
  | {
      readonly kind: "in-progress";
      readonly subject: string;
      readonly done: number;
      readonly remaining: number;
    }
  | { readonly kind: "not-found"; readonly subject: string }
  | { readonly kind: "incomplete"; readonly subject: string; readonly left: Counts };

function typeOf(ref: string): string {
  return ref.split("/")[0];
}

function count(steps: readonly { ref: string; outcome?: string }[], outcome: string): Counts {
  const out: Counts = {};
  for (const s of steps) {
    if (s.outcome === outcome) {
      out[typeOf(s.ref)] = (out[typeOf(s.ref)] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export async function erase(
  deps: ErasureDeps,
  patientId: string,
  signal?: AbortSignal,
): Promise<ErasureResult> {
  const now = deps.now ?? (() => new Date());
  const patientRef = `Patient/${patientId}`;
  const subject = pseudonymize(patientRef, deps.pseudonymKey);
  const started = Date.now();
  const budget = deps.budgetMs ?? 45_000;
  const log = (message: string, extra: Record<string, string | number> = {}) =>
    deps.logger.info(`gdpr-erasure: ${message}`, { subject, ...extra });

  const existing = await deps.progress.load(subject, signal);
  if (existing?.status === "completed") {
    log("already completed", { totalDeleted: existing.totalDeleted });
    return { kind: "completed", receipt: existing };
  }

  const exemptions = await findExemptions(
    deps.fhir,
    patientId,
    deps.retention ?? [],
    now(),
    signal,
  );
  if (exemptions.length > 0) {
    log("refused", {
      exemptions: exemptions.map((e) => `${e.exemption}:${e.resourceType}`).join(","),
    });
    return { kind: "refused", subject, exemptions };
  }

  let record: InProgress;
  /** Index of the step a crashed attempt may have run without recording it; -1 on a first attempt. */
  let resumeAt = -1;
  if (existing) {
    record = existing;
    record.attempts += 1;
    resumeAt = record.steps.findIndex((s) => s.outcome === undefined);
  } else {
    const found = await discover(deps.fhir, patientId, signal);
    if (found.size === 0) {
      log("nothing to erase");
      return { kind: "not-found", subject };
    }
    const planned = plan(found, patientId);
    record = {
      status: "in-progress",
      subject,
      requestedAt: now().toISOString(),
      attempts: 1,
      passes: 1,
      cycles: planned.cycles,
      steps: planned.steps,
    };
  }
  // Write-ahead: the plan (or the new attempt count) is stored before anything changes.
  await deps.progress.save(record, signal);
  log("started", { attempt: record.attempts, steps: record.steps.length });

  for (;;) {
    for (let i = 0; i < record.steps.length; i++) {
      const step = record.steps[i];
      if (step.outcome !== undefined) {
        continue;
      }
      if (Date.now() - started > budget) {
        const remaining = record.steps.filter((s) => s.outcome === undefined).length;
        log("paused", { remaining });
        return { kind: "in-progress", subject, done: record.steps.length - remaining, remaining };
      }
      const outcome = await runStep(deps.fhir, step, patientRef, signal);
      step.outcome = outcome === "absent" && i === resumeAt ? "deleted" : outcome;
      await deps.progress.save(record, signal);
    }
    // Resources created while the erasure ran (or left by a server that acknowledged without deleting).
    const again = await discover(deps.fhir, patientId, signal);
    if (again.size === 0) {
      break;
    }
    if (record.passes >= MAX_PASSES) {
      const left: Counts = {};
      for (const ref of again.keys()) {
        left[typeOf(ref)] = (left[typeOf(ref)] ?? 0) + 1;
      }
      log("incomplete", {
        left: Object.entries(left)
          .map(([t, n]) => `${t}:${n}`)
          .join(","),
      });
      return { kind: "incomplete", subject, left };
    }
    const more = plan(again, patientId);
    record.passes += 1;
    record.cycles += more.cycles;
    record.steps.push(...more.steps);
    await deps.progress.save(record, signal);
  }

  const receipt: Receipt = {
    status: "completed",
    subject,
    requestedAt: record.requestedAt,
    completedAt: now().toISOString(),
    deleted: count(record.steps, "deleted"),
    unlinked: count(record.steps, "unlinked"),
    alreadyAbsent: count(record.steps, "absent"),
    totalDeleted: record.steps.filter((s) => s.outcome === "deleted").length,
    attempts: record.attempts,
    passes: record.passes,
    cycles: record.cycles,
    method: METHOD,
  };
  await deps.progress.save(receipt, signal);
  await deps.progress.purgeHistory(subject, signal);
  log("completed", { totalDeleted: receipt.totalDeleted, attempts: receipt.attempts });
  return { kind: "completed", receipt };
}

async function runStep(
  fhir: FhirClient,
  step: Step,
  patientRef: string,
  signal?: AbortSignal,
): Promise<"deleted" | "absent" | "unlinked" | "unchanged"> {
  const [type, id] = step.ref.split("/");
  if (step.op === "delete") {
    return fhir.delete(type, id, { hardDelete: true }, signal);
  }
  const current = await fhir.read(type, id, signal);
  if (current === undefined) {
    return "absent";
  }
  const changed = withoutPatient(current, patientRef);
  if (changed === undefined) {
    // Nothing names the patient any more (a retry after the update): the history may still, so it is purged.
    await fhir.purgeHistory(type, id, signal);
    return "unchanged";
  }
  await fhir.update({ ...changed, id }, signal);
  await fhir.purgeHistory(type, id, signal);
  return "unlinked";
}
