/**
 * Reads a program's Pulumi.yaml and Pulumi.<stack>.yaml into the configuration map the engine would hand the
 * program: project defaults applied, declared types checked, structured values as JSON strings, and encrypted
 * (`secure:`) values replaced by marked placeholders, since they cannot be decrypted without the stack's secrets
 * provider.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { PlanError } from "./errors";

export interface ProgramProject {
  readonly dir: string;
  readonly name: string;
  /** The entry module, absolute. */
  readonly main: string;
  readonly declared: Readonly<Record<string, DeclaredKey>>;
  /** Stack names found as Pulumi.<stack>.yaml beside Pulumi.yaml, sorted. */
  readonly stacks: readonly string[];
  /** Pulumi.yaml `runtime.options.typescript` (default true): TypeScript is compiled and type-checked. */
  readonly typescript: boolean;
}

interface DeclaredKey {
  readonly type?: string;
  readonly default?: unknown;
  readonly value?: unknown;
  readonly secret?: boolean;
}

export interface StackConfig {
  readonly stack: string;
  /** Fully qualified key (`ns:key`) to the string the program sees. */
  readonly values: Readonly<Record<string, string>>;
  readonly secretKeys: readonly string[];
  /** Keys whose encrypted values were replaced by placeholders (`key` or, nested, `key.path[0].field`). */
  readonly placeholders: readonly string[];
}

/**
 * The Pulumi CLI's rule for project names (pulumi/pulumi ValidateProjectName, with its messages): not empty,
 * at most 100 characters, only letters, digits, `-`, `_` and `.`.
 */
export function projectNameProblem(name: string): string | undefined {
  if (name.length > 100) {
    return "project names are limited to 100 characters";
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    return "project names may only contain alphanumerics, hyphens, underscores, and periods";
  }
  return undefined;
}

export const secretPlaceholderPrefix = "offline-placeholder-secret:";

function readYaml(file: string): unknown {
  try {
    return parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new PlanError("configuration", `Cannot read ${file}: ${(err as Error).message}`);
  }
}

export function loadProject(dir: string): ProgramProject {
  const abs = path.resolve(dir);
  const file = path.join(abs, "Pulumi.yaml");
  if (!fs.existsSync(file)) {
    throw new PlanError(
      "usage",
      `No Pulumi.yaml in ${abs}; --program must name a Pulumi program directory (one holding Pulumi.yaml and Pulumi.<stack>.yaml).`,
    );
  }
  const doc = readYaml(file) as Record<string, unknown> | null;
  const name = doc?.["name"];
  if (typeof name !== "string" || name === "") {
    throw new PlanError(
      "configuration",
      `${file}: [name] is ${JSON.stringify(name)}; expected the project name.`,
    );
  }
  const nameProblem = projectNameProblem(name);
  if (nameProblem) {
    throw new PlanError(
      "configuration",
      `${file}: [name] is ${JSON.stringify(name)}; ${nameProblem} (the Pulumi CLI refuses it too).`,
    );
  }
  const runtime = doc?.["runtime"];
  const runtimeName =
    typeof runtime === "string" ? runtime : (runtime as { name?: unknown } | undefined)?.name;
  if (runtimeName !== "nodejs") {
    throw new PlanError(
      "configuration",
      `${file}: [runtime] is ${JSON.stringify(runtimeName)}; the offline plan runs nodejs (TypeScript or JavaScript) programs only.`,
    );
  }
  const main = resolveMain(abs, doc?.["main"]);
  const declared: Record<string, DeclaredKey> = {};
  const config = (doc?.["config"] ?? {}) as Record<string, unknown>;
  for (const [key, spec] of Object.entries(config)) {
    const full = key.includes(":") ? key : `${name}:${key}`;
    declared[full] =
      typeof spec === "object" && spec !== null ? (spec as DeclaredKey) : { value: spec };
  }
  const stacks = fs
    .readdirSync(abs)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
  const options = (runtime as { options?: Record<string, unknown> } | undefined)?.options;
  const typescript = typeof runtime === "object" ? options?.["typescript"] !== false : true;
  return { dir: abs, name, main, declared, stacks, typescript };
}

function resolveMain(dir: string, main: unknown): string {
  const base = typeof main === "string" ? path.resolve(dir, main) : dir;
  const candidates = fs.existsSync(base) && fs.statSync(base).isFile() ? [base] : [];
  if (candidates.length === 0) {
    let pkgMain: string | undefined;
    const pkgFile = path.join(base, "package.json");
    if (fs.existsSync(pkgFile)) {
      pkgMain = (JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { main?: string }).main;
    }
    for (const c of [pkgMain, "index.ts", "index.js"]) {
      if (c && fs.existsSync(path.join(base, c))) {
        candidates.push(path.join(base, c));
        break;
      }
    }
  }
  if (candidates.length === 0) {
    throw new PlanError(
      "configuration",
      `No entry module in ${base}: expected index.ts, index.js or package.json "main".`,
    );
  }
  return candidates[0];
}

function isSecure(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { secure?: unknown }).secure === "string"
  );
}

/** `value` with every nested `{secure: ...}` replaced by a placeholder naming its path; paths go to `found`. */
function replaceNestedSecure(value: unknown, at: string, found: string[]): unknown {
  if (isSecure(value)) {
    found.push(at);
    return `${secretPlaceholderPrefix}${at}`;
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => replaceNestedSecure(v, `${at}[${i}]`, found));
  }
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        replaceNestedSecure(
          v,
          /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${at}.${k}` : `${at}[${JSON.stringify(k)}]`,
          found,
        ),
      ]),
    );
  }
  return value;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) {
    return "array";
  }
  if (typeof value === "number") {
    return Number.isInteger(value) ? "integer" : "number";
  }
  return typeof value;
}

function asConfigString(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function loadStackConfig(project: ProgramProject, stack: string): StackConfig {
  const file = path.join(project.dir, `Pulumi.${stack}.yaml`);
  // No stack file: the stack has no configuration of its own, as after `pulumi stack init`.
  const doc = (fs.existsSync(file) ? (readYaml(file) ?? {}) : {}) as {
    config?: Record<string, unknown>;
  };
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  const placeholders: string[] = [];

  for (const [key, spec] of Object.entries(project.declared)) {
    const fallback = spec.value !== undefined ? spec.value : spec.default;
    if (fallback !== undefined) {
      values[key] = asConfigString(fallback);
    }
    if (spec.secret) {
      secretKeys.push(key);
    }
  }
  for (const [rawKey, raw] of Object.entries(doc.config ?? {})) {
    const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
    if (isSecure(raw)) {
      values[key] = `${secretPlaceholderPrefix}${key}`;
      secretKeys.push(key);
      placeholders.push(key);
      continue;
    }
    // `pulumi config set --path a.b --secret` writes `secure:` inside an object: the key is secret as a whole.
    const nested: string[] = [];
    const value = replaceNestedSecure(raw, key, nested);
    if (nested.length > 0) {
      secretKeys.push(key);
      placeholders.push(...nested);
    } else if (project.declared[key]?.secret === true) {
      // A key Pulumi.yaml declares `secret: true` takes only an encrypted value, as the Pulumi CLI requires.
      throw new PlanError(
        "configuration",
        `${path.basename(file)}: [${key}] has a plain-text value (not shown), but Pulumi.yaml declares it secret; set it with \`pulumi config set --secret ${key} <value>\`.`,
      );
    }
    const declaredType = project.declared[key]?.type;
    if (declaredType !== undefined) {
      const actual = typeOf(value);
      const fits = actual === declaredType || (declaredType === "number" && actual === "integer");
      if (!fits) {
        throw new PlanError(
          "configuration",
          `${path.basename(file)}: [${key}] is ${JSON.stringify(value)} (${actual}); Pulumi.yaml declares it as ${declaredType}.`,
        );
      }
    }
    values[key] = asConfigString(value);
  }
  return { stack, values, secretKeys: [...new Set(secretKeys)], placeholders };
}
