/**
 * Where providers and resources put data, in the spelling of `policies/catalog/residency.ts`: GCP zones reduce to
 * their region, Spanner instance configs to their region or multi-region, Azure display names to their short form.
 */
import type { PolicyResource } from "@pulumi/policy";
import {
  isResidencyZone,
  normaliseLocation,
  ResidencyZone,
  ZoneOptions,
  zonesOfLocation,
} from "../../catalog/residency";
import { cloudOfType, providers } from "./types";
import { objectValue, peek, props, Props } from "./resources";
import { ownLabels } from "./labels";

export const residencyKey = "residency";

/** Lambda environment variables that name the Chime SDK media or control regions a function will use. */
export const chimeRegionVariables = [
  "MEDIA_REGIONS",
  "CHIME_MEDIA_REGION",
  "CHIME_MEDIA_REGIONS",
  "CONTROL_REGION",
  "CHIME_CONTROL_REGION",
];

/** Azure resource types whose location is `global` by design and holds no personal data. */
export const inherentlyGlobalTypes = [
  "azure-native:privatedns:PrivateZone",
  "azure-native:privatedns:VirtualNetworkLink",
];

export interface ZoneSource {
  readonly zone: ResidencyZone;
  /** Where the zone was read, for messages. */
  readonly from: string;
  /** True when no zone was declared and the providers' locations decided it. */
  readonly inferred?: boolean;
}

function providerResidency(p: PolicyResource): string | undefined {
  if (p.type === providers.azure) {
    // azure-native providers carry no default tags; their location decides through inference.
    return undefined;
  }
  const pp = props(p);
  const read = peek(() =>
    p.type === providers.aws ? objectValue(pp.defaultTags)?.tags : objectValue(pp.defaultLabels),
  );
  const value = read.known ? (read.value as Props | undefined)?.[residencyKey] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The residency zone: policy config first, then the providers' default tags/labels, then resources' own labels. */
export function zoneOf(
  configured: unknown,
  resources: readonly PolicyResource[],
): ZoneSource | undefined {
  if (isResidencyZone(configured)) {
    return { zone: configured, from: "policy config" };
  }
  const explicitProviders = resources.filter(
    (r) => r.type === providers.aws || r.type === providers.gcp || r.type === providers.azure,
  );
  for (const p of explicitProviders) {
    const value = providerResidency(p)?.toLowerCase();
    if (isResidencyZone(value)) {
      return { zone: value, from: `provider ${p.name}` };
    }
  }
  for (const r of resources) {
    const value = ownLabels(r).labels[residencyKey]?.toLowerCase();
    if (isResidencyZone(value)) {
      return { zone: value, from: `resource ${r.name}` };
    }
  }
  return undefined;
}

/**
 * The zone the explicit providers (AWS, GCP and Azure alike) all sit in, when no zone is declared: every provider
 * that declares a location must lie in one and the same zone. Unknown locations end the policy as indeterminate
 * (the engine's proxy throws), never as "not set".
 */
export function inferredZone(
  resources: readonly PolicyResource[],
  options: ZoneOptions = {},
): ZoneSource | undefined {
  const located = resources
    .filter((r) => r.type.startsWith("pulumi:providers:"))
    .flatMap((p) => placementsOf(p).map((placement) => ({ p, placement })));
  if (located.length === 0) {
    return undefined;
  }
  const common = residencyZonesShared(
    located.map(({ placement }) => zonesOfLocation(placement.cloud, placement.location, options)),
  );
  if (common.length !== 1) {
    return undefined;
  }
  const names = [...new Set(located.map(({ p, placement }) => `${p.name} (${placement.raw})`))];
  return { zone: common[0], from: `inferred from providers ${names.join(", ")}`, inferred: true };
}

function residencyZonesShared(sets: readonly ResidencyZone[][]): ResidencyZone[] {
  return sets.reduce((acc, s) => acc.filter((z) => s.includes(z)));
}

export interface Placement {
  readonly cloud: "aws" | "gcp" | "azure";
  /** The property the location was read from, e.g. `region` or `environment.variables.MEDIA_REGIONS`. */
  readonly field: string;
  /** As written in the program. */
  readonly raw: string;
  /** As compared with the allowed list. */
  readonly location: string;
}

/** GCP zones (`europe-west3-a`) to regions; Spanner configs (`regional-europe-west3`, paths) to their location. */
export function gcpLocation(value: string): string {
  const last = value.split("/").pop() ?? value;
  const unprefixed = last.replace(/^regional-/, "");
  const zone = /^([a-z]+-[a-z]+\d+)-[a-z]$/.exec(unprefixed);
  return normaliseLocation(zone ? zone[1] : unprefixed);
}

function place(cloud: Placement["cloud"], field: string, raw: string): Placement {
  return {
    cloud,
    field,
    raw,
    location: cloud === "gcp" ? gcpLocation(raw) : normaliseLocation(raw),
  };
}

/** Every location a provider or resource declares. Unknown values end the policy as indeterminate. */
export function placementsOf(r: PolicyResource): Placement[] {
  const cloud = cloudOfType(r.type);
  if (cloud === undefined || inherentlyGlobalTypes.includes(r.type)) {
    return [];
  }
  const p = props(r);
  const out: Placement[] = [];
  const fields = r.type.startsWith("pulumi:providers:")
    ? ["region", "zone", "location"]
    : ["region", "location", "zone"];
  for (const field of fields) {
    if (field in p && typeof p[field] === "string" && p[field] !== "") {
      out.push(place(cloud, field, p[field]));
    }
  }
  if (r.type === "gcp:spanner/instance:Instance" && typeof p.config === "string") {
    out.push(place(cloud, "config", p.config));
  }
  if (r.type === "gcp:storage/bucket:Bucket") {
    for (const location of (p.customPlacementConfig?.dataLocations ?? []) as string[]) {
      out.push(place(cloud, "customPlacementConfig.dataLocations", location));
    }
  }
  if (r.type === "aws:lambda/function:Function") {
    const variables: Props = p.environment?.variables ?? {};
    for (const name of chimeRegionVariables.filter((v) => v in variables)) {
      for (const region of String(variables[name])
        .split(/[\s,;]+/)
        .filter((s) => s !== "")) {
        out.push(place("aws", `environment.variables.${name}`, region));
      }
    }
  }
  return out;
}
