/**
 * Pins the @pulumi/policy behaviour the offline plan relies on, by calling the SDK's own analyzer functions with
 * real AnalyzeRequest messages. An upgrade that changes any of it fails here first.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import * as kms from "@pulumi/aws/kms";
import {
  ResourceValidationPolicy,
  StackValidationPolicy,
  validateResourceOfType,
} from "@pulumi/policy";
import { engineUrn } from "../../compliance/mock-monitor";

/* eslint-disable @typescript-eslint/no-require-imports */
const server = require("@pulumi/policy/server");
const policyPackage = require("@pulumi/policy/package.json");
/* eslint-enable @typescript-eslint/no-require-imports */

const keyType = "aws:kms/key:Key";

const rotation: ResourceValidationPolicy = {
  name: "rotation",
  description: "Keys rotate.",
  severity: "high",
  validateResource: validateResourceOfType(kms.Key, (key, _args, report) => {
    if (key.enableKeyRotation !== true) {
      report("rotation is off");
    }
  }),
};

function request(type: string, props: Record<string, unknown>) {
  const req = new analyzerpb.AnalyzeRequest();
  req.setType(type);
  req.setUrn(`urn:pulumi:s::p::${type}::k`);
  req.setName("k");
  req.setProperties(Struct.fromJavaScript(props as any));
  // The SDK refuses a request without options, as from an engine too old to send them.
  req.setOptions(new analyzerpb.AnalyzerResourceOptions());
  return req;
}

async function analyze(
  policies: object[],
  type: string,
  props: Record<string, unknown>,
  packLevel = "advisory",
) {
  const fn = server.makeAnalyzeRpcFun("pack", "1.0.0", packLevel, policies);
  const res: any = await new Promise((resolve, reject) =>
    fn({ request: request(type, props) }, (err: unknown, r: unknown) =>
      err ? reject(err) : resolve(r),
    ),
  );
  return {
    diagnostics: res
      .getDiagnosticsList()
      .map((d: any) => [
        d.getPolicyname(),
        d.getMessage(),
        d.getEnforcementlevel(),
        d.getSeverity(),
      ]),
    notApplicable: res.getNotApplicableList().map((n: any) => [n.getPolicyName(), n.getReason()]),
  };
}

const { ADVISORY, MANDATORY } = analyzerpb.EnforcementLevel;
const HIGH = analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH;

describe("@pulumi/policy analyzer contract", () => {
  it("is the pinned version", () => {
    expect(policyPackage.version).toBe("v1.21.0");
  });

  it("reports description, newline, message, with the policy's severity and the pack's level as fallback", async () => {
    expect(await analyze([rotation], keyType, { enableKeyRotation: false })).toEqual({
      diagnostics: [["rotation", "Keys rotate.\nrotation is off", ADVISORY, HIGH]],
      notApplicable: [],
    });
    expect(
      (await analyze([{ ...rotation, enforcementLevel: "mandatory" }], keyType, {}))
        .diagnostics[0][2],
    ).toBe(MANDATORY);
  });

  it("reports remediate as mandatory and skips disabled policies", async () => {
    expect(
      (await analyze([{ ...rotation, enforcementLevel: "remediate" }], keyType, {}))
        .diagnostics[0][2],
    ).toBe(MANDATORY);
    expect(await analyze([{ ...rotation, enforcementLevel: "disabled" }], keyType, {})).toEqual({
      diagnostics: [],
      notApplicable: [],
    });
  });

  it("marks a typed policy not applicable to other types, with this reason", async () => {
    expect(await analyze([rotation], "aws:s3/bucket:Bucket", {})).toEqual({
      diagnostics: [],
      notApplicable: [["rotation", "Policy only applies to resources of type 'aws:kms/key:Key'"]],
    });
  });

  it("downgrades a check that reads an unknown value to an advisory can't-run message", async () => {
    const res = await analyze([{ ...rotation, enforcementLevel: "mandatory" }], keyType, {
      enableKeyRotation: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    });
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics[0][1]).toMatch(
      /^can't run policy 'rotation' from policy pack 'pack@v1.0.0' during preview: /,
    );
    expect(res.diagnostics[0][2]).toBe(ADVISORY);
  });

  it("gives stack policies outputs with parents and dependencies resolved", async () => {
    const seen: string[] = [];
    const policy: StackValidationPolicy = {
      name: "graph",
      description: "Graph.",
      validateStack: (args) => {
        for (const r of args.resources) {
          seen.push(
            `${r.name}<${r.parent?.name ?? ""}>[${r.dependencies.map((d) => d.name).join(",")}]`,
          );
        }
      },
    };
    const resource = (name: string, parent?: string, deps: string[] = []) => {
      const m = new analyzerpb.AnalyzerResource();
      m.setType(keyType);
      m.setName(name);
      m.setUrn(`urn:${name}`);
      m.setProperties(Struct.fromJavaScript({}));
      m.setOptions(new analyzerpb.AnalyzerResourceOptions());
      if (parent) {
        m.setParent(`urn:${parent}`);
      }
      m.setDependenciesList(deps.map((d) => `urn:${d}`));
      return m;
    };
    const req = new analyzerpb.AnalyzeStackRequest();
    req.setResourcesList([resource("a"), resource("b", "a", ["a"])]);
    const fn = server.makeAnalyzeStackRpcFun("pack", "1.0.0", "advisory", [policy]);
    await new Promise((resolve, reject) =>
      fn({ request: req }, (err: unknown, r: unknown) => (err ? reject(err) : resolve(r))),
    );
    expect(seen).toEqual(["a<>[]", "b<a>[a]"]);
  });

  it("builds URNs with every ancestor's type, where the SDK's MockMonitor keeps only the parent's", () => {
    const parent = "urn:pulumi:dev::proj::a:b:Outer$a:b:Inner::inner";
    expect(engineUrn("dev", "proj", parent, "aws:kms/key:Key", "k")).toBe(
      "urn:pulumi:dev::proj::a:b:Outer$a:b:Inner$aws:kms/key:Key::k",
    );
    expect(
      engineUrn(
        "dev",
        "proj",
        "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev",
        "aws:kms/key:Key",
        "k",
      ),
    ).toBe("urn:pulumi:dev::proj::aws:kms/key:Key::k");
  });
});
