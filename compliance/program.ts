/**
 * Runs a Pulumi program in this process as `pulumi preview` runs it, under `pulumi.runtime.setMocks` in preview mode
 * (inside the root Stack resource, with the stack's configuration), and returns every resource it registered.
 * Preview mode gives the engine's preview semantics: an output the mocks do not model is unknown (its `apply`
 * callbacks do not run), and a data-source call whose inputs are unknown returns unknown without being called.
 * One program per process: the Pulumi runtime's state is process-wide.
 */
import * as path from "path";
import Module from "module";
import type * as pulumiTypes from "@pulumi/pulumi";
import { createCapturingMonitor, providerUrn } from "./mock-monitor";
import { mockInvoke } from "./invokes";
import { beforeExitListeners, runBeforeExitListeners } from "./exit-hooks";
import { PlanError } from "./errors";
import { ProgramProject, StackConfig } from "./stack-config";
import { CapturedResource } from "./types";
import { mockOutputs } from "./mock-outputs";
import { packageOf, programPackages, ProgramPackages } from "./packages";

const projectRoot = path.resolve(__dirname, "..");

/**
 * A program directory whose package.json names no @pulumi package (a bare directory of .ts files): @pulumi/*
 * resolve from this runner, always to the copies the runner loads, since the mocks live in @pulumi/pulumi's
 * process-wide state.
 */
function resolvePulumiPackagesFromRunner(): void {
  const mod = Module as unknown as {
    _resolveFilename: (
      request: string,
      parent: unknown,
      isMain: boolean,
      options?: unknown,
    ) => string;
  };
  const original = mod._resolveFilename;
  mod._resolveFilename = function (request, parent, isMain, options) {
    if (request.startsWith("@pulumi/")) {
      return original.call(this, request, parent, isMain, { paths: [projectRoot] });
    }
    return original.call(this, request, parent, isMain, options);
  };
}

/** The copy of @pulumi/pulumi the program runs with, and the runtime modules the runner drives. */
interface Sdk {
  readonly dir: string;
  readonly pulumi: typeof pulumiTypes;
  readonly settings: any;
  readonly mocks: any;
  readonly debuggable: any;
}

function loadSdk(packages: ProgramPackages): Sdk {
  const dir = path.dirname(
    require.resolve("@pulumi/pulumi/package.json", { paths: [packages.sdkBase] }),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (p: string) => require(path.join(dir, p));
  return {
    dir,
    pulumi: load("index.js"),
    settings: load("runtime/settings.js"),
    mocks: load("runtime/mocks.js"),
    debuggable: load("runtime/debuggable.js"),
  };
}

/**
 * The SDK wraps most of its promises (hundreds per resource) in `debuggablePromise`, which gives each an id, a label
 * and a stack trace as extra properties and keeps it in a process-wide set until it settles, only to list the ones
 * still pending when the process exits (the "promises were still active" report, which the runner never prints: it
 * reports a stalled program itself). On a 1,200-resource program that bookkeeping was a large share of the memory
 * a program held at once, and formatting the traces with source maps on was most of its time. The runner's
 * wrapper keeps only what the program can observe: the same chain of settlements (so the same order of events),
 * and the `promise` property the SDK sets on a rejection.
 */
const settled = <T>(val: T): T => val;

function leanDebuggablePromises(debuggable: any): void {
  const original = debuggable?.debuggablePromise;
  if (typeof original !== "function" || original.__planPatched) {
    return;
  }
  const lean = function <T>(p: Promise<T>): Promise<T> {
    return p.then(settled).catch(function (err: any) {
      "use strict"; // as in the SDK: a rejection with a primitive fails here with a TypeError
      err.promise = p;
      throw err;
    });
  };
  (lean as any).__planPatched = true;
  debuggable.debuggablePromise = lean;
}

export interface ProgramRun {
  readonly resources: CapturedResource[];
  readonly outputs: Record<string, unknown>;
}

export interface RunOptions {
  /** Told of each resource as soon as it is registered (inputs known), in registration order. */
  readonly onResource?: (r: CapturedResource) => void;
}

export async function runProgram(
  project: ProgramProject,
  config: StackConfig,
  opts: RunOptions = {},
): Promise<ProgramRun> {
  const packages = programPackages(project.dir, projectRoot);
  if (!packages.own) {
    resolvePulumiPackagesFromRunner();
  }
  const sdk = loadSdk(packages);
  leanDebuggablePromises(sdk.debuggable);
  const pulumi = sdk.pulumi;
  const disabled = parseDisabledProviders(config.values["pulumi:disable-default-providers"]);
  // A failed registration or invoke leaves outputs that never resolve: the first error ends the run.
  let fail: (err: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  failed.catch(() => undefined);
  const providerInputs = (ref: string | undefined) =>
    decodeProviderInputs(
      (ref ? monitor.captured.get(providerUrn(ref) ?? "")?.inputs : undefined) ?? {},
    );
  const mocks: pulumiTypes.runtime.Mocks = {
    newResource: (args) => mockOutputs(args, config.values, providerInputs(args.provider)),
    call: (args) =>
      mockInvoke(args.token, args.inputs, {
        provider: providerInputs(args.provider),
        config: config.values,
      }),
  };
  const CapturingMonitor = createCapturingMonitor(sdk.mocks.MockMonitor, sdk.settings);
  // The mocks' callbacks run only after registration starts, by which time the monitor exists.
  const monitor = new CapturingMonitor(mocks, {
    disabledDefaultProviders: disabled,
    programDir: project.dir,
    onError: (err) => fail(err),
    onResource: opts.onResource,
  });
  const preview = true;
  await pulumi.runtime.setMocks(mocks, project.name, config.stack, preview);
  if (typeof sdk.settings.setMockOptions === "function") {
    sdk.settings.setMockOptions(monitor, project.name, config.stack, preview);
  } else {
    throw new PlanError(
      "program",
      `The program's @pulumi/pulumi in ${sdk.dir} has no mock support the offline plan can drive ` +
        `(runtime/settings setMockOptions); use @pulumi/pulumi 3.x in the program's package.json.`,
    );
  }
  pulumi.runtime.setAllConfig({ ...config.values }, [...config.secretKeys]);

  const onFailure = (reason: unknown) => fail(reason);
  // Nothing left to run while the program has not finished: it waits on something that never settles.
  const onStall = () =>
    fail(
      new PlanError(
        "program",
        `The program ${path.relative(process.cwd(), project.main) || project.main} stopped making progress ` +
          `before it finished: it waits on a promise or output that never settles (${monitor.order.length} ` +
          `resources registered so far).`,
      ),
    );
  process.on("unhandledRejection", onFailure);
  process.on("uncaughtException", onFailure);
  process.on("beforeExit", onStall);
  const runnerExitListeners = beforeExitListeners();
  const previousCwd = process.cwd();
  process.chdir(project.dir);
  let outputs: Record<string, unknown> = {};
  let failure: unknown;
  try {
    const run = pulumi.runtime.runInPulumiStack(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      let exported = require(project.main);
      if (exported && exported.__esModule && typeof exported.default === "function") {
        exported = exported.default;
      }
      return typeof exported === "function" ? await exported() : exported;
    });
    outputs = (await Promise.race([run, failed])) as Record<string, unknown>;
    await Promise.race([sdk.settings.waitForRPCs(), failed]);
    // What the program's libraries register when Node.js is about to exit (compliance/exit-hooks.ts).
    await runBeforeExitListeners(
      runnerExitListeners,
      () => Promise.race([sdk.settings.waitForRPCs(), failed]),
      () => monitor.order.length,
    );
  } catch (err) {
    failure = err;
  } finally {
    process.chdir(previousCwd);
    process.off("unhandledRejection", onFailure);
    process.off("uncaughtException", onFailure);
    process.off("beforeExit", onStall);
  }
  if (failure !== undefined) {
    // After the first error, the SDK keeps rejecting its pending promises (each failed registration or invoke once
    // more, as new Error objects, some seconds later while the TypeScript check runs): the first error is the one
    // reported below, and these echoes must not end the process before the result is sent.
    process.on("unhandledRejection", () => undefined);
    throw asProgramError(failure, project, packages);
  }
  return { resources: monitor.capturedResources(), outputs: outputs ?? {} };
}

/** Providers receive structured settings as JSON strings (as the engine does); mocks want the values. */
function decodeProviderInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => {
      if (typeof v === "string" && /^[[{]/.test(v)) {
        try {
          return [k, JSON.parse(v)];
        } catch {
          return [k, v];
        }
      }
      return [k, v];
    }),
  );
}

function parseDisabledProviders(value: string | undefined): string[] {
  if (value === undefined) {
    return [];
  }
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    return [value];
  }
}

/**
 * The error's first line, then only the stack frames in the program's own files: not the runner's, the SDK's or
 * Node's, which say nothing about what to fix.
 */
export function programStack(err: Error, programDir: string): string {
  const lines = (err.stack ?? `${err.name}: ${err.message}`).split("\n");
  const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
  const head = firstFrame < 0 ? lines : lines.slice(0, firstFrame);
  const frames = firstFrame < 0 ? [] : lines.slice(firstFrame);
  const own = frames.filter((l) => {
    const file = /\(?((?:file:\/\/)?\/[^():]+)(?::\d+){0,2}\)?$/
      .exec(l.trim())?.[1]
      ?.replace("file://", "");
    return (
      file !== undefined &&
      file.startsWith(programDir + path.sep) &&
      !file.includes(`${path.sep}node_modules${path.sep}`)
    );
  });
  return [...head, ...own].join("\n");
}

function asProgramError(
  err: unknown,
  project: ProgramProject,
  packages: ProgramPackages,
): PlanError {
  if (err instanceof PlanError) {
    return err;
  }
  const e = err as Error & { code?: string };
  const where = `program ${path.relative(process.cwd(), project.main) || project.main}`;
  const className = (e as { constructor?: { name?: string } })?.constructor?.name ?? "";
  const runError = (e as { __pulumiRunError?: boolean })?.__pulumiRunError === true;
  // The SDK's config errors (ConfigMissingError, ConfigTypeError, ...) are RunErrors: a message, no stack.
  if (e?.name === "ConfigurationError" || (runError && /^Config[A-Za-z]*Error$/.test(className))) {
    return new PlanError("configuration", e.message);
  }
  if (e?.code === "MODULE_NOT_FOUND") {
    const missing = /Cannot find module '([^']+)'/.exec(e.message)?.[1];
    const pkg = missing ? packageOf(missing) : undefined;
    if (pkg) {
      const range = packages.declared[pkg];
      return new PlanError(
        "program",
        `The ${where} requires the package ${pkg}${range ? `@${range} (in its package.json)` : " (not in its package.json)"}, ` +
          `which is not installed: run \`npm install\` in ${project.dir}${range ? "" : ` (after adding ${pkg} to its package.json)`}, then plan again.`,
      );
    }
  }
  if (runError || e?.name === "RunError" || e?.name === "ResourceError") {
    return new PlanError("program", `The ${where} failed: ${e.message}`);
  }
  const message = e instanceof Error ? programStack(e, project.dir) : String(err);
  return new PlanError("program", `The ${where} failed: ${message}`);
}
