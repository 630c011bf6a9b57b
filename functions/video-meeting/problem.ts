/** HTTP responses, errors as RFC 9457 problem details. */
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

const PROBLEM_BASE = "https://mediconnect.health/problems/";

export interface Problem {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly detail: string;
  readonly headers?: Record<string, string>;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = "ProblemError";
  }
}

export function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  headers?: Record<string, string>,
): ProblemError {
  return new ProblemError({ status, slug, title, detail, headers });
}

/** No `instance` member: the request path holds the appointment id, and error bodies carry no identifiers. */
export function problemResponse(p: Problem): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: p.status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...p.headers,
    },
    body: JSON.stringify({
      type: PROBLEM_BASE + p.slug,
      title: p.title,
      status: p.status,
      detail: p.detail,
    }),
  };
}

export function jsonResponse(status: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    // Join tokens are credentials: never cached by the browser or an intermediary.
    headers: { "content-type": "application/json", "cache-control": "no-store" },
    body: JSON.stringify(body),
  };
}
