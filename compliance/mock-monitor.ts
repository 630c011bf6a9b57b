/**
 * A resource monitor for `pulumi.runtime.setMocks` that records what the engine would see: the full register
 * request (parent, provider, options, dependencies) and URNs built as the engine builds them, with every ancestor's
 * type in the qualified type (the SDK's own MockMonitor keeps only the parent's). It also refuses, like the engine,
 * a custom resource without a provider when default providers are disabled, and a file asset or archive whose path
 * does not exist (the engine hashes assets when it registers the resource and fails there).
 *
 * It extends the MockMonitor of the @pulumi/pulumi copy the program runs with (its own, or the runner's).
 */
import * as fs from "fs";
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import { CapturedResource } from "./types";
import { PlanError } from "./errors";
import { declarationOf, framesOfRequest } from "./source-location";

const assetSig = "c44067f5952c0a294b673a41bacd8c17";
const archiveSig = "0def7320c3a5731c473e5ecbe6d01bc7";

/** Splits a provider reference `urn::id` into its URN (URNs contain `::` themselves). */
export function providerUrn(ref: string): string | undefined {
  if (!ref) {
    return undefined;
  }
  const cut = ref.lastIndexOf("::");
  return cut > 0 ? ref.slice(0, cut) : ref;
}

/** The engine's URN: `urn:pulumi:<stack>::<project>::<parent qualified type>$<type>::<name>`. */
export function engineUrn(
  stack: string,
  project: string,
  parentUrn: string | undefined,
  type: string,
  name: string,
) {
  const rootType = "pulumi:pulumi:Stack";
  let qualified = type;
  if (parentUrn) {
    const parentQualified = parentUrn.split("::")[2];
    // Resources parented to the stack root do not carry its type.
    if (parentQualified !== rootType) {
      qualified = `${parentQualified}$${type}`;
    }
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

function secondsOf(duration: string): string | undefined {
  return duration === "" ? undefined : duration;
}

/**
 * The first file asset or archive in `value` whose local path does not exist, as `[property path, file path]`.
 * Paths are relative to the program's directory, as the engine reads them.
 */
export function missingAssetPath(
  value: unknown,
  dir: string,
  at = "",
): [string, string, "asset" | "archive"] | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = missingAssetPath(value[i], dir, `${at}[${i}]`);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
  if (value === null || typeof value !== "object") {
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  const sig = obj["4dabf18193072939515e22adb298388d"];
  if ((sig === assetSig || sig === archiveSig) && typeof obj["path"] === "string") {
    const file = obj["path"];
    if (!fs.existsSync(path.resolve(dir, file))) {
      return [at, file, sig === assetSig ? "asset" : "archive"];
    }
  }
  for (const [k, v] of Object.entries(obj)) {
    if (v !== null && typeof v === "object") {
      const found = missingAssetPath(v, dir, at ? `${at}.${k}` : k);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

export interface MonitorOptions {
  readonly disabledDefaultProviders: readonly string[];
  /** Asset and archive paths are relative to it. */
  readonly programDir: string;
  /** Told of the first error the engine would report, since the SDK loses mock errors' messages. */
  readonly onError: (err: Error) => void;
  /** Told of each resource once registered, in registration order. */
  readonly onResource?: (r: CapturedResource) => void;
}

/** The SDK's MockMonitor, typed loosely: its `newUrn` is private in the typings but is the hook to override. */
type BaseMonitorClass = new (mocks: pulumi.runtime.Mocks) => {
  registerResource(req: any, callback: (err: any, resp?: any) => void): Promise<void>;
  invoke(req: any, callback: (err: any, resp?: any) => void): Promise<void>;
  registerResourceOutputs(req: any, callback: (err: any, resp?: any) => void): void;
};

export type CapturingMonitor = InstanceType<ReturnType<typeof createCapturingMonitor>>;

export function createCapturingMonitor(
  mockMonitor: unknown,
  settings: { getProject(): string; getStack(): string },
) {
  const BaseMonitor = mockMonitor as BaseMonitorClass;
  const { getProject, getStack } = settings;
  return class CapturingMonitor extends BaseMonitor {
    readonly captured = new Map<string, CapturedResource>();
    readonly order: string[] = [];
    private readonly disabledDefaultProviders: readonly string[];
    private readonly onError: (err: Error) => void;

    constructor(
      mocks: pulumi.runtime.Mocks,
      private readonly options: MonitorOptions,
    ) {
      super(mocks);
      this.disabledDefaultProviders = options.disabledDefaultProviders;
      this.onError = options.onError;
    }

    async invoke(req: any, callback: (err: any, resp?: any) => void): Promise<void> {
      return super.invoke(req, (err: any, resp: any) => {
        if (err) {
          this.onError(err);
          // The SDK reads `details` from a gRPC error.
          err.details = err.message;
        }
        callback(err, resp);
      });
    }

    newUrn(parent: string, type: string, name: string): string {
      return engineUrn(getStack(), getProject(), parent || undefined, type, name);
    }

    async registerResource(req: any, callback: (err: any, resp?: any) => void): Promise<void> {
      const type: string = req.getType();
      const custom: boolean = req.getCustom();
      const providerRef: string = req.getProvider();
      const pkg = type.split(":")[0];
      const isProvider = type.startsWith("pulumi:providers:");
      const urn = this.newUrn(req.getParent(), type, req.getName());
      if (
        custom &&
        !isProvider &&
        !providerRef &&
        (this.disabledDefaultProviders.includes("*") || this.disabledDefaultProviders.includes(pkg))
      ) {
        const err = new PlanError(
          "program",
          `Default provider for '${pkg}' disabled. '${urn}' must use an explicit provider ` +
            `(pulumi:disable-default-providers is ${JSON.stringify(this.disabledDefaultProviders)}).`,
        );
        this.onError(err);
        callback(Object.assign(err, { details: err.message }));
        return;
      }
      const inputs: Record<string, unknown> = req.getObject()?.toJavaScript() ?? {};
      const missing = missingAssetPath(inputs, this.options.programDir);
      if (missing) {
        const [property, file, kind] = missing;
        const err = new PlanError(
          "program",
          `${urn}: property ${property}: failed to compute ${kind} hash: ` +
            `${kind === "asset" ? `failed to open asset file '${file}'` : `couldn't read archive path '${file}'`}: ` +
            `no such file or directory (relative to ${this.options.programDir}; the engine fails the same way ` +
            `when it registers the resource).`,
        );
        this.onError(err);
        callback(Object.assign(err, { details: err.message }));
        return;
      }
      const propertyDependencies: Record<string, string[]> = {};
      req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
        propertyDependencies[key] = deps.getUrnsList();
      });
      const timeouts = req.getCustomtimeouts();
      const aliases: string[] = [
        ...req.getAliasurnsList(),
        ...req
          .getAliasesList()
          .map((a: any) => (a.getUrn ? a.getUrn() : ""))
          .filter((u: string) => u),
      ];
      const record: CapturedResource = {
        urn,
        type,
        name: req.getName(),
        custom,
        ...(!custom && req.getRemote() ? { remote: true } : {}),
        parent: req.getParent() || undefined,
        provider: providerUrn(providerRef),
        inputs,
        outputs: {},
        options: {
          protect: req.hasProtect() ? req.getProtect() : false,
          ignoreChanges: req.getIgnorechangesList(),
          deleteBeforeReplace: req.getDeletebeforereplacedefined()
            ? req.getDeletebeforereplace()
            : undefined,
          additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
          aliases,
          customTimeouts: timeouts
            ? {
                create: secondsOf(timeouts.getCreate()),
                update: secondsOf(timeouts.getUpdate()),
                delete: secondsOf(timeouts.getDelete()),
              }
            : undefined,
          retainOnDelete: Boolean(req.getRetainondelete()),
          replaceOnChanges: req.getReplaceonchangesList(),
          deletedWith: req.getDeletedwith() || undefined,
          version: req.getVersion() || undefined,
        },
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        // Where the program declares it (SARIF and JUnit locations). runProgram runs the program with the program
        // directory as the working directory, so it is the directory locations are relative to.
        ...locationOf(req),
      };
      // Program order, not completion order: the tree and report list resources as the program declared them.
      this.order.push(urn);
      return super.registerResource(req, (err: any, resp: any) => {
        if (err) {
          this.onError(err);
        } else if (resp) {
          record.outputs = resp.getObject()?.toJavaScript() ?? {};
          const done = { ...record, id: resp.getId() || undefined };
          this.captured.set(urn, done);
          this.options.onResource?.(done);
        }
        callback(err, resp);
      });
    }

    registerResourceOutputs(req: any, callback: (err: any, resp?: any) => void): void {
      const found = this.captured.get(req.getUrn());
      if (found) {
        found.outputs = { ...found.outputs, ...(req.getOutputs()?.toJavaScript() ?? {}) };
      }
      super.registerResourceOutputs(req, callback);
    }

    capturedResources(): CapturedResource[] {
      return this.order.flatMap((u) => this.captured.get(u) ?? []);
    }
  };
}

function locationOf(req: any): { location?: CapturedResource["location"] } {
  const location = declarationOf(framesOfRequest(req), process.cwd());
  return location ? { location } : {};
}
