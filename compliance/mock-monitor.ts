/**
 * A resource monitor for `pulumi.runtime.setMocks` that records what the engine would see: the full register
 * request (parent, provider, options, dependencies) and URNs built as the engine builds them, with every ancestor's
 * type in the qualified type (the SDK's own MockMonitor keeps only the parent's). It also refuses, like the engine,
 * a custom resource without a provider when default providers are disabled.
 */
import type * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { getProject, getStack } from "@pulumi/pulumi/runtime/settings";
import { CapturedResource } from "./types";
import { PlanError } from "./errors";
import { declarationOf, framesOfRequest } from "./source-location";

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

/** The SDK's MockMonitor, typed loosely: its `newUrn` is private in the typings but is the hook to override. */
const BaseMonitor = MockMonitor as unknown as new (mocks: pulumi.runtime.Mocks) => {
  registerResource(req: any, callback: (err: any, resp?: any) => void): Promise<void>;
  invoke(req: any, callback: (err: any, resp?: any) => void): Promise<void>;
  registerResourceOutputs(req: any, callback: (err: any, resp?: any) => void): void;
};

export class CapturingMonitor extends BaseMonitor {
  readonly captured = new Map<string, CapturedResource>();
  readonly order: string[] = [];

  constructor(
    mocks: pulumi.runtime.Mocks,
    private readonly disabledDefaultProviders: readonly string[],
    /** Told of the first error the engine would report, since the SDK loses mock errors' messages. */
    private readonly onError: (err: Error) => void,
  ) {
    super(mocks);
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
      parent: req.getParent() || undefined,
      provider: providerUrn(providerRef),
      inputs: req.getObject()?.toJavaScript() ?? {},
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
      // Where the program declares it (issue 14: SARIF/JUnit locations). runProgram runs the program with the
      // program directory as the working directory, so it is the directory locations are relative to.
      ...locationOf(req),
    };
    // Program order, not completion order: the tree and report list resources as the program declared them.
    this.order.push(urn);
    return super.registerResource(req, (err: any, resp: any) => {
      if (err) {
        this.onError(err);
      } else if (resp) {
        record.outputs = resp.getObject()?.toJavaScript() ?? {};
        this.captured.set(urn, { ...record, id: resp.getId() || undefined });
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
}

function locationOf(req: any): { location?: CapturedResource["location"] } {
  const location = declarationOf(framesOfRequest(req), process.cwd());
  return location ? { location } : {};
}
