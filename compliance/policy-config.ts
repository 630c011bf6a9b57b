/**
 * Policy configuration as `pulumi preview --policy-pack-config <file>` takes it, reconciled the way the engine
 * does before it calls the analyzer's Configure: each policy starts at its own enforcement level with its schema's
 * defaults, then the pack's initial config, then `all`, then the policy's own entry; properties are validated
 * against the policy's configSchema.
 *
 * File format: `{ "all": "mandatory", "<policy>": "advisory" | { "enforcementLevel": "...", "<prop>": value } }`.
 * Two more top-level keys are the runner's own: `"strict": true` (an indeterminate result fails the gate, as
 * `--strict` does) and `"all": { "maxSuppressionDays": N }` (the suppression window of every policy). Every other
 * key, at any depth, must be one the policy's schema names; an unknown key is refused by name, as are
 * suppressions without a real expiry date inside the window and suppressions of every resource without
 * `allResources: true`.
 */
import * as fs from "fs";
import Ajv from "ajv";
import { PlanError } from "./errors";
import {
  addDays,
  defaultMaxSuppressionDays,
  isCalendarDate,
  matchesEverything,
} from "../policies/lib/suppressions";

export const enforcementLevels = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof enforcementLevels)[number];

export interface PolicyConfigEntry {
  readonly enforcementLevel?: EnforcementLevel;
  readonly properties: Record<string, unknown>;
}

export type PolicyConfigFile = Readonly<Record<string, PolicyConfigEntry>>;

export interface PolicyDescriptor {
  readonly name: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly configSchema?: { properties?: Record<string, any>; required?: string[] };
}

export interface ReconciledConfig {
  readonly enforcementLevel: EnforcementLevel;
  readonly properties: Record<string, unknown>;
}

function isLevel(value: unknown): value is EnforcementLevel {
  return typeof value === "string" && (enforcementLevels as readonly string[]).includes(value);
}

/** The runner's switches in a policy configuration file. */
export interface PolicyConfigSwitches {
  readonly strict: boolean;
}

/** Top-level keys that are switches, not policy names. */
const switchKeys = ["strict"];

/** Reads the switches (`strict`) from a policy configuration's text. */
export function parsePolicyConfigSwitches(text: string, source: string): PolicyConfigSwitches {
  const doc = JSON.parse(text) as Record<string, unknown>;
  const strict = doc?.strict;
  if (strict !== undefined && typeof strict !== "boolean") {
    throw new PlanError(
      "configuration",
      `${source}: [strict] is ${JSON.stringify(strict)}; expected true or false.`,
    );
  }
  return { strict: strict === true };
}

export function readPolicyConfigSwitches(file: string): PolicyConfigSwitches {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new PlanError("usage", `--policy-config ${file}: ${(err as Error).message}`);
  }
  parsePolicyConfig(text, file);
  return parsePolicyConfigSwitches(text, file);
}

export function parsePolicyConfig(text: string, source: string): PolicyConfigFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new PlanError("configuration", `${source} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new PlanError(
      "configuration",
      `${source} must hold a JSON object keyed by policy name (or "all").`,
    );
  }
  const out: Record<string, PolicyConfigEntry> = {};
  for (const [name, value] of Object.entries(doc as Record<string, unknown>)) {
    if (switchKeys.includes(name)) {
      parsePolicyConfigSwitches(text, source);
      continue;
    }
    if (typeof value === "string") {
      if (!isLevel(value)) {
        throw new PlanError(
          "configuration",
          `${source}: [${name}] is ${JSON.stringify(value)}; expected an enforcement level (${enforcementLevels.join(", ")}) or an object.`,
        );
      }
      out[name] = { enforcementLevel: value, properties: {} };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new PlanError(
        "configuration",
        `${source}: [${name}] is ${JSON.stringify(value)}; expected an enforcement level or an object of properties.`,
      );
    }
    const { enforcementLevel, ...properties } = value as Record<string, unknown>;
    if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
      throw new PlanError(
        "configuration",
        `${source}: [${name}.enforcementLevel] is ${JSON.stringify(enforcementLevel)}; expected one of ${enforcementLevels.join(", ")}.`,
      );
    }
    const allKeys = Object.keys(properties).filter((k) => k !== "maxSuppressionDays");
    if (name === "all" && allKeys.length > 0) {
      throw new PlanError(
        "configuration",
        `${source}: [all.${allKeys[0]}] is not a setting of all; [all] takes only enforcementLevel and maxSuppressionDays.`,
      );
    }
    if (
      name === "all" &&
      properties.maxSuppressionDays !== undefined &&
      !(
        Number.isInteger(properties.maxSuppressionDays) &&
        (properties.maxSuppressionDays as number) >= 1
      )
    ) {
      throw new PlanError(
        "configuration",
        `${source}: [all.maxSuppressionDays] is ${JSON.stringify(properties.maxSuppressionDays)}; expected a whole number of days, at least 1.`,
      );
    }
    out[name] = { enforcementLevel: enforcementLevel as EnforcementLevel | undefined, properties };
  }
  return out;
}

export function readPolicyConfigFile(file: string): PolicyConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new PlanError("usage", `--policy-config ${file}: ${(err as Error).message}`);
  }
  return parsePolicyConfig(text, file);
}

/** Problems with the suppressions of one policy: expiry, window and scope, each naming the entry. */
export function suppressionProblems(
  policy: string,
  suppressions: unknown,
  maxDays: number,
  today: string,
): string[] {
  if (!Array.isArray(suppressions)) {
    return [];
  }
  const latest = addDays(today, maxDays);
  return suppressions.flatMap((s: Record<string, unknown>, i) => {
    const at = `${policy}.suppressions[${i}]`;
    if (typeof s !== "object" || s === null) {
      return [];
    }
    const found: string[] = [];
    if (s.expires === undefined) {
      found.push(
        `${at}.expires is missing; expected a date YYYY-MM-DD at most ${maxDays} days ahead.`,
      );
    } else if (!isCalendarDate(s.expires)) {
      found.push(
        `${at}.expires is ${JSON.stringify(s.expires)}, not a real date; expected YYYY-MM-DD at most ${maxDays} days ahead.`,
      );
    } else if (s.expires > latest) {
      found.push(
        `${at}.expires is ${s.expires}, more than ${maxDays} days ahead; expected ${latest} or earlier (raise maxSuppressionDays to allow more).`,
      );
    }
    if (matchesEverything(s.resource) && s.allResources !== true) {
      found.push(
        `${at}.resource is ${JSON.stringify(s.resource)}, which matches every resource; add allResources: true to mean it.`,
      );
    }
    return found;
  });
}

export function reconcilePolicyConfig(
  policies: readonly PolicyDescriptor[],
  initial: PolicyConfigFile,
  user: PolicyConfigFile,
  today: string = new Date().toISOString().slice(0, 10),
): Record<string, ReconciledConfig> {
  const known = new Set(policies.map((p) => p.name));
  const unknown = Object.keys(user).filter((n) => n !== "all" && !known.has(n));
  if (unknown.length > 0) {
    throw new PlanError(
      "configuration",
      `Policy configuration names unknown policies: ${unknown.join(", ")}. The pack's policies are listed in POLICIES.md.`,
    );
  }
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });
  // Most policies share a schema (the suppressions property): each distinct one is compiled once.
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  const result: Record<string, ReconciledConfig> = {};
  const problems: string[] = [];
  for (const policy of policies) {
    let level = policy.enforcementLevel;
    const properties: Record<string, unknown> = {};
    for (const layer of [initial, user]) {
      level = layer["all"]?.enforcementLevel ?? level;
      Object.assign(properties, layer["all"]?.properties ?? {});
      const own = layer[policy.name];
      if (own) {
        level = own.enforcementLevel ?? level;
        Object.assign(properties, own.properties);
      }
    }
    const schema = policy.configSchema;
    const allowed = Object.keys(schema?.properties ?? {});
    for (const key of Object.keys(properties)) {
      if (!allowed.includes(key) && !(key === "maxSuppressionDays" && !schema?.properties)) {
        problems.push(
          `${policy.name}: unknown key [${key}]; expected one of ${allowed.join(", ") || "(none)"}.`,
        );
      }
    }
    if (allowed.includes("suppressions")) {
      const maxDays =
        typeof properties.maxSuppressionDays === "number"
          ? properties.maxSuppressionDays
          : defaultMaxSuppressionDays;
      problems.push(...suppressionProblems(policy.name, properties.suppressions, maxDays, today));
    }
    if (schema?.properties) {
      const full = {
        type: "object",
        properties: schema.properties,
        ...(schema.required ? { required: schema.required } : {}),
      };
      const key = JSON.stringify(full);
      let validate = validators.get(key);
      if (!validate) {
        validate = ajv.compile(full);
        validators.set(key, validate);
      }
      if (!validate(properties)) {
        for (const e of validate.errors ?? []) {
          const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "";
          if (e.keyword === "additionalProperties") {
            const key = (e.params as { additionalProperty?: string }).additionalProperty;
            problems.push(`${policy.name}${at ? `.${at}` : ""}: unknown key [${key}].`);
            continue;
          }
          problems.push(
            `${policy.name}${at ? `.${at}` : ""}: ${e.message}` +
              (at ? ` (received ${JSON.stringify(properties[at.split(".")[0]])})` : ""),
          );
        }
      }
    }
    result[policy.name] = { enforcementLevel: level, properties };
  }
  if (problems.length > 0) {
    throw new PlanError(
      "configuration",
      `Invalid policy configuration:\n  ${problems.join("\n  ")}`,
    );
  }
  return result;
}
