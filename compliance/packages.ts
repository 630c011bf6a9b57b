/**
 * Which copies of the @pulumi packages a program runs with, as `pulumi preview` decides it: the program's own
 * installed packages (its package.json and node_modules), or, for a program directory without a package.json that
 * names any, this runner's copies. A program that pins packages it has not installed, or whose installed versions do
 * not satisfy its package.json, stops with the packages, the versions and `npm install` named.
 */
import * as fs from "fs";
import * as path from "path";
import { PlanError } from "./errors";

export interface ProgramPackages {
  /** True when the program's package.json names @pulumi packages: they resolve from the program's directory. */
  readonly own: boolean;
  /** Directory from which `@pulumi/pulumi` resolves for this program. */
  readonly sdkBase: string;
  /** Declared dependencies of the program's package.json (name to range), for error messages. */
  readonly declared: Readonly<Record<string, string>>;
}

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const n = (s: string | undefined) => (s === undefined || s === "x" || s === "*" ? -1 : Number(s));
  return [Number(m[1]), n(m[2]), n(m[3])];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const x = Math.max(a[i], 0);
    const y = Math.max(b[i], 0);
    if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

function satisfiesComparator(v: Version, comparator: string): boolean {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*(.*)$/.exec(comparator)!;
  const op = m[1] ?? "";
  const text = m[2];
  if (text === "" || text === "*" || text === "x" || text === "latest") {
    return true;
  }
  const want = parseVersion(text);
  if (!want) {
    return true; // a form this check does not read (a tag, a URL): the installed copy is taken as is
  }
  const [maj, min, pat] = want;
  switch (op) {
    case ">=":
      return compare(v, want) >= 0;
    case ">":
      return compare(v, want) > 0;
    case "<=":
      return compare(v, want) <= 0;
    case "<":
      return compare(v, want) < 0;
    case "^":
      if (compare(v, want) < 0) {
        return false;
      }
      if (maj > 0 || min < 0) {
        return v[0] === maj;
      }
      if (min > 0 || pat < 0) {
        return v[0] === 0 && v[1] === min;
      }
      return v[0] === 0 && v[1] === 0 && v[2] === pat;
    case "~":
      return compare(v, want) >= 0 && v[0] === maj && (min < 0 || v[1] === min);
    default:
      // "1.2.3", "=1.2.3", "1.x", "1"
      return v[0] === maj && (min < 0 || v[1] === min) && (pat < 0 || v[2] === pat);
  }
}

/** Whether `version` satisfies an npm range such as `^3.0.0`, `~4.1`, `>=3 <4`, `3.x` or `1.2.3 || 2.x`. */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (!v) {
    return true;
  }
  const spec = range.trim();
  if (/^(file:|link:|workspace:|git|https?:|npm:|github:)/.test(spec) || spec.includes("/")) {
    return true;
  }
  return spec.split("||").some((alternative) => {
    const parts = alternative.trim();
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(parts);
    if (hyphen) {
      return satisfiesComparator(v, `>=${hyphen[1]}`) && satisfiesComparator(v, `<=${hyphen[2]}`);
    }
    return parts
      .replace(/(\^|~|>=|<=|>|<|=)\s+/g, "$1")
      .split(/\s+/)
      .every((c) => satisfiesComparator(v, c));
  });
}

function readJson(file: string): Record<string, any> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, any>;
  } catch {
    return undefined;
  }
}

/** The installed version of `name` as seen from `dir`, or undefined when it does not resolve. */
export function installedVersion(
  name: string,
  dir: string,
): { version: string; at: string } | undefined {
  try {
    const file = require.resolve(`${name}/package.json`, { paths: [dir] });
    return { version: String(readJson(file)?.["version"] ?? ""), at: path.dirname(file) };
  } catch {
    return undefined;
  }
}

export function programPackages(programDir: string, runnerRoot: string): ProgramPackages {
  const pkg = readJson(path.join(programDir, "package.json"));
  const declared: Record<string, string> = {
    ...(pkg?.["devDependencies"] ?? {}),
    ...(pkg?.["dependencies"] ?? {}),
  };
  const pulumiDeps = Object.entries(declared).filter(([name]) => name.startsWith("@pulumi/"));
  if (pulumiDeps.length === 0) {
    return { own: false, sdkBase: runnerRoot, declared };
  }
  const problems: string[] = [];
  for (const [name, range] of pulumiDeps) {
    const found = installedVersion(name, programDir);
    if (!found) {
      problems.push(`${name}@${range} (not installed)`);
    } else if (!satisfies(found.version, range)) {
      problems.push(`${name}@${range} (installed: ${found.version} in ${found.at})`);
    }
  }
  if (problems.length > 0) {
    throw new PlanError(
      "program",
      `The program's package.json pins packages that are not installed as it asks: ${problems.join(", ")}. ` +
        `Run \`npm install\` in ${programDir} (as before \`pulumi preview\`), then plan again.`,
    );
  }
  return { own: true, sdkBase: programDir, declared };
}

/** The package a bare module specifier names: `mime`, `@scope/name`, `lodash/fp` -> `lodash`. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) {
    return undefined;
  }
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}
