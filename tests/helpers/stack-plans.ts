/**
 * This project's stacks run through the offline plan with the full policy pack, once per test file: the plan tests
 * of each cloud's side read their resources and findings from here.
 */
import * as path from "path";
import { runWorker } from "../../compliance/cli";
import type { WorkerResult } from "../../compliance/worker";

const root = path.resolve(__dirname, "../..");
export const stacks = ["prod", "eu"] as const;
export type Stack = (typeof stacks)[number];
export type Ok = Extract<WorkerResult, { ok: true }>;

/**
 * Plans both stacks in a `beforeAll` of the calling file; the returned function gives a stack's plan, or throws
 * with the cause when that plan failed.
 */
export function planStacks(): (stack: Stack) => Ok {
  const results: Partial<Record<Stack, WorkerResult>> = {};
  beforeAll(async () => {
    await Promise.all(
      stacks.map(async (stack) => {
        results[stack] = await runWorker({
          programDir: root,
          stack,
          packDir: path.join(root, "policies"),
        });
      }),
    );
  }, 300000);
  return (stack) => {
    const result = results[stack];
    if (!result || !result.ok) {
      throw new Error(
        `the plan of ${stack} failed: ${result && !result.ok ? result.message : "no result"}`,
      );
    }
    return result;
  };
}
