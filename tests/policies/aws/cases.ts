/**
 * One table per policy: compliant, non-compliant (exact full messages), property absent, one case per configSchema
 * property, unknown values (indeterminate, never a pass) and other resource types. Every case runs through the
 * harness exactly as the analyzer runs the policy.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkResource } from "../harness";

export { unknown } from "../harness";

type Props = Record<string, unknown>;

export interface PolicyCases {
  /** The type token of the resource class the policy targets. */
  readonly type: string;
  readonly compliant: readonly Props[];
  /** [label, inputs, exact messages]. */
  readonly nonCompliant: readonly (readonly [string, Props, readonly string[]])[];
  /** The inputs with the checked property left out, and the exact messages ([] when absence is compliant). */
  readonly absent: readonly [Props, readonly string[]];
  /** [label, policy config, inputs, exact messages]; every configSchema property must appear in one. */
  readonly config?: readonly (readonly [
    string,
    Record<string, unknown>,
    Props,
    readonly string[],
  ])[];
  /** Inputs where the value the decision depends on is unknown. */
  readonly unknown?: readonly Props[];
  /** [inputs, reason] for resources of the right type the policy does not apply to. */
  readonly notApplicable?: readonly (readonly [Props, string])[];
}

export function describePolicy(policy: ResourceValidationPolicy, cases: PolicyCases): void {
  const { type } = cases;
  describe(policy.name, () => {
    it.each(cases.compliant.map((props, i) => [i + 1, props] as const))(
      "passes compliant case %i",
      async (_i, props) => {
        expect(await checkResource(policy, { type, props })).toEqual({
          violations: [],
          indeterminate: false,
        });
      },
    );

    if (cases.nonCompliant.length > 0) {
      it.each(cases.nonCompliant.map((c) => [...c]))(
        "fails %s",
        async (_label, props, messages) => {
          expect(await checkResource(policy, { type, props })).toEqual({
            violations: messages,
            indeterminate: false,
          });
        },
      );
    } else {
      it("has a failing case (the absent one)", () => {
        expect(cases.absent[1].length).toBeGreaterThan(0);
      });
    }

    it("decides when the checked property is absent", async () => {
      const [props, messages] = cases.absent;
      expect(await checkResource(policy, { type, props })).toEqual({
        violations: messages,
        indeterminate: false,
      });
    });

    // `suppressions` and `maxSuppressionDays` are the pack-wide exception settings every policy accepts; their own
    // tests live with them.
    const configured = Object.keys(policy.configSchema?.properties ?? {}).filter(
      (p) => p !== "suppressions" && p !== "maxSuppressionDays",
    );
    it("has a config case for every configSchema property", () => {
      const covered = new Set((cases.config ?? []).flatMap(([, config]) => Object.keys(config)));
      expect(configured.filter((p) => !covered.has(p))).toEqual([]);
      expect(configured).not.toContain("enforcementLevel");
    });

    if (cases.config && cases.config.length > 0) {
      it.each(cases.config.map((c) => [...c]))(
        "honours config: %s",
        async (_label, config, props, messages) => {
          expect(await checkResource(policy, { type, props }, config)).toEqual({
            violations: messages,
            indeterminate: false,
          });
        },
      );
    }

    if (cases.unknown && cases.unknown.length > 0) {
      it.each(cases.unknown.map((props, i) => [i + 1, props] as const))(
        "is indeterminate, never a pass, on unknown case %i",
        async (_i, props) => {
          expect((await checkResource(policy, { type, props })).indeterminate).toBe(true);
        },
      );
    }

    for (const [props, reason] of cases.notApplicable ?? []) {
      it(`does not apply: ${reason}`, async () => {
        expect((await checkResource(policy, { type, props })).notApplicable).toBe(reason);
      });
    }

    it("ignores other resource types", async () => {
      const out = await checkResource(policy, { type: "aws:other/other:Other", props: {} });
      expect(out.notApplicable).toBe(`Policy only applies to resources of type '${type}'`);
    });
  });
}
