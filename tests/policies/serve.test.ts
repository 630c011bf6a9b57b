/**
 * The pack's entry (policies/index.ts) serves through servePolicyPack: the SDK's PolicyPack constructor registers
 * its analyzer service and servePolicyPack puts the type dispatcher in front of Analyze. The listening socket is
 * left out; the registered handlers are captured and called directly.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { packName, policies } from "../../policies/policies";
import { servePolicyPack } from "../../policies/lib/dispatch";

/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const grpc = require("@grpc/grpc-js");

type Handler = (call: { request: unknown }, cb: (err: unknown, res?: any) => void) => void;

describe("servePolicyPack", () => {
  it("installs the dispatcher in the SDK's own server and restores @grpc/grpc-js afterwards", async () => {
    const proto = grpc.Server.prototype;
    const { addService, bindAsync } = proto;
    const registered: Record<string, Handler>[] = [];
    const capture = (_service: unknown, impl: Record<string, Handler>) => {
      registered.push(impl);
    };
    proto.addService = capture;
    proto.bindAsync = () => undefined;
    let installed: boolean;
    try {
      installed = servePolicyPack(packName, { policies, enforcementLevel: "advisory" });
      expect(proto.addService).toBe(capture);
    } finally {
      proto.addService = addService;
      proto.bindAsync = bindAsync;
    }
    expect(installed).toBe(true);
    expect(registered).toHaveLength(1);

    const req = new analyzerpb.AnalyzeRequest();
    req.setType("aws:kms/key:Key");
    req.setUrn("urn:pulumi:s::p::aws:kms/key:Key::k");
    req.setName("k");
    req.setProperties(Struct.fromJavaScript({ enableKeyRotation: false }));
    req.setOptions(new analyzerpb.AnalyzerResourceOptions());
    const res: any = await new Promise((resolve, reject) =>
      registered[0].analyze({ request: req }, (err, r) => (err ? reject(err) : resolve(r))),
    );
    expect(res.getDiagnosticsList().map((d: any) => d.getPolicyname())).toContain(
      "aws-kms-key-enable-key-rotation",
    );
    const resourcePolicies = policies.filter((p) => "validateResource" in p);
    const own = res.getDiagnosticsList().length;
    expect(res.getNotApplicableList().length).toBeGreaterThan(resourcePolicies.length - 10 - own);
    expect(res.getNotApplicableList()[0].getReason()).toMatch(
      /^Policy only applies to resources of type '/,
    );
  });
});
