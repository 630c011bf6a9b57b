/**
 * What a secret looks like by its value, for every cloud's environment variables, container definitions and
 * parameters: known token formats, credentials inside URLs and connection strings, and long high-entropy strings.
 * References to a secret store (an ARN, a Secret Manager resource name, a Key Vault URI) are never secrets,
 * whatever the variable holding them is called.
 */

const tokenShapes: readonly [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a PEM private key"],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key id"],
  [/\bgh[pousr]_[A-Za-z0-9]{36}\b/, "a GitHub token"],
  [/\bgithub_pat_[A-Za-z0-9_]{40,}/, "a GitHub token"],
  [/\bxox[abpr]-[A-Za-z0-9-]{10,}/, "a Slack token"],
  [/\b[sr]k_live_[A-Za-z0-9]{16,}/, "a Stripe live key"],
  [/\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}/, "an OpenAI or Anthropic API key"],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, "a Google API key"],
  [/\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/, "a SendGrid API key"],
  [/"private_key"\s*:\s*"-----BEGIN/, "a Google service account key"],
  [/\bAccountKey=[A-Za-z0-9+/=]{20,}/i, "an Azure storage account key"],
  [/\bSharedAccessKey=[A-Za-z0-9+/=]{20,}/i, "an Azure shared access key"],
  [/\bsig=[A-Za-z0-9%+/=]{20,}/, "an Azure SAS signature"],
  [/^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "a JSON Web Token"],
  [/\b(Password|Pwd)\s*=\s*[^;{\s][^;]*/i, "a password in a connection string"],
];

/** `scheme://user:password@host`, unless the password is a placeholder the program fills in at run time. */
const urlCredentials = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/i;
const placeholder =
  /^(\$\{[^}]+\}|\$[A-Z_][A-Z0-9_]*|%[A-Z_]+%|\{\{[^}]+\}\}|\*{3,}|x{3,}|<[^>]+>)$/i;

const secretStoreReferences: readonly RegExp[] = [
  /^arn:aws[a-z-]*:secretsmanager:/,
  /^arn:aws[a-z-]*:ssm:[^:]*:[^:]*:parameter\//,
  /^arn:aws[a-z-]*:kms:/,
  /^\{\{resolve:(secretsmanager|ssm|ssm-secure):/,
  /^projects\/[^/]+\/secrets\/[^/]+(\/versions\/[^/]+)?$/,
  /^https:\/\/[a-z0-9-]+\.vault\.azure\.net\/(secrets|keys|certificates)\//i,
  /^@Microsoft\.KeyVault\(/,
  /^(sm|ssm|vault|secret|gcpsm|akv):\/\//i,
];

/**
 * An absolute file path (`/run/secrets/db/password`): the `*_FILE` convention, where the variable names the file a
 * mounted secret is read from. Two or more segments of path characters, no spaces.
 */
const filePath = /^\/(?:[\w.@-]+\/)+[\w.@-]+$/;

/** True for a reference to a secret store, which is what a secret-named variable should hold. */
export function isSecretReference(value: string): boolean {
  return secretStoreReferences.some((re) => re.test(value.trim()));
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Thresholds: 24+ characters of a key alphabet with upper, lower case and digits and >= 4.2 bits/char. */
const minEntropyLength = 24;
const minEntropyBits = 4.2;

function isHighEntropy(value: string): boolean {
  return (
    value.length >= minEntropyLength &&
    /^[A-Za-z0-9+/=_-]+$/.test(value) &&
    !value.startsWith("/") &&
    /[a-z]/.test(value) &&
    /[A-Z]/.test(value) &&
    /[0-9]/.test(value) &&
    entropy(value) >= minEntropyBits
  );
}

/** What kind of secret a value looks like, or undefined when it looks like none (or is a secret-store reference). */
export function secretValueKind(value: string): string | undefined {
  const v = value.trim();
  if (v === "" || isSecretReference(v)) {
    return undefined;
  }
  const shape = tokenShapes.find(([pattern]) => pattern.test(v));
  if (shape) {
    return shape[1];
  }
  const url = urlCredentials.exec(v);
  if (url && !placeholder.test(decodeURIComponent(url[1]))) {
    return "a URL with an embedded password";
  }
  return isHighEntropy(v) ? "a high-entropy string (a generated key or password)" : undefined;
}

const secretName =
  /(password|passwd|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|credential|client[_-]?secret)/i;

/** Names that point at a secret instead of holding one (an ARN, a parameter name, a key id). */
const referenceName = /(_ARN|_NAME|_ID|_PARAM|_PARAMETER|_PATH|_TABLE|_URI|_REF)$/i;

/** True when an environment variable name suggests it holds a secret value. */
export function isSecretName(name: string): boolean {
  return secretName.test(name) && !referenceName.test(name);
}

/**
 * True when a variable named like a secret holds a literal value: not a secret-store reference, not a path to a
 * mounted secret file, not empty and not a placeholder. A reference is accepted whatever the variable is called.
 */
export function isLiteralSecret(name: string, value: unknown): boolean {
  if (!isSecretName(name) || typeof value !== "string") {
    return false;
  }
  const v = value.trim();
  return (
    v !== "" &&
    !isSecretReference(v) &&
    !placeholder.test(v) &&
    !filePath.test(v) &&
    !/^(true|false|\d+)$/i.test(v)
  );
}

/**
 * The finding for one environment entry (`label` names it in the message), or undefined: a literal under a secret's
 * name, or a value that looks like a secret by its shape, whatever the name. `expected` says where it belongs.
 */
export function secretEnvironmentFinding(
  label: string,
  name: string,
  value: unknown,
  expected: string,
): string | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  if (isLiteralSecret(name, value)) {
    return `${label} is named like a secret and holds a literal value; expected ${expected}.`;
  }
  const kind = secretValueKind(value);
  return kind === undefined
    ? undefined
    : `${label} holds what looks like ${kind}; expected ${expected}.`;
}
