import { stackPolicy } from "../lib/define";
import {
  AdequateCountry,
  adequateCountries,
  isAllowedLocation,
  locationsIn,
  normaliseLocation,
  residencyZones,
} from "../catalog/residency";
import { isUnknownValueError, props } from "./lib/resources";
import { azure } from "./lib/types";
import { inferredZone, placementsOf, zoneOf } from "./lib/location";

interface Config {
  residency?: string;
  allowedLocations?: { aws?: string[]; gcp?: string[]; azure?: string[] };
  adequate?: AdequateCountry[];
}

/**
 * Personal data may leave the residency zone only under Chapter V safeguards, so in a stack with residency `eu`
 * nothing may be placed outside the EU: every provider (aws region, gcp region/zone, azure-native location), every
 * located resource (`region`, `location`, `zone`, Spanner instance configs, GCP multi-regions and dual-region data
 * locations), the Chime SDK media and control regions Lambda functions are configured with, and Azure OpenAI
 * deployments, whose Global* SKUs process prompts in any Azure region worldwide (DataZone* or regional SKUs stay in
 * the zone). The zone comes from the policy's `residency` config, else from the `residency` tag/label on the
 * providers or resources, else it is inferred: when every explicit provider (AWS, GCP and Azure alike) sits in one
 * zone, the stack is held to that zone and each finding says the zone was inferred and from which providers.
 * "eu" means EU and EEA member states; the UK and Switzerland join only through the `adequate` option.
 * @severity critical
 * @controls gdpr:art44-46, gdpr:art32
 */
export const stackResidencyEnforceAllowedLocations = stackPolicy(
  {
    name: "stack-residency-enforce-allowed-locations",
    description:
      "In a stack with a residency zone, every provider and every located resource must be in one of the zone's allowed locations.",
    severity: "critical",
    controls: ["gdpr:art44-46", "gdpr:art32"],
    remediationSteps:
      "Pin each provider to a region of the zone (policies/catalog/residency.ts lists them), set region/location on resources to one of them (GCP: EU or eur3-style multi-regions, regional-europe-* Spanner configs), list only zone regions in MEDIA_REGIONS/CONTROL_REGION, and deploy Azure OpenAI models with a DataZone* or regional SKU instead of Global*.",
    configSchema: {
      properties: {
        residency: {
          type: "string",
          enum: [...residencyZones],
          description:
            "The residency zone; when unset it is read from the residency tag/label of the providers or resources.",
        },
        adequate: {
          type: "array",
          items: { type: "string", enum: Object.keys(adequateCountries) },
          default: [],
          description:
            'Countries with an adequacy decision admitted to the "eu" zone explicitly: "uk" (United Kingdom), "ch" (Switzerland).',
        },
        allowedLocations: {
          type: "object",
          description:
            'Per cloud, the locations allowed in this stack\'s zone, replacing the catalog\'s list (policies/catalog/residency.ts) for that cloud; for example a narrower {"aws": ["eu-central-1"]}.',
          properties: {
            aws: { type: "array", items: { type: "string" } },
            gcp: { type: "array", items: { type: "string" } },
            azure: { type: "array", items: { type: "string" } },
          },
          additionalProperties: false,
        },
      },
    },
  },
  ({ args, report }) => {
    const config = args.getConfig<Config>();
    const options = { adequate: config.adequate ?? [] };
    const found = zoneOf(config.residency, args.resources) ?? inferredZone(args.resources, options);
    if (found === undefined) {
      return args.notApplicable(
        "No residency zone: set the policy's residency config or a residency tag/label on the providers or resources, or place every provider in one zone.",
      );
    }
    const zone = found;
    // Each resource is judged on its own: an unknown location ends only that resource's check, and the policy is
    // reported indeterminate after every known finding.
    let unknown: unknown;
    for (const r of args.resources) {
      try {
        check(r);
      } catch (err) {
        if (!isUnknownValueError(err)) {
          throw err;
        }
        unknown ??= err;
      }
    }
    if (unknown !== undefined) {
      throw unknown;
    }

    function check(r: (typeof args.resources)[number]): void {
      for (const placement of placementsOf(r)) {
        const narrowed = config.allowedLocations?.[placement.cloud]?.map(normaliseLocation);
        const inside = narrowed
          ? narrowed.includes(placement.location)
          : isAllowedLocation(zone.zone, placement.cloud, placement.location, options);
        if (!inside) {
          const allowed = narrowed ?? locationsIn(zone.zone, placement.cloud, options);
          report(
            `${r.type.startsWith("pulumi:providers:") ? "Provider" : "Resource"} ${r.name} is placed in ${placement.raw} (${placement.field}), outside residency zone ${zone.zone} (from ${zone.from}); allowed: ${allowed.join(", ")}.`,
            r.urn,
          );
        }
      }
      if (r.type === azure.cognitiveDeployment) {
        const sku = props(r).sku?.name;
        if (typeof sku === "string" && /^global/i.test(sku)) {
          report(
            `Azure OpenAI deployment ${r.name} uses sku ${sku}, which processes data in any Azure region worldwide, outside residency zone ${zone.zone} (from ${zone.from}); expected a DataZone* or regional (Standard, ProvisionedManaged) sku.`,
            r.urn,
          );
        }
      }
    }
  },
);
