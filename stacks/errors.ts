/**
 * The one error class for mistakes a user can fix in their stack configuration. Its message always names the key,
 * the value received (or says it is not shown, for a value that may be a secret) and what is expected, and says
 * where to change it.
 */
export class ConfigurationError extends Error {
  constructor(
    readonly key: string,
    readonly received: unknown,
    readonly expected: string,
    /** How to fix it. @default set the key with `pulumi config set` or in Pulumi.<stack>.yaml */
    fix = `Set it with \`pulumi config set ${key} <value>\` or edit Pulumi.<stack>.yaml.`,
  ) {
    super(
      `Invalid configuration [${key}]: received ${describe(received)}; expected ${expected}. ${fix}`,
    );
    this.name = "ConfigurationError";
  }
}

/** Stands for a value an error must not quote (it may be a secret typed in plain text). */
export const notShown: unique symbol = Symbol("not shown");

function describe(value: unknown): string {
  if (value === undefined) {
    return "nothing (the key is not set)";
  }
  if (value === notShown) {
    return "a value (not shown)";
  }
  return JSON.stringify(value);
}
