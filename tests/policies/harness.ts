/** The policy harness, shared with the benchmarks: fixtures/policy-harness.ts. */
export * from "../../fixtures/policy-harness";
