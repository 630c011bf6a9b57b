/**
 * POST /erasure {"patient": "Patient/<id>"}: erases one patient (erasure.ts) and answers with the receipt (200),
 * "in progress" (202: repeat the same request to continue), a refusal naming the exemptions (409), 404 when the
 * FHIR service holds nothing of that patient, or 503 when the FHIR service failed half-way (the progress is kept:
 * repeat the request). Problems never quote the patient reference.
 */
import { RESOURCE_ID_RE, FhirHttpError } from "../lib/fhir/client";
import { ProblemError } from "../lib/http/service";
import type { JsonResult, JsonRoute, ServiceOptions } from "../lib/http/service";
import { erase, ErasureDeps } from "./erasure";

export function parseErasureRequest(body: unknown): { patientId: string } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ProblemError(
      400,
      "invalid-request",
      "Invalid erasure request",
      `(body): received ${Array.isArray(body) ? "a list" : body === null ? "null" : `a ${typeof body}`}; expected an object {"patient": "Patient/<id>"}`,
    );
  }
  const keys = Object.keys(body);
  if (keys.some((k) => k !== "patient")) {
    // The unknown keys are not echoed: a client may have put patient data in them.
    throw new ProblemError(
      400,
      "invalid-request",
      "Invalid erasure request",
      `(body): ${keys.length} properties; expected only the property "patient"`,
    );
  }
  const patient = (body as { patient?: unknown }).patient;
  if (typeof patient !== "string") {
    throw new ProblemError(
      400,
      "invalid-request",
      "Invalid erasure request",
      `patient: received ${patient === undefined ? "nothing" : `a ${typeof patient}`}; expected a string "Patient/<id>"`,
    );
  }
  const id = patient.startsWith("Patient/") ? patient.slice("Patient/".length) : undefined;
  if (id === undefined || !RESOURCE_ID_RE.test(id)) {
    throw new ProblemError(
      400,
      "invalid-request",
      "Invalid erasure request",
      `patient: received a string of ${patient.length} characters that is not a Patient reference; expected "Patient/<id>" with a FHIR id (1-64 of A-Z a-z 0-9 - .)`,
    );
  }
  return { patientId: id };
}

export function createErasureRoute(deps: ErasureDeps): JsonRoute {
  return async (body, ctx): Promise<JsonResult> => {
    const { patientId } = parseErasureRequest(body);
    let result;
    try {
      result = await erase(deps, patientId, ctx.signal);
    } catch (err) {
      if (err instanceof FhirHttpError) {
        deps.logger.warn("gdpr-erasure: FHIR service error", {
          operation: err.operation,
          resourceType: err.resourceType,
          upstreamStatus: err.status,
        });
        throw new ProblemError(
          503,
          "fhir-unavailable",
          "FHIR service unavailable",
          `the FHIR service failed during the ${err.operation} of ${err.resourceType}; the progress is saved: repeat the same request to continue`,
        );
      }
      throw err;
    }
    switch (result.kind) {
      case "completed":
        return {
          status: 200,
          body: result.receipt,
          log: { outcome: "completed", totalDeleted: result.receipt.totalDeleted },
        };
      case "in-progress":
        return {
          status: 202,
          body: {
            status: "in-progress",
            subject: result.subject,
            done: result.done,
            remaining: result.remaining,
          },
          log: { outcome: "in-progress", remaining: result.remaining },
        };
      case "refused":
        return {
          status: 409,
          body: {
            type: "https://mediconnect.health/problems/erasure-exempt",
            title: "Erasure refused",
            status: 409,
            detail: `the erasure is refused under ${[...new Set(result.exemptions.map((e) => e.article))].join(" and ")}; nothing was deleted by this request`,
            subject: result.subject,
            exemptions: result.exemptions,
          },
          log: { outcome: "refused", exemptions: result.exemptions.length },
        };
      case "not-found":
        throw new ProblemError(
          404,
          "patient-not-found",
          "Nothing to erase",
          "patient: the FHIR service holds no such patient and nothing in its compartment, and no erasure of it is recorded",
        );
      case "incomplete":
        return {
          status: 500,
          body: {
            type: "https://mediconnect.health/problems/erasure-incomplete",
            title: "Erasure incomplete",
            status: 500,
            detail:
              "resources of the patient remain after every pass; they are counted per type in left",
            subject: result.subject,
            left: result.left,
          },
          log: { outcome: "incomplete" },
        };
    }
  };
}

export function erasureService(
  deps: ErasureDeps,
  readiness?: () => Promise<boolean>,
): ServiceOptions {
  return {
    name: "gdpr-erasure",
    routes: { "POST /erasure": createErasureRoute(deps) },
    logger: deps.logger,
    readiness,
    maxBodyBytes: 4096,
  };
}
