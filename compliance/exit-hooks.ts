/**
 * Libraries may finish a program's resources when Node.js is about to exit: @pulumi/aws registers one
 * BucketNotification per bucket for all of the bucket's `onObjectCreated` subscriptions in a `beforeExit` listener.
 * The language host lets those listeners run (and waits for what they register) before the program counts as done;
 * the runner's process has other work keeping it alive, so it calls them itself, as Node.js would: again while
 * they keep registering resources.
 */
type Listener = (...args: unknown[]) => unknown;

export function beforeExitListeners(): ReadonlySet<Listener> {
  return new Set(process.listeners("beforeExit") as Listener[]);
}

/**
 * Calls the `beforeExit` listeners added since `existing` (the program's and its libraries'), then waits for what
 * they started (`settle`), until a round registers nothing new (`registered` counts registrations).
 */
export async function runBeforeExitListeners(
  existing: ReadonlySet<Listener>,
  settle: () => Promise<unknown>,
  registered: () => number,
): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const added = (process.listeners("beforeExit") as Listener[]).filter((l) => !existing.has(l));
    if (added.length === 0) {
      return;
    }
    const count = registered();
    for (const listener of added) {
      listener.call(process, 0);
    }
    await settle();
    if (registered() === count) {
      return;
    }
  }
}
