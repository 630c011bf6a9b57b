/**
 * What the typed reader in config.ts cannot see by itself: keys of the platform's namespace that it does not read
 * (a misspelt `mediconnect:awsRegoin` would otherwise be ignored and its default silently used), and a secret key
 * given in plain text, which the Pulumi CLI refuses for keys Pulumi.yaml declares `secret: true`.
 */
import { ConfigurationError, notShown } from "./errors";

/** The platform's keys read as secrets; Pulumi.yaml declares each with `secret: true`. */
export const secretConfigKeys = ["pseudonymKey"] as const;

/** Edit distance (insertions, deletions, substitutions and swaps of neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[s.length][t.length];
}

/** The known key closest to `key`; the first in `known` order wins a tie. */
export function nearestKey(key: string, known: readonly string[]): string {
  return known.reduce((best, k) => (editDistance(key, k) < editDistance(key, best) ? k : best));
}

/**
 * Throws a ConfigurationError for the first key of `namespace` in `config` (fully qualified keys, as
 * `pulumi.runtime.allConfig()` returns them) that is not among `known`, naming the nearest known key; and for a
 * key of `secrets` that has a value the engine does not mark secret. Neither message quotes the value.
 */
export function checkConfigKeys(
  namespace: string,
  config: Readonly<Record<string, string>>,
  known: readonly string[],
  secrets: readonly string[],
  isSecret: (key: string) => boolean,
): void {
  const prefix = `${namespace}:`;
  const all = [...known, ...secrets];
  for (const full of Object.keys(config).sort()) {
    if (!full.startsWith(prefix)) {
      continue;
    }
    const name = full.slice(prefix.length);
    if (!all.includes(name)) {
      const nearest = `${prefix}${nearestKey(name, all)}`;
      throw new ConfigurationError(
        full,
        notShown,
        `a key the platform reads; the nearest is ${nearest}`,
        `Rename it in Pulumi.<stack>.yaml (or \`pulumi config rm ${full}\` and set ${nearest}); Pulumi.yaml lists every key.`,
      );
    }
    if (secrets.includes(name) && !isSecret(full)) {
      throw new ConfigurationError(
        full,
        notShown,
        "an encrypted value, since Pulumi.yaml declares the key secret",
        `Set it with \`pulumi config set --secret ${full} <value>\` and remove the plain-text value from Pulumi.<stack>.yaml.`,
      );
    }
  }
}
