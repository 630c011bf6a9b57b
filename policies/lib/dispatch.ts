/**
 * Dispatch by resource type, so that a resource pays only for the policies of its own type.
 *
 * @pulumi/policy's Analyze (makeAnalyzeRpcFun) walks every policy of the pack for every resource and, for each
 * policy of another type, builds a PolicyNotApplicable message ("Policy only applies to resources of type 'X'").
 * With hundreds of policies that loop, not the checks, is most of what a resource costs. The dispatcher keeps the
 * SDK doing all the evaluating: for a resource of type T it calls the SDK's own Analyze built over the policies
 * that can apply to T (those typed T and any without a type, in pack order), then appends the not-applicable
 * entries of the other policies, built once per type and reused until the engine sends a new policy configuration.
 * The engine therefore receives the same diagnostics and the same not-applicable entries as from the SDK's loop,
 * in the same order unless a policy of the resource's own type declares itself not applicable (its entry then
 * comes first).
 * Those entries are also encoded for the wire once per type (withOthers), since encoding them for every
 * resource cost far more than the policies themselves.
 *
 * The SDK starts its gRPC server inside the PolicyPack constructor and exports no hook for the Analyze handler,
 * so `servePolicyPack` replaces that one handler (and observes Configure) at the moment the SDK registers its
 * service with @grpc/grpc-js, for the duration of the constructor only. If a future SDK registers differently,
 * the pack still runs with the SDK's own handler (slower, same results) and `servePolicyPack` says so on stderr.
 */
import * as path from "path";
import { PolicyPack, PolicyPackArgs, Policies, ResourceValidationPolicy } from "@pulumi/policy";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";

/* eslint-disable @typescript-eslint/no-require-imports */
const { makeAnalyzeRpcFun } = require("@pulumi/policy/server");
const { getPulumiType, isResourcePolicy } = require("@pulumi/policy/policy");
const { convertEnforcementLevel } = require("@pulumi/policy/protoutil");
/* eslint-enable @typescript-eslint/no-require-imports */

type Level = "advisory" | "mandatory" | "remediate" | "disabled";
type Callback = (err: unknown, res?: analyzerpb.AnalyzeResponse) => void;
export type AnalyzeHandler = (call: { request: analyzerpb.AnalyzeRequest }, cb: Callback) => void;

/** The type a policy is restricted to, as the SDK's fast check reads it; undefined when it may apply to any. */
export function policyType(p: ResourceValidationPolicy): string | undefined {
  const v = p.validateResource;
  return v && !Array.isArray(v) ? getPulumiType(v) : undefined;
}

/** The not-applicable entries of the other types' policies, as messages and as their wire encoding. */
interface Others {
  readonly list: analyzerpb.PolicyNotApplicable[];
  readonly bytes: Uint8Array;
}

interface TypeEntry {
  readonly analyze: AnalyzeHandler;
  /** For the configuration in force; rebuilt after the engine's next Configure call. */
  others?: Others;
}

const serializeResponse = analyzerpb.AnalyzeResponse.prototype.serializeBinary;

/**
 * Adds the other policies' not-applicable entries to an answer. The message lists them all (for anyone reading
 * it in process); its encoding, which the gRPC server asks for with serializeBinary, is the encoding of the SDK's
 * own answer followed by the entries' bytes encoded once per type. A protobuf parser reads a repeated field's
 * entries wherever they appear in the message, so the engine decodes the same list.
 */
function withOthers(res: analyzerpb.AnalyzeResponse, others: Others): void {
  if (others.list.length === 0) {
    return;
  }
  const own = res.getNotApplicableList();
  const all = own.length === 0 ? others.list : own.concat(others.list);
  res.setNotApplicableList(all);
  res.serializeBinary = function (this: analyzerpb.AnalyzeResponse) {
    if (this.getNotApplicableList() !== all) {
      // Changed since: encode it as it now is.
      return serializeResponse.call(this);
    }
    this.setNotApplicableList(own);
    try {
      return Buffer.concat([serializeResponse.call(this), others.bytes]);
    } finally {
      this.setNotApplicableList(all);
    }
  };
}

export class TypeDispatcher {
  private readonly resourcePolicies: ResourceValidationPolicy[];
  private readonly byType = new Map<string, TypeEntry>();
  /** Enforcement levels from the engine's Configure call (policy name -> level). */
  private configured = new Map<string, Level>();

  constructor(
    private readonly packName: string,
    private readonly packVersion: string,
    private readonly packLevel: Level,
    policies: Policies,
  ) {
    this.resourcePolicies = policies.filter((p): p is ResourceValidationPolicy =>
      isResourcePolicy(p),
    );
  }

  /** The Analyze handler: the SDK's own, over the policies that can apply to the request's type. */
  readonly analyze: AnalyzeHandler = (call, cb) => {
    const type = call.request.getType();
    const entry = this.entryFor(type);
    entry.analyze(call, (err, res) => {
      if (!err && res) {
        withOthers(res, (entry.others ??= this.notApplicableFor(type)));
      }
      cb(err, res);
    });
  };

  /** Records the policy configuration the engine sends (the SDK's Configure keeps its own copy). */
  configure(request: analyzerpb.ConfigureAnalyzerRequest): void {
    const levels = new Map<string, Level>();
    for (const [name, config] of request.getPolicyconfigMap().entries()) {
      levels.set(name, convertEnforcementLevel(config.getEnforcementlevel()));
    }
    this.configured = levels;
    for (const entry of this.byType.values()) {
      entry.others = undefined;
    }
  }

  /** How many policies the SDK evaluates for a resource of `type` (for the bench and tests). */
  policiesFor(type: string): ResourceValidationPolicy[] {
    return this.resourcePolicies.filter((p) => {
      const t = policyType(p);
      return t === undefined || t === type;
    });
  }

  private entryFor(type: string): TypeEntry {
    let entry = this.byType.get(type);
    if (!entry) {
      const own = this.policiesFor(type);
      entry = { analyze: makeAnalyzeRpcFun(this.packName, this.packVersion, this.packLevel, own) };
      this.byType.set(type, entry);
    }
    return entry;
  }

  /** What the SDK's loop reports for the policies of other types: one entry each, unless disabled. */
  private notApplicableFor(type: string): Others {
    const out: analyzerpb.PolicyNotApplicable[] = [];
    for (const p of this.resourcePolicies) {
      const t = policyType(p);
      if (t === undefined || t === type) {
        continue;
      }
      const level = this.configured.get(p.name) || p.enforcementLevel || this.packLevel;
      if (level === "disabled") {
        continue;
      }
      const na = new analyzerpb.PolicyNotApplicable();
      na.setPolicyName(p.name);
      na.setReason(`Policy only applies to resources of type '${t}'`);
      out.push(na);
    }
    const encoded = new analyzerpb.AnalyzeResponse();
    encoded.setNotApplicableList(out);
    return { list: out, bytes: serializeResponse.call(encoded) };
  }
}

type AddService = (this: unknown, service: unknown, impl: AnalyzerImpl) => unknown;

/** The @grpc/grpc-js module instance that @pulumi/policy itself loads. */
function policySdkGrpc(): { Server: { prototype: { addService: AddService } } } {
  const sdkDir = path.dirname(require.resolve("@pulumi/policy"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] }));
}

interface AnalyzerImpl {
  analyze?: AnalyzeHandler;
  configure?: (call: { request: analyzerpb.ConfigureAnalyzerRequest }, cb: Callback) => unknown;
  [name: string]: unknown;
}

/**
 * Wraps the handlers the SDK registers for the Analyzer service: Analyze goes through `dispatcher`, Configure is
 * observed (then handed to the SDK unchanged). Returns the handlers unchanged for any other service.
 */
export function withDispatch(impl: AnalyzerImpl, dispatcher: TypeDispatcher): AnalyzerImpl {
  if (typeof impl.analyze !== "function" || typeof impl.configure !== "function") {
    return impl;
  }
  const sdkConfigure = impl.configure;
  return {
    ...impl,
    analyze: dispatcher.analyze,
    configure: (call, cb) => {
      dispatcher.configure(call.request);
      return sdkConfigure(call, cb);
    },
  };
}

/**
 * Constructs the PolicyPack (which starts the SDK's analyzer server and prints its port) with Analyze dispatched
 * by resource type. Returns whether the dispatcher was installed.
 */
export function servePolicyPack(
  name: string,
  args: PolicyPackArgs & { policies: Policies },
): boolean {
  // As the SDK's constructor: the version of package.json in the working directory, the pack level or advisory.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version: string = require(path.join(process.cwd(), "package.json")).version;
  const dispatcher = new TypeDispatcher(
    name,
    version,
    args.enforcementLevel || "advisory",
    args.policies,
  );
  const server = policySdkGrpc().Server.prototype;
  const original = server.addService;
  let installed = false;
  server.addService = function (service, impl) {
    const wrapped = withDispatch(impl, dispatcher);
    installed ||= wrapped !== impl;
    return original.call(this, service, wrapped);
  };
  try {
    new PolicyPack(name, args);
  } finally {
    server.addService = original;
  }
  if (!installed) {
    console.error(
      `policy pack ${name}: @pulumi/policy registered its analyzer in a way the type dispatcher does not ` +
        "recognise; running with the SDK's own Analyze (same results, every policy walked for every resource).",
    );
  }
  return installed;
}
