/**
 * Plays the engine's part against a policy pack: starts the pack as the Pulumi CLI does (its entry module, run in
 * the pack's directory, prints the port of its analyzer gRPC server), then calls GetAnalyzerInfo, Configure,
 * ConfigureStack, Analyze for every resource (inputs) and AnalyzeStack (outputs, parents and dependencies). The
 * pack answers with @pulumi/policy's own makeAnalyzeRpcFun / makeAnalyzeStackRpcFun, so enforcement levels,
 * not-applicable results and unknown values behave exactly as under `pulumi preview --policy-pack`.
 */
import { ChildProcess, spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { PlanError } from "./errors";
import { CapturedResource } from "./types";
import { EnforcementLevel, ReconciledConfig } from "./policy-config";
import { secretPlaceholderPrefix } from "./stack-config";

const sigKey = "4dabf18193072939515e22adb298388d";
const resourceReferenceSig = "5cf8f73096256a8f31e491e813e4eb8e";
/** The SDK's and the engine's sentinel for an unknown value; the policy SDK reads it as unknown. */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Properties as the engine marshals them for an analyzer. pulumi/pulumi's analyzer plugin
 * (pkg/resource/plugin/analyzer_plugin.go, Analyze and AnalyzeStack) marshals with
 * `MarshalOptions{KeepUnknowns: true, KeepSecrets: true}`, leaving `KeepResources` false, and MarshalPropertyValue
 * (sdk/go/common/resource/plugin/rpc.go) then downgrades every resource reference: to its ID when it has one (an
 * unknown ID stays unknown), else, for a component, to its URN. Unknowns and secrets keep their wire form.
 *
 * One addition of the offline plan: a value holding an encrypted-config placeholder (alone or inside a longer
 * string) goes to the pack as unknown, so a policy reading it cannot pass or fail on a made-up value and reports
 * indeterminate instead.
 *
 * Returns the same object when nothing changes, so most resources are not copied.
 */
export function forAnalyzer(value: unknown): unknown {
  if (typeof value === "string") {
    return value.includes(secretPlaceholderPrefix) ? unknownValue : value;
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = forAnalyzer(value[i]);
      if (v !== value[i]) {
        out ??= value.slice();
        out[i] = v;
      }
    }
    return out ?? value;
  }
  const obj = value as Record<string, unknown>;
  if (obj[sigKey] === resourceReferenceSig) {
    if ("id" in obj) {
      const id = obj["id"];
      return typeof id === "string" && id !== "" ? forAnalyzer(id) : unknownValue;
    }
    return obj["urn"];
  }
  let out: Record<string, unknown> | undefined;
  for (const key in obj) {
    const v = forAnalyzer(obj[key]);
    if (v !== obj[key]) {
      out ??= { ...obj };
      out[key] = v;
    }
  }
  return out ?? obj;
}

function struct(props: Record<string, unknown>): Struct {
  return Struct.fromJavaScript(forAnalyzer(props) as any);
}

export type Severity = "low" | "medium" | "high" | "critical" | "";

export interface PolicyInfo {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly kind: "resource" | "stack";
  readonly enforcementLevel: EnforcementLevel;
  readonly severity: Severity;
  readonly framework?: { name: string; version: string; reference: string; specification: string };
  readonly tags: string[];
  readonly remediationSteps: string;
  readonly url: string;
  readonly configSchema?: { properties?: Record<string, any>; required?: string[] };
}

export interface PackInfo {
  readonly name: string;
  readonly version: string;
  readonly policies: PolicyInfo[];
  readonly initialConfig: Record<string, ReconciledConfig>;
}

export interface Diagnostic {
  readonly policyName: string;
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  readonly description: string;
  readonly message: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity: Severity;
  readonly urn: string;
}

export interface NotApplicable {
  readonly policyName: string;
  readonly reason: string;
}

export interface AnalyzeResult {
  readonly diagnostics: Diagnostic[];
  readonly notApplicable: readonly NotApplicable[];
  /**
   * The not-applicable entries as one shared object: every answer that lists the same entries (byte for byte) gets
   * the same object, so a caller can work per distinct list instead of per resource.
   */
  readonly notApplicableSet?: NotApplicableSet;
}

/** One distinct list of not-applicable entries, as the pack sent it. */
export interface NotApplicableSet {
  readonly entries: readonly NotApplicable[];
  /** Policy name to reason (the last entry wins when a policy is listed twice). */
  readonly reasons: ReadonlyMap<string, string>;
}

const levels: Record<number, EnforcementLevel> = {
  0: "advisory",
  1: "mandatory",
  2: "disabled",
  3: "remediate",
};
const levelNumbers: Record<EnforcementLevel, number> = {
  advisory: 0,
  mandatory: 1,
  disabled: 2,
  remediate: 3,
};
const severities: Record<number, Severity> = {
  0: "",
  1: "low",
  2: "medium",
  3: "high",
  4: "critical",
};

const tsxRegister = require.resolve("tsx/cjs");

/**
 * Runs a compiled pack (read from stdin) as the module of its entry file: it resolves packages, and sees
 * `require.main`, as the entry itself would.
 */
const bundleLoader = [
  'const Module = require("module");',
  "const file = process.argv[1];",
  "const m = new Module(file, null);",
  "m.filename = file;",
  'm.paths = Module._nodeModulePaths(require("path").dirname(file));',
  "process.mainModule = m;",
  'm._compile(require("fs").readFileSync(0, "utf8"), file);',
].join("\n");

/** Source that depends on its own file's location or resolves modules at run time: left to run file by file. */
const locationDependent =
  /\b(__dirname|__filename|import\.meta|require\.resolve)\b|\brequire\s*\(\s*[^'"`\s]/;

/**
 * A TypeScript pack compiled into one module (its packages left to `require`, as they are installed), or
 * undefined to run it file by file through tsx. Both run the same source through the same compiler (tsx compiles
 * each file with esbuild); one module saves the pack hundreds of per-file resolutions and transforms at start-up,
 * most of the time it took to serve (about 2.3 s of 3 on this project's 406 policies). Packs whose source reads its
 * own location (`__dirname`, `import.meta`, `require.resolve`, `require(variable)`), or that esbuild warns about,
 * run file by file as before.
 */
async function bundleOf(dir: string, entry: string): Promise<string | undefined> {
  if (!/\.[cm]?tsx?$/.test(entry)) {
    return undefined;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require("esbuild") as typeof import("esbuild");
    const result = await esbuild.build({
      absWorkingDir: dir,
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: `node${process.versions.node.split(".")[0]}`,
      packages: "external",
      write: false,
      // Source map paths relative to the entry's directory, where the module runs.
      outfile: path.join(path.dirname(entry), "pack.js"),
      sourcemap: "inline",
      metafile: true,
      logLevel: "silent",
    });
    if (result.warnings.length > 0 || result.outputFiles.length !== 1) {
      return undefined;
    }
    for (const input of Object.keys(result.metafile.inputs)) {
      if (locationDependent.test(fs.readFileSync(path.resolve(dir, input), "utf8"))) {
        return undefined;
      }
    }
    return result.outputFiles[0].text;
  } catch {
    return undefined;
  }
}

function packEntry(dir: string): string {
  const pkgFile = path.join(dir, "package.json");
  if (!fs.existsSync(pkgFile)) {
    throw new PlanError(
      "policy-pack",
      `${dir} is not a policy pack: it has no package.json (the SDK reads its version).`,
    );
  }
  const main = (JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { main?: string }).main;
  for (const candidate of [main, "index.ts", "index.js"]) {
    if (candidate && fs.existsSync(path.join(dir, candidate))) {
      return path.join(dir, candidate);
    }
  }
  throw new PlanError(
    "policy-pack",
    `${dir} has no entry module (package.json "main", index.ts or index.js).`,
  );
}

/** The end of a child's stderr, with minified lines cut, so an error stays readable. */
function tail(text: string): string {
  return text
    .split("\n")
    .slice(-30)
    .map((l) => (l.length > 300 ? `${l.slice(0, 300)}...` : l))
    .join("\n");
}

function call<Req, Res>(
  fn: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown,
  req: Req,
) {
  return new Promise<Res>((resolve, reject) =>
    fn(req, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

export class PackClient {
  /** Distinct not-applicable lists of this pack's answers (see decodeAnalyzeResponse). */
  private readonly notApplicable = new NotApplicableCache();

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: any,
  ) {}

  /** Starts the pack in `dir` and connects to its analyzer server. */
  static async start(dir: string): Promise<PackClient> {
    return PackClient.spawn(dir).client;
  }

  /**
   * Starts the pack in `dir`. With `background`, the pack's process and pipes do not keep this process alive
   * until `ref()` is called (so a program that stalls is seen as stalled, not kept waiting by the pack).
   */
  static spawn(
    dir: string,
    opts: { background?: boolean } = {},
  ): { client: Promise<PackClient>; ref(): void; kill(): void } {
    let child: ChildProcess | undefined;
    let killed = false;
    const handles = () =>
      child ? [child, child.stdout, child.stderr].filter((h) => h !== null) : [];
    const client = PackClient.launch(dir, (c) => {
      child = c;
      // Stopped while the pack was being compiled: it does not start.
      if (killed) {
        c.kill();
      }
      if (opts.background) {
        for (const h of handles()) {
          (h as { unref?: () => void }).unref?.();
        }
      }
    });
    return {
      client,
      ref: () => handles().forEach((h) => (h as { ref?: () => void }).ref?.()),
      kill: () => {
        killed = true;
        child?.kill();
      },
    };
  }

  private static async launch(
    dir: string,
    started: (child: ChildProcess) => void,
  ): Promise<PackClient> {
    const entry = packEntry(dir);
    const bundle = await bundleOf(dir, entry);
    // A larger young generation: the pack allocates a short-lived answer per resource; profiled on a
    // 1,200-resource plan with the default size, it spent 4.6 s collecting garbage against 4.5 s answering.
    const youngGeneration = "--max-semi-space-size=64";
    const child = spawn(
      process.execPath,
      bundle === undefined
        ? [youngGeneration, "--require", tsxRegister, entry]
        : [youngGeneration, "--enable-source-maps", "-e", bundleLoader, entry],
      {
        cwd: dir,
        stdio: [bundle === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      },
    );
    if (bundle !== undefined) {
      // A pack that fails before reading it closes the pipe; its exit is reported below.
      child.stdin!.on("error", () => undefined);
      child.stdin!.end(bundle);
    }
    started(child);
    // The pack must not outlive the plan, however the plan ends (process.exit skips pending promises).
    const killPack = () => child.kill();
    process.once("exit", killPack);
    child.once("exit", () => process.off("exit", killPack));
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d) => {
        out += d;
        const line = out.split("\n")[0];
        if (out.includes("\n") && /^\d+$/.test(line.trim())) {
          resolve(Number(line.trim()));
        }
      });
      child.on("exit", (code) =>
        reject(
          new PlanError(
            "policy-pack",
            `The policy pack in ${dir} exited with code ${code} before serving:\n${tail(stderr)}`,
          ),
        ),
      );
    });
    const client = new (analyzerrpc as any).AnalyzerClient(
      `127.0.0.1:${port}`,
      grpc.credentials.createInsecure(),
      {
        "grpc.max_receive_message_length": 400 * 1024 * 1024,
        "grpc.max_send_message_length": 400 * 1024 * 1024,
      },
    );
    return new PackClient(child, client);
  }

  async info(): Promise<PackInfo> {
    const res: any = await call(this.client.getAnalyzerInfo.bind(this.client), new Empty());
    const policies: PolicyInfo[] = res.getPoliciesList().map((p: any) => {
      const fw = p.getFramework();
      const schema = p.getConfigschema();
      return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        kind: p.getPolicyType() === analyzerpb.PolicyType.POLICY_TYPE_STACK ? "stack" : "resource",
        enforcementLevel: levels[p.getEnforcementlevel()],
        severity: severities[p.getSeverity()] ?? "",
        framework: fw
          ? {
              name: fw.getName(),
              version: fw.getVersion(),
              reference: fw.getReference(),
              specification: fw.getSpecification(),
            }
          : undefined,
        tags: p.getTagsList(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
        configSchema: schema
          ? {
              properties: schema.getProperties()?.toJavaScript(),
              required: schema.getRequiredList(),
            }
          : undefined,
      } satisfies PolicyInfo;
    });
    const initialConfig: Record<string, ReconciledConfig> = {};
    res.getInitialconfigMap().forEach((v: any, k: string) => {
      initialConfig[k] = {
        enforcementLevel: levels[v.getEnforcementlevel()],
        properties: v.getProperties()?.toJavaScript() ?? {},
      };
    });
    return { name: res.getName(), version: res.getVersion(), policies, initialConfig };
  }

  async configure(config: Record<string, ReconciledConfig>): Promise<void> {
    const req = new analyzerpb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [name, c] of Object.entries(config)) {
      const pc = new analyzerpb.PolicyConfig();
      pc.setEnforcementlevel(levelNumbers[c.enforcementLevel] as any);
      pc.setProperties(Struct.fromJavaScript(c.properties as any));
      map.set(name, pc);
    }
    await call(this.client.configure.bind(this.client), req);
  }

  async configureStack(
    stack: string,
    project: string,
    tags: Record<string, string> = {},
  ): Promise<void> {
    const req = new analyzerpb.AnalyzerStackConfigureRequest();
    req.setStack(stack);
    req.setProject(project);
    const map = req.getTagsMap();
    for (const [k, v] of Object.entries(tags)) {
      map.set(k, v);
    }
    await call(this.client.configureStack.bind(this.client), req);
  }

  async analyze(
    r: CapturedResource,
    byUrn: ReadonlyMap<string, CapturedResource>,
  ): Promise<AnalyzeResult> {
    const req = new analyzerpb.AnalyzeRequest();
    req.setType(r.type);
    req.setUrn(r.urn);
    req.setName(r.name);
    req.setProperties(struct(r.inputs));
    req.setOptions(options(r));
    const provider = providerMessage(r, byUrn);
    if (provider) {
      req.setProvider(provider);
    }
    // The same Analyze call, with the answer read straight from its bytes: an answer lists every policy that does
    // not apply (most of the pack, for any one resource), and building a protobuf object for each cost more than
    // the policies themselves.
    return new Promise<AnalyzeResult>((resolve, reject) =>
      this.client.makeUnaryRequest(
        "/pulumirpc.Analyzer/Analyze",
        (m: analyzerpb.AnalyzeRequest) => Buffer.from(m.serializeBinary()),
        (buf: Buffer) => decodeAnalyzeResponse(buf, this.notApplicable),
        req,
        (err: grpc.ServiceError | null, res: AnalyzeResult) => (err ? reject(err) : resolve(res)),
      ),
    );
  }

  async analyzeStack(resources: readonly CapturedResource[]): Promise<AnalyzeResult> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const req = new analyzerpb.AnalyzeStackRequest();
    req.setResourcesList(
      resources.map((r) => {
        const m = new analyzerpb.AnalyzerResource();
        m.setType(r.type);
        m.setUrn(r.urn);
        m.setName(r.name);
        m.setProperties(struct(r.outputs));
        m.setOptions(options(r));
        const provider = providerMessage(r, byUrn);
        if (provider) {
          m.setProvider(provider);
        }
        if (r.parent) {
          m.setParent(r.parent);
        }
        m.setDependenciesList(r.dependencies);
        const deps = m.getPropertydependenciesMap();
        for (const [k, urns] of Object.entries(r.propertyDependencies)) {
          const pd = new analyzerpb.AnalyzerPropertyDependencies();
          pd.setUrnsList(urns);
          deps.set(k, pd);
        }
        return m;
      }),
    );
    return response(await call(this.client.analyzeStack.bind(this.client), req));
  }

  close(): void {
    this.client.close();
    this.child.kill();
  }
}

function options(r: CapturedResource): analyzerpb.AnalyzerResourceOptions {
  const o = new analyzerpb.AnalyzerResourceOptions();
  o.setProtect(r.options.protect);
  o.setIgnorechangesList(r.options.ignoreChanges);
  if (r.options.deleteBeforeReplace !== undefined) {
    o.setDeletebeforereplace(r.options.deleteBeforeReplace);
    o.setDeletebeforereplacedefined(true);
  }
  o.setAdditionalsecretoutputsList(r.options.additionalSecretOutputs);
  o.setAliasesList(r.options.aliases);
  const t = r.options.customTimeouts;
  if (t && (t.create || t.update || t.delete)) {
    const ct = new analyzerpb.AnalyzerResourceOptions.CustomTimeouts();
    ct.setCreate(durationSeconds(t.create));
    ct.setUpdate(durationSeconds(t.update));
    ct.setDelete(durationSeconds(t.delete));
    o.setCustomtimeouts(ct);
  }
  if (r.parent) {
    o.setParent(r.parent);
  }
  return o;
}

/** Go duration strings ("5m", "1h30m", "45s") to seconds, as the engine converts custom timeouts. */
export function durationSeconds(text: string | undefined): number {
  if (!text) {
    return 0;
  }
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  for (const [, n, u] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(n) * units[u];
  }
  return total;
}

function providerMessage(r: CapturedResource, byUrn: ReadonlyMap<string, CapturedResource>) {
  const p = r.provider ? byUrn.get(r.provider) : undefined;
  if (!p) {
    return undefined;
  }
  const m = new analyzerpb.AnalyzerProviderResource();
  m.setType(p.type);
  m.setUrn(p.urn);
  m.setName(p.name);
  m.setProperties(struct(p.inputs));
  return m;
}

/** Reads a protobuf varint at `pos`: [value, next position]. */
function varint(buf: Uint8Array, pos: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) {
      return [value, pos];
    }
    shift += 7;
  }
}

/** Each field of a protobuf message as [field number, wire type, value or bytes]. */
function* fields(buf: Uint8Array): Generator<[number, number, number | Uint8Array]> {
  let pos = 0;
  while (pos < buf.length) {
    const [tag, afterTag] = varint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      const [v, next] = varint(buf, afterTag);
      pos = next;
      yield [field, wire, v];
    } else if (wire === 2) {
      const [len, start] = varint(buf, afterTag);
      pos = start + len;
      yield [field, wire, buf.subarray(start, pos)];
    } else if (wire === 1) {
      pos = afterTag + 8;
    } else if (wire === 5) {
      pos = afterTag + 4;
    } else {
      throw new Error(`unexpected protobuf wire type ${wire}`);
    }
  }
}

const utf8 = new TextDecoder();

/** Reads one PolicyNotApplicable message {policy_name = 1, reason = 2}. */
function notApplicableOf(bytes: Uint8Array): NotApplicable {
  let policyName = "";
  let reason = "";
  for (const [f, w, v] of fields(bytes)) {
    if (w === 2 && f === 1) {
      policyName = utf8.decode(v as Uint8Array);
    } else if (w === 2 && f === 2) {
      reason = utf8.decode(v as Uint8Array);
    }
  }
  return { policyName, reason };
}

function notApplicableSetOf(entries: NotApplicable[]): NotApplicableSet {
  return { entries, reasons: new Map(entries.map((n) => [n.policyName, n.reason])) };
}

/**
 * Distinct not-applicable lists seen in answers, keyed by their bytes. A pack answers every resource with one entry
 * per policy that does not apply to it (most of the pack), and resources of one type get the same list: it is read
 * once per distinct list, not once per resource.
 */
export class NotApplicableCache {
  /** By the sha256 of the entries' bytes (a list is tens of kB; its digest is what is kept). */
  private readonly sets = new Map<string, NotApplicableSet>();
  /** Entries by their bytes: lists that differ in a few entries share the rest. */
  private readonly entries = new Map<string, NotApplicable>();

  get size(): number {
    return this.sets.size;
  }

  /** The set for the not-applicable entries held in `buf[start, end)`, read on first sight. */
  setOf(buf: Uint8Array, start: number, end: number): NotApplicableSet {
    const bytes = buf.subarray(start, end);
    const key = createHash("sha256").update(bytes).digest("base64");
    let set = this.sets.get(key);
    if (!set) {
      const entries: NotApplicable[] = [];
      for (const [field, wire, value] of fields(bytes)) {
        if (field === 3 && wire === 2) {
          const v = value as Uint8Array;
          const entryKey = Buffer.from(v.buffer, v.byteOffset, v.length).toString("latin1");
          let entry = this.entries.get(entryKey);
          if (!entry) {
            entry = notApplicableOf(v);
            this.entries.set(entryKey, entry);
          }
          entries.push(entry);
        }
      }
      set = notApplicableSetOf(entries);
      this.sets.set(key, set);
    }
    return set;
  }
}

/**
 * pulumirpc.AnalyzeResponse (analyzer.proto): diagnostics = 2 (AnalyzeDiagnostic, read with the generated code,
 * they are few), not_applicable = 3 (PolicyNotApplicable {policy_name = 1, reason = 2}, read here). With a cache,
 * the not-applicable entries (written one after another, as protobuf writes a repeated field) are read once per
 * distinct list.
 */
export function decodeAnalyzeResponse(buf: Uint8Array, cache?: NotApplicableCache): AnalyzeResult {
  const diagnostics: Diagnostic[] = [];
  // The not-applicable fields' extent [runStart, runEnd) in buf, and whether nothing else lies between them.
  let runStart = -1;
  let runEnd = -1;
  let contiguous = true;
  let pos = 0;
  while (pos < buf.length) {
    const fieldStart = pos;
    const [tag, afterTag] = varint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      pos = varint(buf, afterTag)[1];
    } else if (wire === 1) {
      pos = afterTag + 8;
    } else if (wire === 5) {
      pos = afterTag + 4;
    } else if (wire === 2) {
      const [len, start] = varint(buf, afterTag);
      pos = start + len;
      if (field === 2) {
        diagnostics.push(
          diagnosticOf(analyzerpb.AnalyzeDiagnostic.deserializeBinary(buf.subarray(start, pos))),
        );
      } else if (field === 3) {
        if (runStart < 0) {
          runStart = fieldStart;
        } else if (runEnd !== fieldStart) {
          contiguous = false;
        }
        runEnd = pos;
      }
    } else {
      throw new Error(`unexpected protobuf wire type ${wire}`);
    }
  }
  if (runStart < 0) {
    return { diagnostics, notApplicable: [] };
  }
  if (cache && contiguous) {
    const set = cache.setOf(buf, runStart, runEnd);
    return { diagnostics, notApplicable: set.entries, notApplicableSet: set };
  }
  const entries: NotApplicable[] = [];
  for (const [field, wire, value] of fields(buf)) {
    if (field === 3 && wire === 2) {
      entries.push(notApplicableOf(value as Uint8Array));
    }
  }
  const set = notApplicableSetOf(entries);
  return { diagnostics, notApplicable: set.entries, notApplicableSet: set };
}

function diagnosticOf(d: any): Diagnostic {
  return {
    policyName: d.getPolicyname(),
    policyPackName: d.getPolicypackname(),
    policyPackVersion: d.getPolicypackversion(),
    description: d.getDescription(),
    message: d.getMessage(),
    enforcementLevel: levels[d.getEnforcementlevel()],
    severity: severities[d.getSeverity()] ?? "",
    urn: d.getUrn(),
  };
}

function response(res: any): AnalyzeResult {
  return {
    diagnostics: res.getDiagnosticsList().map((d: any) => ({
      policyName: d.getPolicyname(),
      policyPackName: d.getPolicypackname(),
      policyPackVersion: d.getPolicypackversion(),
      description: d.getDescription(),
      message: d.getMessage(),
      enforcementLevel: levels[d.getEnforcementlevel()],
      severity: severities[d.getSeverity()] ?? "",
      urn: d.getUrn(),
    })),
    notApplicable: res
      .getNotApplicableList()
      .map((n: any) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
  };
}
