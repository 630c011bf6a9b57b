/** What the offline plan captures of each registered resource: what the engine would know of it. */
export interface ResourceOptionsRecord {
  readonly protect: boolean;
  readonly ignoreChanges: string[];
  readonly deleteBeforeReplace?: boolean;
  readonly additionalSecretOutputs: string[];
  readonly aliases: string[];
  readonly customTimeouts?: { create?: string; update?: string; delete?: string };
  readonly retainOnDelete: boolean;
  readonly replaceOnChanges: string[];
  readonly deletedWith?: string;
  readonly version?: string;
}

export interface CapturedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  /**
   * A component that a provider plugin builds (registered with `remote: true`, as awsx, eks and aws-apigateway
   * components are): the offline plan runs no plugin, so its children are neither planned nor checked.
   */
  readonly remote?: boolean;
  readonly id?: string;
  readonly parent?: string;
  /** URN of the provider resource that manages it (custom resources only). */
  readonly provider?: string;
  /** Inputs as the program sent them, in wire form (secrets, resource references and unknowns preserved). */
  readonly inputs: Record<string, unknown>;
  /** Outputs after the (mock) create: the resource's state. */
  outputs: Record<string, unknown>;
  readonly options: ResourceOptionsRecord;
  readonly dependencies: string[];
  readonly propertyDependencies: Record<string, string[]>;
  /** Where the program declares it (compliance/source-location.ts), when the registration carried a stack trace. */
  readonly location?: { file: string; line: number; column: number };
}
