/**
 * Keys the typed reader would otherwise ignore: a misspelt key is refused naming the nearest known key, and a key
 * Pulumi.yaml declares secret is refused in plain text, by the program and by the offline plan (as the CLI does).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import {
  checkConfigKeys,
  editDistance,
  nearestKey,
  secretConfigKeys,
} from "../../stacks/config-keys";
import { platformConfigKeys } from "../../stacks/config";
import { loadProject, loadStackConfig } from "../../compliance/stack-config";
import { runWorker } from "../../compliance/cli";

const root = path.resolve(__dirname, "../..");
const known = [...platformConfigKeys];
const secretValue = "0123456789abcdef-plain";

describe("nearestKey", () => {
  it.each([
    ["awsRegoin", "awsRegion"],
    ["awsregion", "awsRegion"],
    ["logRetentionDay", "logRetentionDays"],
    ["chimeMediaRegion", "chimeMediaRegions"],
    ["azureTennantId", "azureTenantId"],
    ["gcpProjet", "gcpProject"],
  ])("%s is nearest to %s", (typo, expected) => {
    expect(nearestKey(typo, known)).toBe(expected);
  });

  it.each([
    ["", "", 0],
    ["abc", "abc", 0],
    ["abc", "acb", 1],
    ["kitten", "sitting", 3],
    ["Region", "region", 0],
  ])("edit distance of %j and %j is %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("checkConfigKeys", () => {
  const never = () => false;
  const check = (config: Record<string, string>, isSecret: (k: string) => boolean = never) =>
    checkConfigKeys("mediconnect", config, known, secretConfigKeys, isSecret);

  it("accepts every key the platform reads and ignores other namespaces", () => {
    expect(() =>
      check({
        "mediconnect:awsRegion": "eu-central-1",
        "mediconnect:residency": "eu",
        "aws:region": "eu-central-1",
        "pulumi:disable-default-providers": '["*"]',
      }),
    ).not.toThrow();
  });

  it("refuses a misspelt key, naming the nearest known key and not quoting the value", () => {
    let message = "";
    try {
      check({ "mediconnect:awsRegoin": "eu-central-1", "mediconnect:residency": "eu" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(
      "Invalid configuration [mediconnect:awsRegoin]: received a value (not shown); expected a key the platform " +
        "reads; the nearest is mediconnect:awsRegion. Rename it in Pulumi.<stack>.yaml (or `pulumi config rm " +
        "mediconnect:awsRegoin` and set mediconnect:awsRegion); Pulumi.yaml lists every key.",
    );
  });

  it("refuses a secret key in plain text without quoting it, and accepts it encrypted", () => {
    const config = { "mediconnect:pseudonymKey": secretValue };
    expect(() => check(config)).toThrow(
      "Invalid configuration [mediconnect:pseudonymKey]: received a value (not shown); expected an encrypted " +
        "value, since Pulumi.yaml declares the key secret. Set it with `pulumi config set --secret " +
        "mediconnect:pseudonymKey <value>`",
    );
    expect(() => check(config)).not.toThrow(secretValue);
    expect(() => check(config, (k) => k === "mediconnect:pseudonymKey")).not.toThrow();
  });

  it("lists exactly the keys Pulumi.yaml declares secret", () => {
    const doc = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as {
      config: Record<string, { secret?: boolean }>;
    };
    const declared = Object.entries(doc.config)
      .filter(([, spec]) => spec.secret === true)
      .map(([k]) => k);
    expect(declared).toEqual(secretConfigKeys.map((k) => `mediconnect:${k}`));
  });
});

describe("the offline plan of a stack with a misspelt or a plain-text secret key", () => {
  let dir: string;
  const eu = parse(fs.readFileSync(path.join(root, "Pulumi.eu.yaml"), "utf8")) as {
    config: Record<string, unknown>;
  };
  const writeStack = (stack: string, extra: Record<string, unknown>) =>
    fs.writeFileSync(
      path.join(dir, `Pulumi.${stack}.yaml`),
      stringify({ config: { ...eu.config, ...extra } }),
    );

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "config-keys-"));
    // This project's Pulumi.yaml, its entry module named by absolute path.
    const project = fs
      .readFileSync(path.join(root, "Pulumi.yaml"), "utf8")
      .replace(/^main: .*$/m, `main: ${path.join(root, "index.ts")}`);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project);
    writeStack("typo", { "mediconnect:awsRegoin": "eu-west-1" });
    writeStack("plain", { "mediconnect:pseudonymKey": secretValue });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("stops the program with a configuration error naming the nearest known key", async () => {
    // The temporary project has no tsconfig.json of its own: its types are this project's, checked by `npm test`.
    const result = await runWorker(
      { programDir: dir, stack: "typo", packDir: path.join(root, "policies") },
      { env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } },
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : `${result.kind}: ${result.message}`).toMatch(
      /^configuration: Invalid configuration \[mediconnect:awsRegoin\]: received a value \(not shown\); expected a key the platform reads; the nearest is mediconnect:awsRegion\./,
    );
  }, 120000);

  it("refuses a plain-text value for a key declared secret, as the Pulumi CLI does, without showing it", () => {
    const project = loadProject(dir);
    let message = "";
    try {
      loadStackConfig(project, "plain");
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(
      "Pulumi.plain.yaml: [mediconnect:pseudonymKey] has a plain-text value (not shown), but Pulumi.yaml declares " +
        "it secret; set it with `pulumi config set --secret mediconnect:pseudonymKey <value>`.",
    );
    expect(() => loadStackConfig(project, "typo")).not.toThrow();
  });
});
