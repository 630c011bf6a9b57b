/** Reading IAM-style policy documents (AWS key, bucket, topic and queue policies). */

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  readonly Statement: PolicyStatement[];
}

/** Parses a policy given as a JSON string or an object; undefined when it is neither. */
export function parsePolicyDocument(policy: unknown): PolicyDocument | undefined {
  let value: unknown = policy;
  if (typeof policy === "string") {
    try {
      value = JSON.parse(policy);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== "object" || value === null) {
    return undefined;
  }
  const statement = (value as { Statement?: unknown }).Statement;
  if (statement === undefined) {
    return { Statement: [] };
  }
  return { Statement: (Array.isArray(statement) ? statement : [statement]) as PolicyStatement[] };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** True when a Principal element admits everyone: "*", {AWS: "*"} or a list containing "*". */
export function isWildcardPrincipal(principal: unknown): boolean {
  if (principal === "*") {
    return true;
  }
  if (typeof principal === "object" && principal !== null) {
    return Object.values(principal as Record<string, unknown>).some((v) => asList(v).includes("*"));
  }
  return false;
}

const narrowingConditionKeys = [
  "aws:principalaccount",
  "aws:sourceaccount",
  "aws:principalorgid",
  "aws:sourceowner",
  "aws:sourcearn",
  "kms:calleraccount",
];

/** Sids (or positions) of Allow statements whose principal is a wildcard not narrowed by an account condition. */
export function wildcardPrincipalStatements(document: PolicyDocument): string[] {
  return document.Statement.flatMap((s, i) => {
    if (s.Effect !== "Allow" || !isWildcardPrincipal(s.Principal)) {
      return [];
    }
    const conditionKeys = Object.values(s.Condition ?? {}).flatMap((c) =>
      Object.keys(c).map((k) => k.toLowerCase()),
    );
    return conditionKeys.some((k) => narrowingConditionKeys.includes(k))
      ? []
      : [s.Sid ?? `#${i + 1}`];
  });
}
