/**
 * Tags and labels as a resource ends up with them: its own (`tags`, `tagsAll`, `labels`, `effectiveLabels`,
 * `resourceLabels`) over its provider's defaults (aws `defaultTags.tags`, gcp `defaultLabels`). PHI-ness is read
 * from the `data-classification` label.
 */
import type { PolicyResource, PolicyProviderResource } from "@pulumi/policy";
import { providers } from "./types";
import { objectValue, peek, props, Props } from "./resources";

export const classificationKey = "data-classification";
export const phiClassification = "phi";

export const ownLabelKeys = ["tags", "tagsAll", "labels", "effectiveLabels", "resourceLabels"];

export interface LabelView {
  readonly labels: Readonly<Record<string, string>>;
  /** True when a label map (or one of its values) was unknown, so a missing key may yet appear. */
  readonly incomplete: boolean;
}

function collect(maps: unknown[], into: Record<string, string>): boolean {
  let incomplete = false;
  for (const map of maps) {
    const m = objectValue(map);
    if (!m) {
      continue;
    }
    for (const key of Object.keys(m)) {
      const v = peek(() => m[key]);
      if (v.known && v.value !== undefined && v.value !== null) {
        into[key] = String(v.value);
      } else if (!v.known) {
        incomplete = true;
      }
    }
  }
  return incomplete;
}

function providerLabelMap(type: string, p: Props): unknown {
  if (type === providers.aws) {
    const d = peek(() => objectValue(p.defaultTags));
    return d.known ? d.value?.tags : undefined;
  }
  if (type === providers.gcp) {
    const d = peek(() => p.defaultLabels);
    return d.known ? d.value : undefined;
  }
  return undefined;
}

/**
 * Default labels of the resource's provider. The engine passes the provider with each resource; when it is not
 * there, a label counts only if every provider of that package in the stack sets it to the same value.
 */
export function providerLabels(
  r: PolicyResource,
  resources: readonly PolicyResource[],
): Record<string, string> {
  const own = (r as { provider?: PolicyProviderResource }).provider;
  if (own) {
    const out: Record<string, string> = {};
    collect([providerLabelMap(own.type, own.props as Props)], out);
    return out;
  }
  const pkg = r.type.split(":")[0];
  const candidates = resources.filter((p) => p.type === `pulumi:providers:${pkg}`);
  if (candidates.length === 0) {
    return {};
  }
  const each = candidates.map((p) => {
    const out: Record<string, string> = {};
    collect([providerLabelMap(p.type, props(p))], out);
    return out;
  });
  const [first, ...rest] = each;
  return Object.fromEntries(
    Object.entries(first).filter(([k, v]) => rest.every((o) => o[k] === v)),
  );
}

export function ownLabels(r: PolicyResource): LabelView {
  const p = props(r);
  const labels: Record<string, string> = {};
  let incomplete = false;
  for (const key of ownLabelKeys) {
    if (!(key in p)) {
      continue;
    }
    const v = peek(() => p[key]);
    if (!v.known) {
      incomplete = true;
      continue;
    }
    incomplete = collect([v.value], labels) || incomplete;
  }
  return { labels, incomplete };
}

export function effectiveLabels(
  r: PolicyResource,
  resources: readonly PolicyResource[],
): LabelView {
  const own = ownLabels(r);
  return { labels: { ...providerLabels(r, resources), ...own.labels }, incomplete: own.incomplete };
}

/** The resource's data classification, lower-cased; undefined when it carries none. */
export function classificationOf(
  r: PolicyResource,
  resources: readonly PolicyResource[],
): string | undefined {
  const value = effectiveLabels(r, resources).labels[classificationKey];
  return value?.toLowerCase();
}

/**
 * PHI when classified `phi`; a resource without any classification counts as PHI unless `unlabelledIsPhi` is
 * false (fail safe: forgetting the label must not exempt a store).
 */
export function isPhi(
  r: PolicyResource,
  resources: readonly PolicyResource[],
  unlabelledIsPhi: boolean,
): boolean {
  const c = classificationOf(r, resources);
  return c === undefined ? unlabelledIsPhi : c === phiClassification;
}

/** The configSchema property shared by every policy that decides PHI-ness. */
export const unlabelledIsPhiSchema = {
  type: "boolean",
  default: true,
  description: `Treat a resource without a ${classificationKey} tag or label as PHI (fail safe).`,
} as const;

export function unlabelledIsPhiFrom(config: { unlabelledIsPhi?: boolean }): boolean {
  return config.unlabelledIsPhi ?? true;
}
