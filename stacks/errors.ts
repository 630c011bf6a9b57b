/**
 * The one error class for mistakes a user can fix in their stack configuration. Its message always names the key,
 * the value received and what is expected, and says where to change it.
 */
export class ConfigurationError extends Error {
  constructor(
    readonly key: string,
    readonly received: unknown,
    readonly expected: string,
  ) {
    super(
      `Invalid configuration [${key}]: received ${describe(received)}; expected ${expected}. ` +
        `Set it with \`pulumi config set ${key} <value>\` or edit Pulumi.<stack>.yaml.`,
    );
    this.name = "ConfigurationError";
  }
}

function describe(value: unknown): string {
  if (value === undefined) {
    return "nothing (the key is not set)";
  }
  return JSON.stringify(value);
}
