/** ECS container definitions arrive as one JSON string; this reads the parts the ECS policies judge. */

export interface ContainerFacts {
  readonly name: string;
  readonly environment: readonly { name: string; value: string }[];
  readonly privileged: boolean;
  readonly logs: boolean;
  /** The container's `readonlyRootFilesystem` as given (undefined when not set: ECS then mounts it writable). */
  readonly readonlyRootFilesystem: unknown;
}

/**
 * The containers of a task definition's `containerDefinitions` (a JSON string, or an already parsed list).
 * A value that is not JSON yields no containers.
 */
export function containersOf(definitions: unknown): ContainerFacts[] {
  let parsed: unknown;
  try {
    parsed = typeof definitions === "string" ? JSON.parse(definitions) : definitions;
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) {
    return [];
  }
  return parsed
    .filter((c): c is Record<string, unknown> => typeof c === "object" && c !== null)
    .map((c, i) => ({
      name: typeof c.name === "string" ? c.name : `#${i}`,
      environment: (Array.isArray(c.environment) ? c.environment : [])
        .filter((e: unknown): e is { name: string; value: string } => {
          const v = e as { name?: unknown; value?: unknown };
          return typeof v?.name === "string" && typeof v.value === "string";
        })
        .map((e) => ({ name: e.name, value: e.value })),
      privileged: c.privileged === true,
      logs: typeof c.logConfiguration === "object" && c.logConfiguration !== null,
      readonlyRootFilesystem: c.readonlyRootFilesystem,
    }));
}
