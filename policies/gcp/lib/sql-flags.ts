/** Cloud SQL database flags as CIS GCP section 6 requires them, judged flag by flag. */

export interface Flag {
  readonly name: string;
  readonly value: string;
}

/**
 * One finding per required flag that is missing or set to a value outside its accepted values, and per `ifSet`
 * flag whose engine default complies but which is set to a value outside its accepted values.
 */
export function flagFindings(
  flags: readonly Flag[],
  required: Readonly<Record<string, readonly string[]>>,
  ifSet: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const overridden = Object.entries(ifSet).flatMap(([name, accepted]) => {
    const flag = flags.find((f) => f.name === name);
    return flag === undefined || accepted.includes(String(flag.value).toLowerCase())
      ? []
      : [
          `settings.databaseFlags ${JSON.stringify(name)} is ${JSON.stringify(flag.value)}; expected ${accepted.map((v) => JSON.stringify(v)).join(" or ")} (or unset: the engine default complies).`,
        ];
  });
  const missing = Object.entries(required).flatMap(([name, accepted]) => {
    const flag = flags.find((f) => f.name === name);
    if (flag !== undefined && accepted.includes(String(flag.value).toLowerCase())) {
      return [];
    }
    return [
      `settings.databaseFlags ${JSON.stringify(name)} is ${flag === undefined ? "not set (the engine default)" : JSON.stringify(flag.value)}; expected ${accepted.map((v) => JSON.stringify(v)).join(" or ")}.`,
    ];
  });
  return [...missing, ...overridden];
}
