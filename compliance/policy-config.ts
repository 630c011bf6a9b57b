/**
 * Policy configuration as `pulumi preview --policy-pack-config <file>` takes it, reconciled the way the engine
 * does before it calls the analyzer's Configure: each policy starts at its own enforcement level with its schema's
 * defaults, then the pack's initial config, then `all`, then the policy's own entry; properties are validated
 * against the policy's configSchema.
 *
 * File format: `{ "all": "mandatory", "<policy>": "advisory" | { "enforcementLevel": "...", "<prop>": value } }`.
 */
import * as fs from "fs";
import Ajv from "ajv";
import { PlanError } from "./errors";

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
    if (name === "all" && Object.keys(properties).length > 0) {
      throw new PlanError(
        "configuration",
        `${source}: [all] takes only an enforcement level, not properties.`,
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

export function reconcilePolicyConfig(
  policies: readonly PolicyDescriptor[],
  initial: PolicyConfigFile,
  user: PolicyConfigFile,
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
  const result: Record<string, ReconciledConfig> = {};
  const problems: string[] = [];
  for (const policy of policies) {
    let level = policy.enforcementLevel;
    const properties: Record<string, unknown> = {};
    for (const layer of [initial, user]) {
      level = layer["all"]?.enforcementLevel ?? level;
      const own = layer[policy.name];
      if (own) {
        level = own.enforcementLevel ?? level;
        Object.assign(properties, own.properties);
      }
    }
    const schema = policy.configSchema;
    if (schema?.properties) {
      const validate = ajv.compile({
        type: "object",
        properties: schema.properties,
        ...(schema.required ? { required: schema.required } : {}),
      });
      if (!validate(properties)) {
        for (const e of validate.errors ?? []) {
          const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "";
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
