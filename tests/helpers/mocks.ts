/**
 * Pulumi mocks for component tests: every registered resource is recorded with its type, name and inputs;
 * invokes fail unless a test supplies them, so nothing reaches a cloud and nothing passes by accident.
 */
import * as pulumi from "@pulumi/pulumi";

export interface Recorded {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  readonly provider?: string;
}

export function setupMocks(
  invokes: Record<string, (inputs: Record<string, any>) => Record<string, unknown>> = {},
  outputs: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown> = () => ({}),
): Recorded[] {
  const recorded: Recorded[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        recorded.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          provider: args.provider,
        });
        return {
          id: `${args.name}-id`,
          state: {
            ...args.inputs,
            arn: `arn:aws:mock:::${args.name}`,
            name: args.inputs.name ?? args.name,
            ...outputs(args),
          },
        };
      },
      call: (args) => {
        const mock = invokes[args.token];
        if (!mock) {
          throw new Error(`unexpected invoke ${args.token}`);
        }
        return mock(args.inputs);
      },
    },
    "mediconnect",
    "test",
    false,
  );
  return recorded;
}

/** Resolves an Output's value; a test must await this rather than assert inside apply. */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** Waits until every registration the program started has reached the mocks. */
export async function settled(): Promise<void> {
  // waitForRPCs is internal to the SDK, so its typings do not declare it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
  await settings.waitForRPCs();
}

export function only(recorded: readonly Recorded[], type: string): Recorded {
  const found = recorded.filter((r) => r.type === type);
  if (found.length !== 1) {
    throw new Error(
      `expected one ${type}, found ${found.length}: ${recorded.map((r) => r.type).join(", ")}`,
    );
  }
  return found[0];
}
