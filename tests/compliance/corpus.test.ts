/**
 * The corpus of public-program patterns (tests/fixtures/programs/corpus/<pattern>), each with its expected outcome.
 * The patterns that run to a plan run together as one program (corpus/all), one plan for all of them; each pattern
 * that must stop the plan runs on its own. Inputs are checked in the form the pack receives them (`forAnalyzer`).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runWorker } from "../../compliance/cli";
import { forAnalyzer, unknownValue } from "../../compliance/analyzer";
import type { WorkerResult } from "../../compliance/worker";
import { buildReport, inputFromWorker } from "../../compliance/report";

const root = path.resolve(__dirname, "../..");
const corpus = path.join(root, "tests/fixtures/programs/corpus");
const packDir = path.join(root, "policies");

type Ok = Extract<WorkerResult, { ok: true }>;

/** Runs the worker; `transpileOnly` skips the TypeScript check as PULUMI_NODEJS_TRANSPILE_ONLY does for Pulumi. */
function planOf(dir: string, transpileOnly: boolean): Promise<WorkerResult> {
  return runWorker(
    { programDir: dir, stack: "dev", packDir },
    { env: { PULUMI_NODEJS_TRANSPILE_ONLY: transpileOnly ? "true" : "false" } },
  );
}

let all: Ok;

beforeAll(async () => {
  // The combined program imports AWS, GCP, Azure and Kubernetes SDKs: checking its types costs about 25 s and
  // 1.4 GB; the TypeScript check has its own tests below.
  const result = await planOf(path.join(corpus, "all"), true);
  if (!result.ok) {
    throw new Error(`${result.kind}: ${result.message}`);
  }
  all = result;
}, 240_000);

const byName = (name: string) => {
  const found = all.resources.find((r) => r.name === name);
  if (!found) {
    throw new Error(`no resource ${name} in the corpus plan`);
  }
  return found;
};
const analyzed = (name: string) => forAnalyzer(byName(name).inputs) as Record<string, any>;
const statusOf = (policyName: string, name: string) => {
  const urn = byName(name).urn;
  return all.evaluation.results.find((r) => r.policyName === policyName && r.urn === urn)?.status;
};

describe("corpus patterns that run to a plan (one plan of corpus/all)", () => {
  it("resource-args: a custom resource passed as an input reaches the pack as its id", () => {
    const roleId = byName("ra-lambda-role").id;
    expect(roleId).toMatch(/^ra-lambda-role-[0-9a-f]{8}$/);
    expect(analyzed("ra-logs")["role"]).toBe(roleId);
    expect(analyzed("ra-profile")["role"]).toBe(roleId);
    expect(analyzed("ra-index")["bucket"]).toBe(byName("ra-site").id);
    // The captured wire form still holds the reference, as the program sent it.
    expect(byName("ra-logs").inputs["role"]).toMatchObject({ urn: byName("ra-lambda-role").urn });
  });

  it("component-args: a component's arguments: a custom resource as its id, a component as its URN", () => {
    expect(analyzed("ca-svc")).toEqual({
      bucket: byName("ca-data").id,
      network: "urn:pulumi:dev::corpus-all::corpus:index:Network::ca-net",
    });
    expect(analyzed("ca-svc-sg")["vpcId"]).toBe(byName("ca-net-vpc").id);
  });

  it("apply-unknown: an apply on an unmodeled output does not run; the value is unknown and the policy indeterminate", () => {
    expect(analyzed("au-fn")["environment"]).toEqual({
      variables: { ASSET_HOST: unknownValue },
    });
    expect(statusOf("aws-lambda-function-disallow-secret-environment-values", "au-fn")).toBe(
      "indeterminate",
    );
  });

  it("interpolate-known: a policy document built from modeled ARNs is known and evaluated", () => {
    const policy = JSON.parse(analyzed("ik-tls-only")["policy"]);
    expect(policy.Statement[0].Resource).toEqual([
      "arn:aws:s3:eu-west-1:123456789012:ik-records",
      "arn:aws:s3:eu-west-1:123456789012:ik-records/*",
    ]);
    expect(statusOf("aws-s3-bucket-policy-enforce-secure-transport", "ik-tls-only")).toBe("pass");
  });

  it("invoke-unknown-input: a data source with an unknown input is not called (it has no mock) and is unknown", () => {
    expect(analyzed("iu-sg")["tags"]).toEqual({ endpointIp: unknownValue });
  });

  it("aws-lookups: AMI, identity, region, zones, partition, organization, engine version, VPC, subnets, zone", () => {
    const bastion = analyzed("al-bastion");
    expect(bastion["ami"]).toMatch(/^ami-0[0-9a-f]{16}$/);
    expect(bastion["availabilityZone"]).toBe("eu-west-1a");
    expect(bastion["subnetId"]).toMatch(/^subnet-0[0-9a-f]{16}$/);
    expect(bastion["tags"]).toMatchObject({
      account: "123456789012",
      region: "eu-west-1",
      partition: "aws",
    });
    expect(bastion["tags"]["org"]).toMatch(/^o-[0-9a-f]{10}$/);
    expect(bastion["tags"]["zone"]).toMatch(/^Z0[0-9A-F]{19}$/);
    expect(analyzed("al-params")["family"]).toBe("postgres16");
    expect(analyzed("al-db-subnets")["subnetIds"]).toHaveLength(3);
  });

  it("azure-storage-keys: list functions for keys and SAS answer, so the program's outputs build", () => {
    const outputs = all.resources.find((r) => r.type === "azure-native:storage:StorageAccount");
    expect(outputs?.name).toBe("ask-sa");
    // The program ran through both list calls (an unmocked call would have stopped the plan).
    expect(all.resources.filter((r) => r.name.startsWith("ask-")).map((r) => r.type)).toEqual([
      "azure-native:resources:ResourceGroup",
      "azure-native:storage:StorageAccount",
    ]);
  });

  it("credential-lookups: keys, registry credentials, kubeconfigs and addresses read back answer plausibly", () => {
    const tags = analyzed("cl-wiring")["tags"];
    expect(tags).toMatchObject({
      sharedKeyLength: "88",
      centralLogs:
        "/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/shared-rg/providers/" +
        "Microsoft.OperationalInsights/workspaces/central-logs",
      registryUser: "clrecords",
      passwords: "2",
      cosmosKeyLength: "88",
      ecr: "AWS@https://123456789012.dkr.ecr.eu-west-1.amazonaws.com",
    });
    expect(tags["ipAddress"]).toMatch(/^203\.0\.113\.\d{1,3}$/);
    expect(tags["kubeServer"]).toMatch(
      /^https:\/\/cl-aks-[0-9a-f]{8}\.hcp\.offline\.azmk8s\.io:443$/,
    );
  });

  it("bucket-subscriptions: the bucket's notification, registered by the SDK at exit, covers both callbacks", () => {
    const notification = all.resources.filter(
      (r) => r.type === "aws:s3/bucketNotification:BucketNotification",
    );
    expect(notification.map((r) => [r.name, r.parent])).toEqual([
      ["bs-on-upload", byName("bs-uploads").urn],
    ]);
    const inputs = forAnalyzer(notification[0].inputs) as Record<string, any>;
    expect(inputs["bucket"]).toBe(byName("bs-uploads").id);
    const functions = inputs["lambdaFunctions"] as Record<string, unknown>[];
    expect(functions.map((f) => [f["events"], f["filterSuffix"]])).toEqual([
      [["s3:ObjectCreated:*"], undefined],
      [["s3:ObjectRemoved:*"], ".json"],
    ]);
  });

  it("plugin-component: a component its provider plugin builds is listed as unexpanded in the report", () => {
    const component = byName("pc-vpc");
    expect([component.custom, component.remote]).toEqual([false, true]);
    expect(all.resources.filter((r) => r.remote).map((r) => r.urn)).toEqual([component.urn]);
    const report = buildReport(inputFromWorker(all), new Date());
    expect(report.unexpandedComponents).toEqual([component.urn]);
    // The program's own resources beside it are planned and checked as usual.
    expect(statusOf("aws-s3-bucket-public-access-block-enable-all-settings", "pc-block")).toBe(
      "pass",
    );
  });

  it("gcp-lookups: client config, zones, default service account and GKE versions", () => {
    const gke = analyzed("gl-gke");
    expect(gke["nodeLocations"]).toEqual(["europe-west3-a", "europe-west3-b", "europe-west3-c"]);
    expect(gke["minMasterVersion"]).toBe("1.31.5-gke.1169000");
    expect(gke["project"]).toBe("corpus-project");
    expect(gke["nodeConfig"]["serviceAccount"]).toBe(
      "100000000001-compute@developer.gserviceaccount.com",
    );
  });

  it("helper-package: the helper package sets each object's content type; file assets are read", () => {
    expect(["hp-index.html", "hp-site.css"].map((n) => [n, analyzed(n)["contentType"]])).toEqual([
      ["hp-index.html", "text/html"],
      ["hp-site.css", "text/css"],
    ]);
  });

  it("assets-archives: a Lambda function's code from a local directory", () => {
    const code = analyzed("aa-fn")["code"];
    expect(code["assets"]["."]["path"]).toBe(path.join(corpus, "assets-archives/app"));
    expect(statusOf("aws-lambda-function-enable-xray-tracing", "aa-fn")).toBe("pass");
  });

  it("stack-reference: another stack's outputs are unknown offline", () => {
    expect(analyzed("sr-app")["vpcId"]).toBe(unknownValue);
  });

  it("dynamic-provider: a dynamic resource registers with its serialized provider", () => {
    const token = byName("dp-token");
    expect(token.type).toBe("pulumi-nodejs:dynamic:Resource");
    expect(String(token.inputs["__provider"])).toContain("token-");
    expect(token.inputs["label"]).toBe("records");
  });

  it("k8s-yaml: a ConfigFile's manifests are parsed and registered as its children", () => {
    const children = all.resources
      .filter((r) => r.parent === byName("ky-app").urn)
      .map((r) => [r.type, r.name])
      .sort();
    expect(children).toEqual([
      ["kubernetes:apps/v1:Deployment", "records/records-api"],
      ["kubernetes:core/v1:Service", "records/records-api"],
    ]);
  });

  it("helm-release: a Helm release is one resource with its values", () => {
    expect(analyzed("hr-ingress")).toMatchObject({
      chart: "ingress-nginx",
      version: "4.11.3",
      values: { controller: { replicaCount: 2 } },
    });
  });

  it("nested-secure: nested secure values are placeholders, listed; a policy reading one is indeterminate", () => {
    expect(all.placeholders).toEqual([
      "messaging:settings.topicKey",
      "messaging:settings.webhook.token",
    ]);
    // A secret (the whole object came from requireSecretObject) holding an unknown: the engine's wire form.
    expect(analyzed("ns-alerts")["kmsMasterKeyId"]).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: unknownValue,
    });
    expect(statusOf("aws-sns-topic-enable-cmk-encryption", "ns-alerts")).toBe("indeterminate");
    expect(analyzed("ns-notify")["environment"]["variables"]["WEBHOOK_URL"]).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: "https://hooks.example.org/records",
    });
  });

  it("multi-region-provider: a resource on an explicit provider takes that provider's region", () => {
    const cert = byName("mr-cert");
    expect(cert.provider).toBe("urn:pulumi:dev::corpus-all::pulumi:providers:aws::mr-us-east-1");
    expect(cert.outputs["arn"]).toBe("arn:aws:acm:us-east-1:123456789012:mr-cert");
  });

  it("get-existing: an existing resource read with get gives its id to new resources", () => {
    expect(analyzed("ge-logging")["targetBucket"]).toBe("acme-central-logs");
  });

  it("secret-outputs: a secret reaches the pack in the engine's secret wire form, its value readable", () => {
    expect(analyzed("so-endpoint")["value"]).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: "https://records.internal.example.org",
    });
  });
});

describe("own-tsconfig: a program's own strict tsconfig.json, outside this repository", () => {
  let dir: string;
  let result: WorkerResult;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-own-tsconfig-"));
    fs.cpSync(path.join(corpus, "own-tsconfig"), dir, { recursive: true });
    result = await planOf(dir, false);
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("type-checks as in the program's directory: none of the runner's own @types packages are read", () => {
    expect(result.ok ? "planned" : result.message).toBe("planned");
    const record = JSON.parse(
      fs.readFileSync(
        path.join(
          root,
          ".cache/plan-typecheck",
          `${createHash("sha256").update(path.join(dir, "index.ts")).digest("hex").slice(0, 32)}.json`,
        ),
        "utf8",
      ),
    ) as { packages: Record<string, string> };
    const read = Object.keys(record.packages).map((p) => path.basename(p));
    expect(read).toContain("aws");
    expect(read.filter((p) => ["jest", "sinon", "express"].includes(p))).toEqual([]);
  });
});

describe("corpus patterns that stop the plan with a clear message", () => {
  const outcomes = new Map<string, WorkerResult>();
  const patterns: [string, boolean][] = [
    ["type-error", false],
    ["missing-helper-copy", true],
    ["pinned-sdk", true],
    ["bad-project-name", true],
    ["missing-asset", true],
    ["unmocked-invoke", true],
    ["helm-chart", true],
    ["missing-config", true],
    ["stalled", true],
    ["program-throws", true],
    ["failing-lookups-copy", false],
  ];
  let tmp: string;
  let lateTmp: string;

  beforeAll(async () => {
    // A helper package that is not installed: outside this repository, so no ancestor node_modules provides it.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-missing-helper-"));
    fs.cpSync(path.join(corpus, "missing-helper"), tmp, { recursive: true });
    // Type-checked from a fresh directory (a check not remembered yet), so the worker is still waiting for the check
    // when the program's later failures arrive.
    lateTmp = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-failing-lookups-"));
    fs.cpSync(path.join(corpus, "failing-lookups"), lateTmp, { recursive: true });
    const dirs: Record<string, string> = {
      "missing-helper-copy": tmp,
      "failing-lookups-copy": lateTmp,
    };
    const queue = [...patterns];
    await Promise.all(
      [0, 1].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [name, transpileOnly] = next;
          outcomes.set(name, await planOf(dirs[name] ?? path.join(corpus, name), transpileOnly));
        }
      }),
    );
  }, 600_000);

  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(lateTmp, { recursive: true, force: true });
  });

  const failure = (name: string) => {
    const r = outcomes.get(name);
    if (!r || r.ok) {
      throw new Error(`${name} was expected to stop the plan`);
    }
    return r;
  };

  it("type-error: stops with the compiler's diagnostics, as pulumi preview does", () => {
    const r = failure("type-error");
    expect(r.kind).toBe("program");
    expect(r.message).toMatch(/^Unable to compile TypeScript/);
    expect(r.message).toContain(
      "index.ts(4,7): error TS2322: Type 'string' is not assignable to type 'number'.",
    );
  });

  it("missing-helper: names the package, its version and npm install in the program's directory", () => {
    const r = failure("missing-helper-copy");
    expect(r.message).toContain(
      `requires the package mime@^4.0.4 (in its package.json), which is not installed: run \`npm install\` in ${tmp}`,
    );
  });

  it("pinned-sdk: names each pinned package, the version installed and npm install", () => {
    const r = failure("pinned-sdk");
    expect(r.message).toContain("@pulumi/aws@^5.42.0 (installed: 7.48.0");
    expect(r.message).toContain("@pulumi/pulumi@^2.25.2 (installed: 3.248.0");
    expect(r.message).toContain(`Run \`npm install\` in ${path.join(corpus, "pinned-sdk")}`);
  });

  it("bad-project-name: refused as the Pulumi CLI refuses it", () => {
    const r = failure("bad-project-name");
    expect([r.kind, r.message]).toEqual([
      "configuration",
      `${path.join(corpus, "bad-project-name", "Pulumi.yaml")}: [name] is "records platform!"; project names may ` +
        "only contain alphanumerics, hyphens, underscores, and periods (the Pulumi CLI refuses it too).",
    ]);
  });

  it("missing-asset: fails at the resource's registration, naming the property and the path", () => {
    expect(failure("missing-asset").message).toContain(
      "urn:pulumi:dev::missing-asset::aws:s3/bucketObjectv2:BucketObjectv2::ma-index: property source: " +
        "failed to compute asset hash: failed to open asset file './dist/index.html': no such file or directory",
    );
  });

  it("unmocked-invoke: names the function and how to proceed", () => {
    expect(failure("unmocked-invoke").message).toContain(
      'The program calls the function "aws:acm/getCertificate:getCertificate", which has no offline mock. ' +
        "To plan it offline, either add a mock",
    );
  });

  it("failing-lookups: the first failure is reported; the later ones do not crash the plan", () => {
    const r = failure("failing-lookups-copy");
    expect(r.kind).toBe("program");
    expect(r.message).toMatch(
      /^The program calls the function "aws:acm\/getCertificate:getCertificate", which has no offline mock\./,
    );
  });

  it("helm-chart: a v3 Chart's template function is named, with why it cannot run offline", () => {
    expect(failure("helm-chart").message).toContain(
      'The program calls the function "kubernetes:helm:template", which has no offline mock (a Helm v3 Chart ' +
        "renders its templates with helm, which needs the chart).",
    );
  });

  it("missing-config: the configuration error comes first, with the key", () => {
    const r = failure("missing-config");
    expect(r.kind).toBe("configuration");
    expect(r.message).toMatch(/^Missing required configuration variable 'missing-config:owner'/);
  });

  it("stalled: a program that never finishes is reported, not waited on", () => {
    expect(failure("stalled").message).toContain(
      "stopped making progress before it finished: it waits on a promise or output that never settles",
    );
  });

  it("program-throws: the program's error and its own frames, none of the runner's", () => {
    const message = failure("program-throws").message;
    expect(message).toMatch(/failed: Error: expected a \/16 network, got 10\.2\.0\.0\/20\n/);
    expect(message).toContain(path.join(corpus, "program-throws", "index.ts"));
    expect(message).not.toMatch(/compliance[\\/]|node_modules|node:internal/);
  });
});
