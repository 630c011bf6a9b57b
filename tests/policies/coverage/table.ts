/**
 * Compact per-policy tables for the service policies: a compliant `base` resource, variants that must pass (near
 * misses included), variants that must fail with the findings they must report (one entry per finding, matched as
 * substrings of the full message, and nothing else), and variants with an unknown value that must end
 * indeterminate while still reporting the known findings listed. Each variant is the base with a deep patch;
 * `undefined` in a patch removes the property.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkResource } from "../harness";

export { unknown } from "../harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getPulumiType } = require("@pulumi/policy/policy");

type Props = Record<string, unknown>;

export interface Table {
  readonly policy: ResourceValidationPolicy;
  readonly base: Props;
  readonly pass?: readonly Props[];
  readonly fail: readonly (readonly [Props, readonly string[]])[];
  /** [patch, known findings still reported]; the outcome must be indeterminate. */
  readonly unknown?: readonly (readonly [Props, readonly string[]])[];
}

function isObject(v: unknown): v is Props {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function patched(base: Props, patch: Props): Props {
  const out: Props = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) {
      delete out[k];
    } else if (isObject(v) && isObject(out[k])) {
      out[k] = patched(out[k] as Props, v);
    } else {
      out[k] = v;
    }
  }
  return out;
}

export function typeOf(policy: ResourceValidationPolicy): string {
  return getPulumiType(policy.validateResource);
}

export function describeTables(tables: readonly Table[]): void {
  for (const t of tables) {
    const type = typeOf(t.policy);
    describe(t.policy.name, () => {
      it.each([{}, ...(t.pass ?? [])].map((p, i) => [i, p] as const))(
        "passes compliant variant %i",
        async (_i, patch) => {
          expect(await checkResource(t.policy, { type, props: patched(t.base, patch) })).toEqual({
            violations: [],
            indeterminate: false,
          });
        },
      );
      it.each(t.fail.map(([p, m], i) => [i, p, m] as const))(
        "fails flawed variant %i",
        async (_i, patch, findings) => {
          const out = await checkResource(t.policy, { type, props: patched(t.base, patch) });
          expect(out).toEqual({
            violations: findings.map((f) => expect.stringContaining(f)),
            indeterminate: false,
          });
          // Every message names its control ids.
          expect(out.violations.every((v) => / \(Control ID: .+\)$/.test(v))).toBe(true);
        },
      );
      for (const [i, [patch, findings]] of (t.unknown ?? []).entries()) {
        it(`is indeterminate, reporting the known findings, on unknown variant ${i}`, async () => {
          expect(await checkResource(t.policy, { type, props: patched(t.base, patch) })).toEqual({
            violations: findings.map((f) => expect.stringContaining(f)),
            indeterminate: true,
          });
        });
      }
      it("ignores other resource types", async () => {
        const out = await checkResource(t.policy, { type: "aws:other/other:Other", props: {} });
        expect(out.notApplicable).toBe(`Policy only applies to resources of type '${type}'`);
      });
    });
  }
}
