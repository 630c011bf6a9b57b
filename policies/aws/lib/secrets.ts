/** What secret material looks like in environment variables, by name and by value. */

const secretName =
  /(password|passwd|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|credential|client[_-]?secret)/i;
/** Names that point at a secret instead of holding one (an ARN, a parameter name, a key id). */
const referenceName = /(_ARN|_NAME|_ID|_PARAM|_PARAMETER|_PATH|_TABLE)$/i;

/** True when an environment variable name suggests it holds a secret value. */
export function isSecretName(name: string): boolean {
  return secretName.test(name) && !referenceName.test(name);
}

const secretValues: readonly [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a PEM private key"],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key id"],
  [/\bgh[pousr]_[A-Za-z0-9]{36}\b/, "a GitHub token"],
  [/\bxox[abpr]-[A-Za-z0-9-]{10,}/, "a Slack token"],
  [/\bsk_live_[A-Za-z0-9]{16,}/, "a Stripe live key"],
  [/^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "a JSON Web Token"],
];

/** What kind of secret a value looks like, or undefined. */
export function secretValueKind(value: string): string | undefined {
  return secretValues.find(([pattern]) => pattern.test(value))?.[1];
}
