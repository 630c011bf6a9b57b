/**
 * The erasure's progress record, written before the first change and after every step, so that a retried request
 * after a crash continues where the last one stopped. It is kept as a FHIR Task in the FHIR service itself (no
 * other store to deploy or secure): identified by the patient's keyed pseudonym, never referencing the patient
 * (it is outside their compartment and survives the erasure), its state in one JSON attachment. While the erasure
 * runs the state lists the "Type/id" of the planned steps; the completed record holds the receipt only, and the
 * Task's earlier versions (with the step lists) are purged.
 */
import type { Task } from "@medplum/fhirtypes";
import type { FhirClient } from "../lib/fhir/client";
import type { Step } from "./discover";

export const PROGRESS_SYSTEM = "https://mediconnect.health/fhir/erasure-request";
export const ERASURE_TASK_CODE = {
  system: "https://mediconnect.health/fhir/CodeSystem/task-code",
  code: "gdpr-erasure",
};

export type StepOutcome = "deleted" | "absent" | "unlinked" | "unchanged";

export interface StepState extends Step {
  outcome?: StepOutcome;
}

/** Counts per resource type; no id, no content. */
export type Counts = Record<string, number>;

export interface Receipt {
  readonly status: "completed";
  /** Keyed pseudonym of the erased patient reference (the same key gives the same pseudonym). */
  readonly subject: string;
  readonly requestedAt: string;
  readonly completedAt: string;
  /** Resources hard-deleted (all versions), per type. */
  readonly deleted: Counts;
  /** Shared resources that lost their mention of the patient (and their earlier versions), per type. */
  readonly unlinked: Counts;
  /** Planned resources already gone when their turn came (deleted by someone else meanwhile), per type. */
  readonly alreadyAbsent: Counts;
  readonly totalDeleted: number;
  /** Requests it took (more than one after an interruption or a time budget). */
  readonly attempts: number;
  /** Discovery passes (a later pass finds what was created during the erasure). */
  readonly passes: number;
  /** Reference cycles among the deleted resources that had to be broken. */
  readonly cycles: number;
  readonly method: string;
}

export interface InProgress {
  readonly status: "in-progress";
  readonly subject: string;
  readonly requestedAt: string;
  attempts: number;
  passes: number;
  cycles: number;
  steps: StepState[];
}

export type ProgressRecord = InProgress | Receipt;

export interface ProgressStore {
  load(subject: string, signal?: AbortSignal): Promise<ProgressRecord | undefined>;
  save(record: ProgressRecord, signal?: AbortSignal): Promise<void>;
  /** Removes the earlier versions of the record (called once the receipt replaced the step list). */
  purgeHistory(subject: string, signal?: AbortSignal): Promise<void>;
}

function encode(record: ProgressRecord): string {
  return Buffer.from(JSON.stringify(record), "utf8").toString("base64");
}

/** The progress store on the FHIR service: one Task per erasure request. */
export class FhirTaskProgressStore implements ProgressStore {
  private readonly ids = new Map<string, string>();

  constructor(private readonly fhir: FhirClient) {}

  private async find(subject: string, signal?: AbortSignal): Promise<Task | undefined> {
    const tasks = await this.fhir.searchAll<Task>(
      "Task",
      new URLSearchParams({ identifier: `${PROGRESS_SYSTEM}|${subject}` }),
      signal,
    );
    if (tasks.length > 1) {
      throw new Error(
        `erasure progress: ${tasks.length} Tasks carry the same erasure identifier; expected at most one (resolve the duplicates by hand)`,
      );
    }
    if (tasks[0]?.id) {
      this.ids.set(subject, tasks[0].id);
    }
    return tasks[0];
  }

  async load(subject: string, signal?: AbortSignal): Promise<ProgressRecord | undefined> {
    const task = await this.find(subject, signal);
    const data = task?.input?.find((i) => i.valueAttachment?.data)?.valueAttachment?.data;
    if (task && data === undefined) {
      throw new Error(
        "erasure progress: the Task has no JSON attachment; expected one written by this service",
      );
    }
    return data === undefined
      ? undefined
      : (JSON.parse(Buffer.from(data, "base64").toString("utf8")) as ProgressRecord);
  }

  async save(record: ProgressRecord, signal?: AbortSignal): Promise<void> {
    const task: Task = {
      resourceType: "Task",
      status: record.status === "completed" ? "completed" : "in-progress",
      intent: "order",
      identifier: [{ system: PROGRESS_SYSTEM, value: record.subject }],
      code: { coding: [ERASURE_TASK_CODE], text: "GDPR Art. 17 erasure" },
      authoredOn: record.requestedAt,
      input: [
        {
          type: { text: "erasure-progress" },
          valueAttachment: { contentType: "application/json", data: encode(record) },
        },
      ],
    };
    const id = this.ids.get(record.subject) ?? (await this.find(record.subject, signal))?.id;
    if (id === undefined) {
      const created = await this.fhir.create(task, signal);
      if (created.id) {
        this.ids.set(record.subject, created.id);
      }
    } else {
      await this.fhir.update({ ...task, id }, signal);
    }
  }

  async purgeHistory(subject: string, signal?: AbortSignal): Promise<void> {
    const id = this.ids.get(subject) ?? (await this.find(subject, signal))?.id;
    if (id !== undefined) {
      await this.fhir.purgeHistory("Task", id, signal);
    }
  }
}
