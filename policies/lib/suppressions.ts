/**
 * Exceptions, carried in each policy's configuration (`pulumi preview --policy-pack-config` or
 * `npm run plan -- --policy-config`):
 *
 *   { "aws-kms-key-enable-key-rotation": { "suppressions": [
 *       { "resource": "legacy-*", "reason": "Vendor key, rotated by the vendor (ticket SEC-42)",
 *         "owner": "security-team", "expires": "2027-03-31" } ] } }
 *
 * `resource` is a URN or a logical-name pattern (`*` matches any run of characters). A valid suppression turns the
 * finding into an advisory one marked `[suppressed ...]`, so it stays visible in every report. An expired or
 * incomplete suppression suppresses nothing and is reported as a violation of its own.
 */

export interface Suppression {
  readonly resource?: unknown;
  readonly reason?: unknown;
  readonly owner?: unknown;
  readonly expires?: unknown;
}

export const minimumReasonLength = 10;

/** The marker the offline plan and readers of the CLI's output recognise. */
export const suppressedMarker = "[suppressed";

export const suppressionsSchema = {
  type: "array",
  description:
    "Exceptions for this policy: {resource (URN or logical-name pattern), reason (at least 10 characters), owner, expires (YYYY-MM-DD)}.",
  items: {
    type: "object",
    properties: {
      resource: { type: "string" },
      reason: { type: "string" },
      owner: { type: "string" },
      expires: { type: "string" },
    },
  },
} as const;

function matches(pattern: string, urn: string, name: string): boolean {
  if (pattern.startsWith("urn:")) {
    return pattern === urn;
  }
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return re.test(name);
}

/** Why a suppression cannot be honoured, or undefined when it is valid on `today` (YYYY-MM-DD). */
export function suppressionProblem(s: Suppression, today: string): string | undefined {
  if (typeof s.reason !== "string" || s.reason.trim().length < minimumReasonLength) {
    return `its reason ${JSON.stringify(s.reason ?? null)} is shorter than ${minimumReasonLength} characters`;
  }
  if (typeof s.owner !== "string" || s.owner.trim() === "") {
    return "it names no owner";
  }
  if (
    typeof s.expires !== "string" ||
    !/^\d{4}-\d{2}-\d{2}$/.test(s.expires) ||
    Number.isNaN(Date.parse(s.expires))
  ) {
    return `its expiry ${JSON.stringify(s.expires ?? null)} is not a date YYYY-MM-DD`;
  }
  if (s.expires < today) {
    return `it expired on ${s.expires}`;
  }
  return undefined;
}

export interface SuppressionMatch {
  readonly suppression: Suppression;
  readonly problem?: string;
}

export function findSuppression(
  config: { suppressions?: unknown },
  urn: string,
  name: string,
  today: string = new Date().toISOString().slice(0, 10),
): SuppressionMatch | undefined {
  const list = Array.isArray(config.suppressions) ? (config.suppressions as Suppression[]) : [];
  const matching = list.filter(
    (s) => typeof s?.resource === "string" && matches(s.resource, urn, name),
  );
  if (matching.length === 0) {
    return undefined;
  }
  const valid = matching.find((s) => suppressionProblem(s, today) === undefined);
  return valid
    ? { suppression: valid }
    : { suppression: matching[0], problem: suppressionProblem(matching[0], today) };
}

export function suppressedMessage(s: Suppression, message: string): string {
  return `${suppressedMarker} until ${s.expires} by ${s.owner}: ${s.reason}] ${message}`;
}
