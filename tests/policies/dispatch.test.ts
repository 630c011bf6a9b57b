/**
 * The type dispatcher (policies/lib/dispatch.ts) must answer every Analyze call exactly as @pulumi/policy's own
 * Analyze over the whole pack does: the same diagnostics in the same order and the same set of not-applicable
 * policies, before and after the engine's Configure call, both in the message and in its wire encoding. The SDK's handlers are taken from its own `serve`, as
 * the pack's gRPC server registers them (the listening socket is left out).
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { policies } from "../../policies/policies";
import { policyType, TypeDispatcher, withDispatch } from "../../policies/lib/dispatch";
import { loadCorpus } from "../../fixtures/policy-corpus";

/* eslint-disable @typescript-eslint/no-require-imports */
const grpc = require("@grpc/grpc-js");
const server = require("@pulumi/policy/server");
/* eslint-enable @typescript-eslint/no-require-imports */

type Handler = (call: { request: unknown }, cb: (err: unknown, res?: any) => void) => void;
interface Impl {
  analyze: Handler;
  configure: Handler;
  [name: string]: unknown;
}

/** The handlers the SDK's serve() registers for the pack, captured instead of served. */
function sdkHandlers(): Impl {
  const proto = grpc.Server.prototype;
  const { addService, bindAsync } = proto;
  let captured: Impl | undefined;
  proto.addService = (_service: unknown, impl: Impl) => {
    captured = impl;
  };
  proto.bindAsync = () => undefined;
  try {
    server.serve("pack", "1.0.0", "advisory", { policies }, undefined);
  } finally {
    proto.addService = addService;
    proto.bindAsync = bindAsync;
  }
  return captured!;
}

const sdk = sdkHandlers();
const dispatcher = new TypeDispatcher("pack", "1.0.0", "advisory", policies);
const dispatched = withDispatch(sdk, dispatcher) as Impl;

function request(type: string, name: string, props: Record<string, unknown>) {
  const req = new analyzerpb.AnalyzeRequest();
  req.setType(type);
  req.setUrn(`urn:pulumi:s::p::${type}::${name}`);
  req.setName(name);
  req.setProperties(Struct.fromJavaScript(props as any));
  req.setOptions(new analyzerpb.AnalyzerResourceOptions());
  return req;
}

/** An answer as the engine reads it: encoded by the gRPC server, decoded on the other side. */
async function answer(handler: Handler, req: unknown) {
  const sent: any = await new Promise((resolve, reject) =>
    handler({ request: req }, (err, r) => (err ? reject(err) : resolve(r))),
  );
  const res = analyzerpb.AnalyzeResponse.deserializeBinary(sent.serializeBinary());
  // The message read in process says the same as its encoding.
  expect(res.toObject()).toEqual(sent.toObject());
  return {
    diagnostics: res
      .getDiagnosticsList()
      .map((d: any) => [
        d.getPolicyname(),
        d.getMessage(),
        d.getEnforcementlevel(),
        d.getSeverity(),
        d.getUrn(),
      ]),
    notApplicable: res
      .getNotApplicableList()
      .map((n: any) => `${n.getPolicyName()}: ${n.getReason()}`)
      .sort(),
  };
}

function configure(levels: Record<string, string>) {
  const req = new analyzerpb.ConfigureAnalyzerRequest();
  const numbers: Record<string, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
  for (const [name, level] of Object.entries(levels)) {
    const pc = new analyzerpb.PolicyConfig();
    pc.setEnforcementlevel(numbers[level] as any);
    pc.setProperties(Struct.fromJavaScript({}));
    req.getPolicyconfigMap().set(name, pc);
  }
  return new Promise<void>((resolve, reject) =>
    dispatched.configure({ request: req }, (err) => (err ? reject(err) : resolve())),
  );
}

const resourcePolicies = policies.filter(
  (p): p is ResourceValidationPolicy => "validateResource" in p,
);
const corpus = loadCorpus().flatMap((pair) => [...pair.fixed, ...pair.flawed]);

describe("type dispatch of Analyze", () => {
  it("gives every corpus resource, flawed and fixed, the SDK's own answer", async () => {
    expect(corpus.length).toBeGreaterThan(150);
    let withFindings = 0;
    for (const r of corpus) {
      const req = request(r.type, r.name, r.props);
      const expected = await answer(sdk.analyze, req);
      expect({ type: r.type, ...(await answer(dispatched.analyze, req)) }).toEqual({
        type: r.type,
        ...expected,
      });
      withFindings += expected.diagnostics.length > 0 ? 1 : 0;
    }
    // The comparison covers resources with findings, not only clean ones.
    expect(withFindings).toBeGreaterThan(50);
  });

  it("lists every policy of another type as not applicable for a type the pack has no policy for", async () => {
    const req = request("random:index/randomPet:RandomPet", "pet", { length: 2 });
    const got = await answer(dispatched.analyze, req);
    expect(got).toEqual(await answer(sdk.analyze, req));
    expect(got.diagnostics).toEqual([]);
    expect(got.notApplicable).toHaveLength(resourcePolicies.length);
  });

  it("runs only the policies of the resource's own type", () => {
    const own = dispatcher.policiesFor("aws:kms/key:Key").map((p) => p.name);
    expect(own).toEqual(
      resourcePolicies.filter((p) => policyType(p) === "aws:kms/key:Key").map((p) => p.name),
    );
    expect(own).toContain("aws-kms-key-enable-key-rotation");
    expect(own.length).toBeLessThan(10);
  });

  it("follows the engine's configuration: disabled policies vanish, levels change, as in the SDK", async () => {
    const rotation = "aws-kms-key-enable-key-rotation";
    const bucketPolicy = resourcePolicies.find((p) => policyType(p) === "aws:s3/bucket:Bucket")!;
    const key = request("aws:kms/key:Key", "k", { enableKeyRotation: false });
    // Warm the dispatcher's cache for the key type before the configuration changes.
    await answer(dispatched.analyze, key);

    await configure({ [bucketPolicy.name]: "disabled", [rotation]: "advisory" });
    const after = await answer(dispatched.analyze, key);
    expect(after).toEqual(await answer(sdk.analyze, key));
    expect(after.notApplicable.some((n: string) => n.startsWith(`${bucketPolicy.name}:`))).toBe(
      false,
    );
    expect(after.diagnostics.find((d: unknown[]) => d[0] === rotation)?.[2]).toBe(
      analyzerpb.EnforcementLevel.ADVISORY,
    );

    await configure({});
    const reset = await answer(dispatched.analyze, key);
    expect(reset).toEqual(await answer(sdk.analyze, key));
    expect(reset.notApplicable.some((n: string) => n.startsWith(`${bucketPolicy.name}:`))).toBe(
      true,
    );
    expect(reset.diagnostics.find((d: unknown[]) => d[0] === rotation)?.[2]).toBe(
      analyzerpb.EnforcementLevel.MANDATORY,
    );
  });

  it("leaves the handlers of any other service as they are", () => {
    const other = { getPluginInfo: () => undefined };
    expect(withDispatch(other, dispatcher)).toBe(other);
  });
});
