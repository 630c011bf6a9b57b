/**
 * README claims a command can check: which functions the components deploy, what `.ci/run` runs, and that the
 * policy pack's own README describes a folder that can be copied on its own.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

describe("README", () => {
  it("names exactly the function folders the components deploy", () => {
    const deployed = new Set(
      sources(path.join(root, "components")).flatMap((file) =>
        [...fs.readFileSync(file, "utf8").matchAll(/entry: "(functions\/[^/"]+)\//g)].map(
          (m) => m[1],
        ),
      ),
    );
    const sentence = /The components deploy [^.]*\./.exec(readme.replace(/\n/g, " "))?.[0] ?? "";
    const claimed = new Set([...sentence.matchAll(/`(functions\/[a-z0-9-]+)`/g)].map((m) => m[1]));
    expect(deployed.size).toBeGreaterThan(0);
    expect([...claimed].sort()).toEqual([...deployed].sort());
  });

  it("describes the npm commands .ci/run runs, in order", () => {
    const run = fs
      .readFileSync(path.join(root, ".ci", "run"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.startsWith("npm "));
    const sentence = /`\.ci\/run` is [^.]*\./.exec(readme.replace(/\n/g, " "))?.[0] ?? "";
    const described = [...sentence.matchAll(/`(npm [^`]+)`/g)].map((m) => m[1]);
    expect(run.length).toBeGreaterThan(0);
    expect(run.map((line, i) => [line, line.startsWith(described[i] ?? "\0")])).toEqual(
      run.map((line) => [line, true]),
    );
    expect(described).toHaveLength(run.length);
  });
});

describe("policies/README.md", () => {
  const pack = path.join(root, "policies");
  const packReadme = fs.readFileSync(path.join(pack, "README.md"), "utf8");

  it("is true that the pack imports nothing from outside its folder", () => {
    const outside = sources(pack)
      .filter((file) => !file.includes(`${path.sep}node_modules${path.sep}`))
      .flatMap((file) =>
        [...fs.readFileSync(file, "utf8").matchAll(/from\s+"(\.[^"]+)"/g)]
          .map((m) => path.resolve(path.dirname(file), m[1]))
          .filter((target) => !target.startsWith(pack + path.sep))
          .map((target) => `${path.relative(root, file)} -> ${path.relative(root, target)}`),
      );
    expect(outside).toEqual([]);
  });

  it("links only files of the pack that exist", () => {
    const links = [...packReadme.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !fs.existsSync(path.join(pack, l)))).toEqual([]);
  });

  it("names in its configuration example only policies and settings the pack has", async () => {
    const { policies } = await import("../policies/policies");
    const example = /```json\n([\s\S]*?)```/.exec(packReadme)?.[1] ?? "{}";
    const config = JSON.parse(example) as Record<string, unknown>;
    const byName = new Map(policies.map((p) => [p.name, p]));
    const unknown = Object.entries(config).flatMap(([name, value]) => {
      const policy = byName.get(name);
      if (!policy) {
        return [name];
      }
      const settings = typeof value === "object" && value !== null ? Object.keys(value) : [];
      const schema = Object.keys(policy.configSchema?.properties ?? {});
      return settings
        .filter((k) => k !== "enforcementLevel" && !schema.includes(k))
        .map((k) => `${name}.${k}`);
    });
    expect(Object.keys(config).length).toBeGreaterThan(0);
    expect(unknown).toEqual([]);
  });
});

describe("the tree", () => {
  it("holds no merge-conflict markers in any document, source or configuration file", () => {
    const skip = new Set(["node_modules", ".git", "reports", ".cache"]);
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          return skip.has(e.name) ? [] : files(full);
        }
        return /\.(ts|md|ya?ml|json)$/.test(e.name) && e.name !== "package-lock.json" ? [full] : [];
      });
    const marked = files(root).filter((file) =>
      /^(<{7}|>{7}) /m.test(fs.readFileSync(file, "utf8")),
    );
    expect(marked.map((f) => path.relative(root, f))).toEqual([]);
  });
});
