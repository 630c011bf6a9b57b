/**
 * Runs a Pulumi program in this process under `pulumi.runtime.setMocks`, as the Node language host would run it
 * (inside the root Stack resource, with the stack's configuration), and returns every resource it registered.
 * One program per process: the Pulumi runtime's state is process-wide.
 */
import * as path from "path";
import Module from "module";
import * as pulumi from "@pulumi/pulumi";
import { setMockOptions } from "@pulumi/pulumi/runtime/settings";
import { CapturingMonitor, providerUrn } from "./mock-monitor";
import { mockInvoke } from "./invokes";
import { PlanError } from "./errors";
import { ProgramProject, StackConfig } from "./stack-config";
import { CapturedResource } from "./types";
import { mockOutputs } from "./mock-outputs";

const projectRoot = path.resolve(__dirname, "..");

/**
 * `--program` may name a directory without node_modules: @pulumi/* resolve from this project, and always to the
 * same copies the runner uses, since the mocks live in @pulumi/pulumi's process-wide state.
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

export interface ProgramRun {
  readonly resources: CapturedResource[];
  readonly outputs: Record<string, unknown>;
}

export async function runProgram(
  project: ProgramProject,
  config: StackConfig,
): Promise<ProgramRun> {
  resolvePulumiPackagesFromRunner();
  const disabled = parseDisabledProviders(config.values["pulumi:disable-default-providers"]);
  // A failed registration or invoke leaves outputs that never resolve: the first error ends the run.
  let fail: (err: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  failed.catch(() => undefined);
  const providerInputs = (ref: string | undefined) =>
    decodeProviderInputs(
      (ref ? monitor.captured.get(providerUrn(ref) ?? "")?.inputs : undefined) ?? {},
    );
  const mocks: pulumi.runtime.Mocks = {
    newResource: (args) => mockOutputs(args, config.values, providerInputs(args.provider)),
    call: (args) =>
      mockInvoke(args.token, args.inputs, {
        provider: providerInputs(args.provider),
        config: config.values,
      }),
  };
  // The mocks' callbacks run only after registration starts, by which time the monitor exists.
  const monitor = new CapturingMonitor(mocks, disabled, (err) => fail(err));
  await pulumi.runtime.setMocks(mocks, project.name, config.stack, false);
  setMockOptions(monitor, project.name, config.stack, false);
  pulumi.runtime.setAllConfig({ ...config.values }, [...config.secretKeys]);

  const onFailure = (reason: unknown) => fail(reason);
  process.on("unhandledRejection", onFailure);
  process.on("uncaughtException", onFailure);
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
    await Promise.race([waitForRegistrations(), failed]);
  } catch (err) {
    failure = err;
  } finally {
    process.chdir(previousCwd);
    process.off("unhandledRejection", onFailure);
    process.off("uncaughtException", onFailure);
  }
  if (failure !== undefined) {
    throw asProgramError(failure, project);
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

async function waitForRegistrations(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
  await settings.waitForRPCs();
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

function asProgramError(err: unknown, project: ProgramProject): PlanError {
  if (err instanceof PlanError) {
    return err;
  }
  const e = err as Error;
  const where = `program ${path.relative(process.cwd(), project.main) || project.main}`;
  if (e?.name === "ConfigurationError") {
    return new PlanError("configuration", e.message);
  }
  const message = e instanceof Error ? (e.stack ?? e.message) : String(err);
  return new PlanError("program", `The ${where} failed: ${message}`);
}
