/** Exit codes of `npm run plan`, as the Pulumi CLI uses them. */
export const exitCodes = { ok: 0, usage: 2, policyFailure: 5 } as const;

/** A mistake the user can fix: a bad flag, stack file, policy configuration or program. Exits 2. */
export class PlanError extends Error {
  constructor(
    readonly kind: "usage" | "configuration" | "program" | "policy-pack",
    message: string,
  ) {
    super(message);
    this.name = "PlanError";
  }
}

/**
 * Runs a command's `main` and exits with its code; a PlanError it throws is printed as the user's mistake it is
 * (exit 2), anything else with its stack (exit 2).
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(
        err instanceof PlanError
          ? `error: ${err.kind} error: ${err.message}\n`
          : `error: ${(err as Error).stack ?? err}\n`,
      );
      process.exit(exitCodes.usage);
    },
  );
}
