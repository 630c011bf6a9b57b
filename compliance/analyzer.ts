/**
 * Plays the engine's part against a policy pack: starts the pack as the Pulumi CLI does (its entry module, run in
 * the pack's directory, prints the port of its analyzer gRPC server), then calls GetAnalyzerInfo, Configure,
 * ConfigureStack, Analyze for every resource (inputs) and AnalyzeStack (outputs, parents and dependencies). The
 * pack answers with @pulumi/policy's own makeAnalyzeRpcFun / makeAnalyzeStackRpcFun, so enforcement levels,
 * not-applicable results and unknown values behave exactly as under `pulumi preview --policy-pack`.
 */
import { ChildProcess, spawn } from "child_process";
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

export interface AnalyzeResult {
  readonly diagnostics: Diagnostic[];
  readonly notApplicable: { policyName: string; reason: string }[];
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
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: any,
  ) {}

  /** Starts the pack in `dir` and connects to its analyzer server. */
  static async start(dir: string): Promise<PackClient> {
    const entry = packEntry(dir);
    const child = spawn(process.execPath, ["--require", tsxRegister, entry], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
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
    req.setProperties(Struct.fromJavaScript(r.inputs as any));
    req.setOptions(options(r));
    const provider = providerMessage(r, byUrn);
    if (provider) {
      req.setProvider(provider);
    }
    return response(await call(this.client.analyze.bind(this.client), req));
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
        m.setProperties(Struct.fromJavaScript(r.outputs as any));
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
  m.setProperties(Struct.fromJavaScript(p.inputs as any));
  return m;
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
