/**
 * The gateway's request: the interaction from the path (`/fhir/<Type>` search, `/fhir/<Type>/<id>` read), the
 * caller's purpose of use and actor from headers, and the search parameters the gateway passes on. Errors name the
 * header or parameter, describe the received value's shape (never its content: an id or a search value can be
 * patient data) and say what is expected.
 */
import type { IncomingHttpHeaders } from "http";
import { RESOURCE_ID_RE } from "../lib/fhir/client";
import { isPatientDataType, PATIENT_DATA_TYPES } from "../lib/fhir/compartment";
import { ACT_REASON_SYSTEM } from "./consent";

export const PURPOSE_HEADER = "x-purpose-of-use";
export const ACTOR_HEADER = "x-actor";

/** Resource types an actor reference may name (R4 Consent.provision.actor.reference targets). */
export const ACTOR_TYPES = [
  "Practitioner",
  "PractitionerRole",
  "Organization",
  "RelatedPerson",
  "Patient",
  "Device",
  "CareTeam",
  "Group",
] as const;

/** Largest page the gateway asks for. */
export const MAX_COUNT = 100;

/**
 * Search parameters refused: each would let a caller learn about resources the consent check never sees
 * (counts, included or contained resources, criteria on other resources) or change the response format.
 */
const REFUSED_PARAMS = new Set([
  "_has",
  "_include",
  "_revinclude",
  "_contained",
  "_containedType",
  "_total",
  "_filter",
  "_query",
  "_list",
  "_format",
  "_pretty",
]);
const SUMMARY_VALUES = new Set(["true", "false", "text", "data"]);
const PARAM_NAME_RE = /^[A-Za-z_][A-Za-z0-9_-]{0,63}(:[A-Za-z-]{1,32})?$/;

export class GatewayRequestError extends Error {
  constructor(
    readonly status: number,
    /** OperationOutcome issue code. */
    readonly code: "invalid" | "not-supported" | "required",
    detail: string,
  ) {
    super(detail);
    this.name = "GatewayRequestError";
  }
}

export type Interaction =
  | { readonly kind: "read"; readonly resourceType: string; readonly id: string }
  | { readonly kind: "search"; readonly resourceType: string; readonly params: URLSearchParams };

export interface Caller {
  readonly actor: string;
  readonly purpose: { readonly system: string; readonly code: string };
}

function shape(value: string): string {
  return `a value of ${value.length} characters`;
}

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  if (Array.isArray(v)) {
    throw new GatewayRequestError(
      400,
      "invalid",
      `header ${name}: received ${v.length} values; expected exactly one`,
    );
  }
  return v;
}

export function parseCaller(headers: IncomingHttpHeaders): Caller {
  const purposeText = single(headers, PURPOSE_HEADER)?.trim();
  if (!purposeText) {
    throw new GatewayRequestError(
      400,
      "required",
      `header ${PURPOSE_HEADER}: missing; expected the purpose of use, a v3 ActReason code such as TREAT or ETREAT, or <system>|<code>`,
    );
  }
  const bar = purposeText.lastIndexOf("|");
  const system = bar >= 0 ? purposeText.slice(0, bar) : ACT_REASON_SYSTEM;
  const code = bar >= 0 ? purposeText.slice(bar + 1) : purposeText;
  if (
    !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(code) ||
    !/^(https?|urn):[^\s|]{1,250}$/.test(system)
  ) {
    throw new GatewayRequestError(
      400,
      "invalid",
      `header ${PURPOSE_HEADER}: received ${shape(purposeText)} that is not a code; expected a v3 ActReason code such as TREAT (letters, digits, . _ -) or <absolute system URI>|<code>`,
    );
  }
  const actor = single(headers, ACTOR_HEADER)?.trim();
  if (!actor) {
    throw new GatewayRequestError(
      400,
      "required",
      `header ${ACTOR_HEADER}: missing; expected the requesting actor as a relative reference, <Type>/<id> with Type one of ${ACTOR_TYPES.join(", ")}`,
    );
  }
  const [type, id, ...rest] = actor.split("/");
  if (
    rest.length > 0 ||
    !(ACTOR_TYPES as readonly string[]).includes(type) ||
    id === undefined ||
    !RESOURCE_ID_RE.test(id)
  ) {
    throw new GatewayRequestError(
      400,
      "invalid",
      `header ${ACTOR_HEADER}: received ${shape(actor)} that is not a reference of an accepted type; expected <Type>/<id> with Type one of ${ACTOR_TYPES.join(", ")} and a FHIR id (1-64 of A-Z a-z 0-9 - .)`,
    );
  }
  return { actor, purpose: { system, code } };
}

/** Parses `/fhir/...` with its query; `prefix` is the mount path ("/fhir"). */
export function parseInteraction(url: URL, prefix: string): Interaction {
  const rest = url.pathname.slice(prefix.length).replace(/^\/+/, "");
  const segments = rest === "" ? [] : rest.split("/");
  const supported = Object.keys(PATIENT_DATA_TYPES).join(", ");
  const resourceType = segments[0];
  if (resourceType === undefined || !isPatientDataType(resourceType)) {
    throw new GatewayRequestError(
      404,
      "not-supported",
      `path: the first segment after ${prefix}/ ${resourceType === undefined ? "is missing" : `(${shape(resourceType)}) is not a served resource type`}; expected one of ${supported}`,
    );
  }
  if (segments.length === 2) {
    if (!RESOURCE_ID_RE.test(segments[1])) {
      throw new GatewayRequestError(
        400,
        "invalid",
        `path: the resource id is ${shape(segments[1])} outside the FHIR id syntax; expected 1-64 of A-Z a-z 0-9 - .`,
      );
    }
    if (url.search !== "") {
      throw new GatewayRequestError(
        400,
        "not-supported",
        "query: a read takes no parameters; expected none",
      );
    }
    return { kind: "read", resourceType, id: segments[1] };
  }
  if (segments.length !== 1) {
    throw new GatewayRequestError(
      404,
      "not-supported",
      `path: ${segments.length} segments after ${prefix}/; expected <Type> (search) or <Type>/<id> (read)`,
    );
  }
  const params = new URLSearchParams();
  for (const [name, value] of url.searchParams) {
    if (!PARAM_NAME_RE.test(name)) {
      throw new GatewayRequestError(
        400,
        "not-supported",
        `query: a parameter name of ${name.length} characters is not a plain search parameter; expected a name (chained parameters with "." are not served) with an optional :modifier`,
      );
    }
    if (REFUSED_PARAMS.has(name.split(":")[0])) {
      throw new GatewayRequestError(
        400,
        "not-supported",
        `query: parameter ${name.split(":")[0]} is not served through the consent gateway; expected search criteria on the requested type only`,
      );
    }
    if (name === "_summary" && !SUMMARY_VALUES.has(value)) {
      throw new GatewayRequestError(
        400,
        "not-supported",
        `query: _summary must be one of ${[...SUMMARY_VALUES].join(", ")} (count would reveal resources the consent denies)`,
      );
    }
    if (name === "_count") {
      const n = Number(value);
      if (!/^\d{1,3}$/.test(value) || n < 1 || n > MAX_COUNT) {
        throw new GatewayRequestError(
          400,
          "invalid",
          `query: _count is ${shape(value)}; expected an integer from 1 to ${MAX_COUNT}`,
        );
      }
    }
    params.append(name, value);
  }
  if (!params.has("_count")) {
    params.set("_count", String(MAX_COUNT));
  }
  return { kind: "search", resourceType, params };
}
