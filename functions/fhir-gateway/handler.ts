/**
 * GET /fhir/<Type>/<id> and GET /fhir/<Type>?...: reads and searches Patient-compartment resources on the FHIR
 * service and returns only what the patient's Consents permit for the caller's actor and purpose of use (see
 * consent.ts). A denied read is a 403 OperationOutcome; a search Bundle loses its denied entries, its links point
 * back at the gateway and its total is corrected. Every request writes one AuditEvent-shaped log line: codes,
 * counts and keyed pseudonyms, never an id, a name or a search value.
 */
import type {
  Bundle,
  BundleEntry,
  Consent,
  OperationOutcome,
  OperationOutcomeIssue,
  Resource,
} from "@medplum/fhirtypes";
import { FHIR_JSON, FhirClient, FhirHttpError } from "../lib/fhir/client";
import { patientOf } from "../lib/fhir/compartment";
import type { JsonResult, JsonRoute, ServiceLogger, ServiceOptions } from "../lib/http/service";
import { pseudonymize } from "../lib/logging";
import { ACT_REASON_SYSTEM, AccessContext, ConsentPolicy, Decision, decide } from "./consent";
import { Caller, GatewayRequestError, Interaction, parseCaller, parseInteraction } from "./request";

export const MOUNT = "/fhir";

export interface GatewayDeps {
  readonly fhir: FhirClient;
  readonly logger: ServiceLogger;
  /** HMAC key for the pseudonyms in audit lines (patient, actor, consent). */
  readonly pseudonymKey: string | Buffer;
  readonly policy?: ConsentPolicy;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

export function operationOutcome(
  code: OperationOutcomeIssue["code"],
  diagnostics: string,
  severity: "error" | "information" = "error",
): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, diagnostics }] };
}

function outcomeResult(
  status: number,
  code: OperationOutcomeIssue["code"],
  diagnostics: string,
): JsonResult {
  return { status, body: operationOutcome(code, diagnostics), contentType: FHIR_JSON };
}

/** The audit line: fields named after AuditEvent elements, values that carry no patient data. */
interface AuditLine {
  readonly [key: string]: string | number;
}

class ConsentCache {
  private readonly byPatient = new Map<string, Promise<Consent[]>>();
  constructor(
    private readonly fhir: FhirClient,
    private readonly signal: AbortSignal,
  ) {}

  get(patient: string): Promise<Consent[]> {
    let found = this.byPatient.get(patient);
    if (!found) {
      found = this.fhir.searchAll<Consent>(
        "Consent",
        new URLSearchParams({ patient, status: "active", _count: "100" }),
        this.signal,
      );
      this.byPatient.set(patient, found);
    }
    return found;
  }
}

export function createGatewayRoute(deps: GatewayDeps): JsonRoute {
  const pseudonym = (value: string) => pseudonymize(value, deps.pseudonymKey);
  const now = deps.now ?? (() => new Date());

  const audit = (
    interaction: Interaction,
    caller: Caller,
    line: Record<string, string | number>,
  ): void => {
    const entry: AuditLine = {
      type: "rest",
      subtype: interaction.kind === "read" ? "read" : "search-type",
      action: interaction.kind === "read" ? "R" : "E",
      purposeOfEvent: caller.purpose.code,
      // The logger masks URLs, so the code system is named rather than printed.
      purposeSystem: caller.purpose.system === ACT_REASON_SYSTEM ? "v3-ActReason" : "other",
      agentType: caller.actor.split("/")[0],
      agentWho: pseudonym(caller.actor),
      entityType: interaction.resourceType,
      ...line,
    };
    deps.logger.info("fhir-gateway: audit", entry);
  };

  const decisionFields = (d: Decision): Record<string, string | number> => ({
    decision: d.permit ? "permit" : "deny",
    reason: d.reason,
    ...(d.consentId ? { consent: pseudonym(`Consent/${d.consentId}`) } : {}),
    ...(d.rule ? { rule: d.rule } : {}),
    ...Object.fromEntries(Object.entries(d.skipped).map(([k, v]) => [`skipped.${k}`, v])),
  });

  async function read(
    interaction: Extract<Interaction, { kind: "read" }>,
    caller: Caller,
    signal: AbortSignal,
  ): Promise<JsonResult> {
    const resource = await deps.fhir.read(interaction.resourceType, interaction.id, signal);
    if (resource === undefined) {
      audit(interaction, caller, { outcome: "4", decision: "none", reason: "not-found" });
      return outcomeResult(404, "not-found", `${interaction.resourceType}: no such resource`);
    }
    const patient = patientOf(resource);
    const ctx: AccessContext = { ...caller, now: now() };
    const consents = patient ? await new ConsentCache(deps.fhir, signal).get(patient) : [];
    const decision = decide(resource, consents, ctx, deps.policy);
    audit(interaction, caller, {
      outcome: decision.permit ? "0" : "4",
      ...(patient ? { patientId: pseudonym(patient) } : {}),
      ...decisionFields(decision),
    });
    if (!decision.permit) {
      return {
        ...outcomeResult(
          403,
          "forbidden",
          decision.reason === "not-patient-data"
            ? `${interaction.resourceType}: the resource names no patient, so no consent can permit it`
            : `${interaction.resourceType}: no active patient-privacy Consent of the patient permits this access for the requesting actor and purpose of use${decision.reason === "deny" ? " (a consent rule denies it)" : ""}`,
        ),
        log: { decision: "deny", reason: decision.reason },
      };
    }
    return {
      status: 200,
      body: resource,
      contentType: FHIR_JSON,
      log: { decision: "permit" },
    };
  }

  /** Upstream links become gateway links (same path below the mount); any other link is dropped. */
  function gatewayLink(url: string): string | undefined {
    const base = deps.fhir.baseUrl;
    if (url.startsWith(`${base}/`)) {
      return `${MOUNT}/${url.slice(base.length + 1)}`;
    }
    return undefined;
  }

  async function search(
    interaction: Extract<Interaction, { kind: "search" }>,
    caller: Caller,
    signal: AbortSignal,
  ): Promise<JsonResult> {
    const upstream = await deps.fhir.search(interaction.resourceType, interaction.params, signal);
    const ctx: AccessContext = { ...caller, now: now() };
    const cache = new ConsentCache(deps.fhir, signal);
    const kept: BundleEntry[] = [];
    const reasons: Record<string, number> = {};
    const patients = new Set<string>();
    for (const entry of upstream.entry ?? []) {
      const resource = entry.resource as Resource | undefined;
      // Only matches of the requested type are ever returned: outcome entries may quote the query.
      if (
        !resource ||
        resource.resourceType !== interaction.resourceType ||
        entry.search?.mode === "outcome"
      ) {
        reasons["dropped"] = (reasons["dropped"] ?? 0) + 1;
        continue;
      }
      const patient = patientOf(resource);
      if (patient) {
        patients.add(patient);
      }
      const decision = decide(resource, patient ? await cache.get(patient) : [], ctx, deps.policy);
      reasons[decision.reason] = (reasons[decision.reason] ?? 0) + 1;
      if (decision.permit) {
        kept.push(entry);
      }
    }
    const links = (upstream.link ?? []).flatMap((l) => {
      const url = l.url ? gatewayLink(l.url) : undefined;
      return url ? [{ relation: l.relation, url }] : [];
    });
    const hasNext = links.some((l) => l.relation === "next");
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "searchset",
      // Without further pages the permitted matches are all counted here; with them the true total is unknown
      // (the denied matches of later pages cannot be known without reading them), so no total is given.
      ...(hasNext ? {} : { total: kept.length }),
      ...(links.length > 0 ? { link: links } : {}),
      ...(kept.length > 0 ? { entry: kept } : {}),
    };
    const denied = (upstream.entry?.length ?? 0) - kept.length;
    audit(interaction, caller, {
      outcome: denied > 0 ? "4" : "0",
      ...(patients.size === 1 ? { patientId: pseudonym([...patients][0]) } : {}),
      patients: patients.size,
      permitted: kept.length,
      denied,
      ...Object.fromEntries(Object.entries(reasons).map(([k, v]) => [`reason.${k}`, v])),
    });
    return {
      status: 200,
      body: bundle,
      contentType: FHIR_JSON,
      log: { permitted: kept.length, denied },
    };
  }

  return async (_body, ctx) => {
    const url = ctx.url ?? new URL(MOUNT, "http://service.invalid");
    try {
      const caller = parseCaller(ctx.headers ?? {});
      const interaction = parseInteraction(url, MOUNT);
      if (interaction.kind === "read") {
        return await read(interaction, caller, ctx.signal);
      }
      // Page links the gateway hands out keep the upstream's paging parameters (Azure's ct, _offset), so a
      // next page is an ordinary search here and is filtered like the first.
      return await search(interaction, caller, ctx.signal);
    } catch (err) {
      if (err instanceof GatewayRequestError) {
        return { ...outcomeResult(err.status, err.code, err.message), log: { rejected: err.code } };
      }
      if (err instanceof FhirHttpError) {
        deps.logger.warn("fhir-gateway: FHIR service error", {
          operation: err.operation,
          resourceType: err.resourceType,
          upstreamStatus: err.status,
        });
        return {
          ...outcomeResult(
            err.status === 0 ? 504 : 502,
            "exception",
            `the FHIR service could not answer the ${err.operation} of ${err.resourceType}; retry later`,
          ),
          log: { upstreamStatus: err.status },
        };
      }
      throw err;
    }
  };
}

/** The service definition main.ts runs and tests start on 127.0.0.1. */
export function gatewayService(
  deps: GatewayDeps,
  readiness?: () => Promise<boolean>,
): ServiceOptions {
  return {
    name: "fhir-gateway",
    routes: { [`GET ${MOUNT}/*`]: createGatewayRoute(deps) },
    logger: deps.logger,
    readiness,
  };
}
