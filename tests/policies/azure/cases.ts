/** Table-driven policy specs: each policy gets compliant, non-compliant, property-absent, unknown and config cases. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkResource } from "../harness";

type Props = Record<string, unknown>;

export interface PolicyCases {
  readonly policy: ResourceValidationPolicy;
  readonly type: string;
  /** Properties every case starts from (required inputs that are not under test). */
  readonly base?: Props;
  readonly pass: readonly Props[];
  /** Properties and the exact messages expected. */
  readonly fail: readonly (readonly [Props, readonly string[]])[];
  /** The exact messages when the properties under test are absent ([] when absence is compliant). */
  readonly absent: readonly string[];
  /** Properties holding an unknown value the policy must read. */
  readonly unknown: Props;
  /** Policy config, properties and the exact messages expected. */
  readonly config?: readonly (readonly [Props, Props, readonly string[]])[];
}

export function describePolicy(c: PolicyCases): void {
  const run = (props: Props, config: Props = {}) =>
    checkResource(c.policy, { type: c.type, props: { ...c.base, ...props } }, config);
  describe(c.policy.name, () => {
    it.each(c.pass.map((p) => [JSON.stringify(p), p] as const))(
      "passes %s",
      async (_label, props) => {
        expect(await run(props)).toEqual({ violations: [], indeterminate: false });
      },
    );
    it.each(c.fail.map(([p, m]) => [JSON.stringify(p), p, m] as const))(
      "fails %s",
      async (_label, props, messages) => {
        expect((await run(props)).violations).toEqual(messages);
      },
    );
    it("handles the properties being absent", async () => {
      expect((await run({})).violations).toEqual(c.absent);
    });
    it("is indeterminate, never passing, when a value is unknown", async () => {
      expect(await run(c.unknown)).toEqual({ violations: [], indeterminate: true });
    });
    it("is not applicable to other resource types", async () => {
      const out = await checkResource(c.policy, {
        type: "azure-native:resources:ResourceGroup",
        props: {},
      });
      expect(out.notApplicable).toBe(`Policy only applies to resources of type '${c.type}'`);
    });
    for (const [config, props, messages] of c.config ?? []) {
      it(`honours config ${JSON.stringify(config)} on ${JSON.stringify(props)}`, async () => {
        expect((await run(props, config)).violations).toEqual(messages);
      });
    }
  });
}
