/**
 * FHIR R4 Consent evaluation for one access (read or search) to one resource of one patient.
 *
 * A Consent takes part when it is `active`, its scope is patient-privacy, it names the resource's patient, and (if
 * configured) one of its categories is accepted. Its root provision and every nested provision are rules whose
 * conditions (period, actor, action, purpose, class, code, security label, dataPeriod, data) must all hold; nested
 * provisions are exceptions to their parent, so the deepest matching rule with a type decides, and among matching
 * siblings deny wins. Across consents, any deny wins over any permit; no decision at all is a deny.
 *
 * Conditions the gateway cannot evaluate (a class or action code system it does not know, a data reference of
 * meaning dependents or authoredby, a resource without a date under a dataPeriod, a modifierExtension) fail
 * closed: they hold for a deny rule and do not hold for a permit rule.
 */
import type {
  CodeableConcept,
  Coding,
  Consent,
  ConsentProvision,
  Resource,
} from "@medplum/fhirtypes";
import { dataIntervalOf, patientOf } from "../lib/fhir/compartment";
import { referencesIn } from "../lib/fhir/references";
import { intervalOfPeriod, within } from "../lib/fhir/period";

export const CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
export const RESOURCE_TYPES_SYSTEM = "http://hl7.org/fhir/resource-types";
export const CONSENT_ACTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentaction";
export const ACT_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

/** Who asks, why, and when. */
export interface AccessContext {
  /** Reference of the requesting actor, "Practitioner/123". */
  readonly actor: string;
  readonly purpose: { readonly system: string; readonly code: string };
  readonly now: Date;
}

export interface ConsentPolicy {
  /**
   * Consent.category codings (system and code) a consent must carry one of.
   * @default [] (any category)
   */
  readonly categories?: ReadonlyArray<{ readonly system: string; readonly code: string }>;
}

/** Why a consent did not take part; closed vocabulary, safe to log. */
export type SkipReason =
  | "not-active"
  | "not-patient-privacy"
  | "other-patient"
  | "category-not-accepted"
  | "no-provision"
  | "outside-period";

export type DecisionReason = "permit" | "deny" | "no-consent" | "not-patient-data";

export interface Decision {
  readonly permit: boolean;
  readonly reason: DecisionReason;
  /** Id of the consent whose rule decided (deny-by-default decisions have none). */
  readonly consentId?: string;
  /** Path of the deciding rule, "provision" or "provision.provision[1]". */
  readonly rule?: string;
  /** Consents present for the patient that did not take part, by reason. */
  readonly skipped: Readonly<Partial<Record<SkipReason, number>>>;
}

type Tri = "yes" | "no" | "unknown";

function all(values: Tri[]): Tri {
  if (values.includes("no")) {
    return "no";
  }
  return values.includes("unknown") ? "unknown" : "yes";
}

/** "yes" if any item matches, else "unknown" if any could not be evaluated, else "no". */
function any<T>(items: readonly T[] | undefined, test: (item: T) => Tri): Tri {
  if (!items || items.length === 0) {
    return "yes";
  }
  const results = items.map(test);
  if (results.includes("yes")) {
    return "yes";
  }
  return results.includes("unknown") ? "unknown" : "no";
}

function sameCoding(a: Coding, b: { system?: string; code?: string }): boolean {
  return a.code !== undefined && a.code === b.code && a.system === b.system;
}

function codingsOf(concept: CodeableConcept | CodeableConcept[] | undefined): Coding[] {
  const list = Array.isArray(concept) ? concept : concept ? [concept] : [];
  return list.flatMap((c) => c.coding ?? []);
}

function conditions(p: ConsentProvision, resource: Resource, ctx: AccessContext): Tri {
  const results: Tri[] = [];
  if (p.modifierExtension && p.modifierExtension.length > 0) {
    results.push("unknown");
  }
  if (p.period) {
    const period = intervalOfPeriod(p.period);
    const now = ctx.now.getTime();
    results.push(period ? (now >= period.start && now <= period.end ? "yes" : "no") : "unknown");
  }
  results.push(
    any(p.actor, (a) => {
      const ref = a.reference?.reference;
      return ref === undefined ? "unknown" : ref === ctx.actor ? "yes" : "no";
    }),
  );
  results.push(
    any(p.action, (action) =>
      any(action.coding?.length ? action.coding : [{}], (c) =>
        c.system !== CONSENT_ACTION_SYSTEM ? "unknown" : c.code === "access" ? "yes" : "no",
      ),
    ),
  );
  results.push(any(p.purpose, (c) => (sameCoding(c, ctx.purpose) ? "yes" : "no")));
  results.push(
    any(p.class, (c) =>
      c.system === undefined || c.system === RESOURCE_TYPES_SYSTEM
        ? c.code === resource.resourceType
          ? "yes"
          : "no"
        : "unknown",
    ),
  );
  if (p.code && p.code.length > 0) {
    const own = codingsOf((resource as { code?: CodeableConcept }).code);
    results.push(any(codingsOf(p.code), (c) => (own.some((o) => sameCoding(o, c)) ? "yes" : "no")));
  }
  if (p.securityLabel && p.securityLabel.length > 0) {
    const labels = resource.meta?.security ?? [];
    results.push(
      any(p.securityLabel, (c) => (labels.some((l) => sameCoding(l, c)) ? "yes" : "no")),
    );
  }
  if (p.dataPeriod) {
    const bounds = intervalOfPeriod(p.dataPeriod);
    const data = dataIntervalOf(resource);
    results.push(bounds && data ? (within(data, bounds) ? "yes" : "no") : "unknown");
  }
  if (p.data && p.data.length > 0) {
    const self = `${resource.resourceType}/${resource.id}`;
    results.push(
      any(p.data, (d) => {
        const ref = d.reference?.reference;
        if (ref === undefined) {
          return "unknown";
        }
        if (d.meaning === "instance") {
          return ref === self ? "yes" : "no";
        }
        if (d.meaning === "related") {
          return ref === self || referencesIn(resource).has(ref) ? "yes" : "no";
        }
        return "unknown";
      }),
    );
  }
  return all(results);
}

interface RuleHit {
  readonly type: "permit" | "deny";
  readonly path: string;
  readonly depth: number;
}

function evaluateRule(
  p: ConsentProvision,
  path: string,
  depth: number,
  resource: Resource,
  ctx: AccessContext,
): RuleHit | undefined {
  // An unknown type value (only permit and deny exist in R4) is read as deny.
  const type = p.type === undefined ? undefined : p.type === "permit" ? "permit" : "deny";
  const met = conditions(p, resource, ctx);
  // Unknown conditions fail closed: they hold for a deny and for an untyped rule's exceptions only when those
  // exceptions are denies (checked one level down), never for a permit.
  const holds = met === "yes" || (met === "unknown" && type === "deny");
  if (!holds) {
    if (met === "unknown" && type === undefined) {
      const denies = (p.provision ?? [])
        .map((child, i) => evaluateRule(child, `${path}.provision[${i}]`, depth + 1, resource, ctx))
        .filter((h): h is RuleHit => h?.type === "deny");
      return denies[0];
    }
    return undefined;
  }
  const hits = (p.provision ?? [])
    .map((child, i) => evaluateRule(child, `${path}.provision[${i}]`, depth + 1, resource, ctx))
    .filter((h): h is RuleHit => h !== undefined);
  if (hits.length > 0) {
    const deepest = Math.max(...hits.map((h) => h.depth));
    const candidates = hits.filter((h) => h.depth === deepest);
    return candidates.find((h) => h.type === "deny") ?? candidates[0];
  }
  return type === undefined ? undefined : { type, path, depth };
}

function skipReason(
  consent: Consent,
  patient: string,
  policy: ConsentPolicy,
  now: Date,
): SkipReason | undefined {
  if (consent.status !== "active") {
    return "not-active";
  }
  if (
    !codingsOf(consent.scope).some(
      (c) => c.system === CONSENT_SCOPE_SYSTEM && c.code === "patient-privacy",
    )
  ) {
    return "not-patient-privacy";
  }
  if (consent.patient?.reference !== patient) {
    return "other-patient";
  }
  const accepted = policy.categories ?? [];
  if (
    accepted.length > 0 &&
    !codingsOf(consent.category).some((c) => accepted.some((a) => sameCoding(c, a)))
  ) {
    return "category-not-accepted";
  }
  if (!consent.provision) {
    return "no-provision";
  }
  const period = consent.provision.period ? intervalOfPeriod(consent.provision.period) : undefined;
  if (period && (now.getTime() < period.start || now.getTime() > period.end)) {
    return "outside-period";
  }
  return undefined;
}

/** Decides whether `resource` may be returned to the caller described by `ctx`, given its patient's consents. */
export function decide(
  resource: Resource,
  consents: readonly Consent[],
  ctx: AccessContext,
  policy: ConsentPolicy = {},
): Decision {
  const patient = patientOf(resource);
  if (patient === undefined) {
    return { permit: false, reason: "not-patient-data", skipped: {} };
  }
  const skipped: Partial<Record<SkipReason, number>> = {};
  let permit: { consentId?: string; rule: string } | undefined;
  let deny: { consentId?: string; rule: string } | undefined;
  for (const consent of consents) {
    const skip = skipReason(consent, patient, policy, ctx.now);
    if (skip !== undefined) {
      skipped[skip] = (skipped[skip] ?? 0) + 1;
      continue;
    }
    const hit = evaluateRule(consent.provision as ConsentProvision, "provision", 0, resource, ctx);
    // Every consent is looked at (the skipped counts explain the decision), the first deny is reported.
    if (hit?.type === "deny" && deny === undefined) {
      deny = { consentId: consent.id, rule: hit.path };
    }
    if (hit?.type === "permit" && permit === undefined) {
      permit = { consentId: consent.id, rule: hit.path };
    }
  }
  if (deny) {
    return { permit: false, reason: "deny", ...deny, skipped };
  }
  if (permit) {
    return { permit: true, reason: "permit", ...permit, skipped };
  }
  return { permit: false, reason: "no-consent", skipped };
}
