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
