/**
 * Which @pulumi packages a program runs with: its own installed copies when its package.json names them, the
 * runner's otherwise; and the npm range check that decides whether an installed copy is the one it pins.
 */
import * as fs from "fs";
import * as path from "path";
import { runWorker } from "../../compliance/cli";
import { packageOf, satisfies } from "../../compliance/packages";

const root = path.resolve(__dirname, "../..");

describe("satisfies", () => {
  it.each([
    ["3.248.0", "^3.0.0", true],
    ["3.248.0", "^2.25.2", false],
    ["7.48.0", "~7.48.1", false],
    ["7.48.3", "~7.48.1", true],
    ["0.3.1", "^0.3.0", true],
    ["0.4.0", "^0.3.0", false],
    ["4.34.2", ">=4.0.0 <5", true],
    ["5.0.0", ">=4.0.0 <5", false],
    ["3.248.0", "3.x", true],
    ["3.248.0", "3.248.0", true],
    ["3.248.1", "3.248.0", false],
    ["2.0.0", "^1.0.0 || ^2.0.0", true],
    ["3.248.0", "*", true],
    ["3.248.0", "latest", true],
    ["3.248.0", "1.0.0 - 3.300.0", true],
  ])("%s satisfies %s: %s", (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it("names the package of a bare specifier", () => {
    expect(["mime", "@pulumi/aws/s3", "lodash/fp", "./local", "node:fs"].map(packageOf)).toEqual([
      "mime",
      "@pulumi/aws",
      "lodash",
      undefined,
      undefined,
    ]);
  });
});

describe("a program with its own installed @pulumi/pulumi", () => {
  const dir = path.join(root, ".cache", `test-own-sdk-${process.pid}`);

  beforeAll(() => {
    // A copy, not a link: Node resolves links to the real path, which would be the runner's own copy.
    const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
    fs.cpSync(sdk, path.join(dir, "node_modules", "@pulumi", "pulumi"), { recursive: true });
    const version = JSON.parse(fs.readFileSync(path.join(sdk, "package.json"), "utf8")).version;
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({
        name: "own-sdk",
        private: true,
        dependencies: { "@pulumi/pulumi": version },
      }),
    );
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: own-sdk\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
    fs.writeFileSync(
      path.join(dir, "index.ts"),
      [
        'import * as pulumi from "@pulumi/pulumi";',
        "class Thing extends pulumi.ComponentResource {",
        "  constructor(name: string) {",
        '    super("own:index:Thing", name, {});',
        "    this.registerOutputs({});",
        "  }",
        "}",
        'new Thing("thing");',
        'export const sdk = require.resolve("@pulumi/pulumi");',
        "",
      ].join("\n"),
    );
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("runs with that copy: the program's resources register through it", async () => {
    const result = await runWorker(
      { programDir: dir, stack: "dev", packDir: path.join(root, "policies") },
      { env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } },
    );
    if (!result.ok) {
      throw new Error(result.message);
    }
    expect(String(result.outputs["sdk"])).toBe(
      path.join(dir, "node_modules", "@pulumi", "pulumi", "index.js"),
    );
    expect(result.resources.map((r) => r.urn)).toEqual([
      "urn:pulumi:dev::own-sdk::pulumi:pulumi:Stack::own-sdk-dev",
      "urn:pulumi:dev::own-sdk::own:index:Thing::thing",
    ]);
  }, 120_000);
});
