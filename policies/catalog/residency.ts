/**
 * Data-residency zones and where every region of every cloud stores data. The program validates its stack
 * configuration against this table and the pack's residency policies check every provider and located resource
 * against it, so both read the same facts.
 *
 * Each location maps to the ISO 3166-1 countries its data may be stored in (a multi-region or dual-region maps to
 * all of its members). A zone is a set of countries: "us" the United States; "eu" the member states of the EU and
 * the EEA (Iceland, Liechtenstein, Norway). The United Kingdom and Switzerland hold adequacy decisions (GDPR
 * Art. 45) but are not in the EEA: they join "eu" only through the explicit `adequate` option.
 */
export const residencyZones = ["us", "eu"] as const;
export type ResidencyZone = (typeof residencyZones)[number];

export type Cloud = "aws" | "gcp" | "azure";

export const euMemberStates = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
] as const; // prettier-ignore
export const eeaOnlyStates = ["IS", "LI", "NO"] as const;

/** Countries outside the EEA with an adequacy decision that a stack may add to "eu" explicitly. */
export const adequateCountries = { uk: "GB", ch: "CH" } as const;
export type AdequateCountry = keyof typeof adequateCountries;

export const zoneCountries: Readonly<Record<ResidencyZone, readonly string[]>> = {
  us: ["US"],
  eu: [...euMemberStates, ...eeaOnlyStates],
};

/** Where each location stores data. Every region the installed providers know is listed (tests/policies check it). */
export const locationCountries: Readonly<
  Record<Cloud, Readonly<Record<string, readonly string[]>>>
> = {
  aws: {
    "af-south-1": ["ZA"],
    "ap-east-1": ["HK"],
    "ap-east-2": ["TW"],
    "ap-northeast-1": ["JP"],
    "ap-northeast-2": ["KR"],
    "ap-northeast-3": ["JP"],
    "ap-south-1": ["IN"],
    "ap-south-2": ["IN"],
    "ap-southeast-1": ["SG"],
    "ap-southeast-2": ["AU"],
    "ap-southeast-3": ["ID"],
    "ap-southeast-4": ["AU"],
    "ap-southeast-5": ["MY"],
    "ap-southeast-6": ["NZ"],
    "ap-southeast-7": ["TH"],
    "ca-central-1": ["CA"],
    "ca-west-1": ["CA"],
    "cn-north-1": ["CN"],
    "cn-northwest-1": ["CN"],
    "eu-central-1": ["DE"],
    "eu-central-2": ["CH"],
    "eu-north-1": ["SE"],
    "eu-south-1": ["IT"],
    "eu-south-2": ["ES"],
    "eu-west-1": ["IE"],
    "eu-west-2": ["GB"],
    "eu-west-3": ["FR"],
    // The AWS European Sovereign Cloud (Brandenburg) and the ISOE region are both inside the EU.
    "eusc-de-east-1": ["DE"],
    "eu-isoe-west-1": ["EU"],
    "il-central-1": ["IL"],
    "me-central-1": ["AE"],
    "me-south-1": ["BH"],
    "mx-central-1": ["MX"],
    "sa-east-1": ["BR"],
    "us-east-1": ["US"],
    "us-east-2": ["US"],
    "us-west-1": ["US"],
    "us-west-2": ["US"],
    "us-gov-east-1": ["US"],
    "us-gov-west-1": ["US"],
    "us-iso-east-1": ["US"],
    "us-iso-west-1": ["US"],
    "us-isob-east-1": ["US"],
    "us-isob-west-1": ["US"],
    "us-isof-east-1": ["US"],
    "us-isof-south-1": ["US"],
  },
  gcp: {
    "africa-south1": ["ZA"],
    "asia-east1": ["TW"],
    "asia-east2": ["HK"],
    "asia-northeast1": ["JP"],
    "asia-northeast2": ["JP"],
    "asia-northeast3": ["KR"],
    "asia-south1": ["IN"],
    "asia-south2": ["IN"],
    "asia-southeast1": ["SG"],
    "asia-southeast2": ["ID"],
    "australia-southeast1": ["AU"],
    "australia-southeast2": ["AU"],
    "europe-central2": ["PL"],
    "europe-north1": ["FI"],
    "europe-north2": ["SE"],
    "europe-southwest1": ["ES"],
    "europe-west1": ["BE"],
    "europe-west2": ["GB"],
    "europe-west3": ["DE"],
    "europe-west4": ["NL"],
    "europe-west6": ["CH"],
    "europe-west8": ["IT"],
    "europe-west9": ["FR"],
    "europe-west10": ["DE"],
    "europe-west12": ["IT"],
    "me-central1": ["QA"],
    "me-central2": ["SA"],
    "me-west1": ["IL"],
    "northamerica-northeast1": ["CA"],
    "northamerica-northeast2": ["CA"],
    "northamerica-south1": ["MX"],
    "southamerica-east1": ["BR"],
    "southamerica-west1": ["CL"],
    "us-central1": ["US"],
    "us-east1": ["US"],
    "us-east4": ["US"],
    "us-east5": ["US"],
    "us-south1": ["US"],
    "us-west1": ["US"],
    "us-west2": ["US"],
    "us-west3": ["US"],
    "us-west4": ["US"],
    // Multi-regions, dual-regions and Spanner multi-region configs: every member (witnesses included) counts.
    us: ["US"],
    eu: ["EU"],
    // Cloud KMS names its EU multi-region "europe" (where keys of BigQuery's EU datasets live).
    europe: ["EU"],
    asia: ["JP", "KR", "TW", "HK", "SG", "IN", "ID", "AU"],
    nam3: ["US"],
    nam4: ["US"],
    asia1: ["JP"],
    // eur3: read-write europe-west1 (Belgium) and europe-west4 (Netherlands), witness europe-north1 (Finland).
    eur3: ["BE", "NL", "FI"],
    eur4: ["FI", "NL"],
    eur5: ["GB", "BE", "NL"],
    eur6: ["NL", "DE", "CH"],
  },
  azure: {
    eastus: ["US"],
    eastus2: ["US"],
    centralus: ["US"],
    northcentralus: ["US"],
    southcentralus: ["US"],
    westcentralus: ["US"],
    westus: ["US"],
    westus2: ["US"],
    westus3: ["US"],
    eastus2euap: ["US"],
    centraluseuap: ["US"],
    usgovvirginia: ["US"],
    usgovarizona: ["US"],
    usgovtexas: ["US"],
    usdodcentral: ["US"],
    usdodeast: ["US"],
    canadacentral: ["CA"],
    canadaeast: ["CA"],
    brazilsouth: ["BR"],
    brazilsoutheast: ["BR"],
    mexicocentral: ["MX"],
    chilecentral: ["CL"],
    northeurope: ["IE"],
    westeurope: ["NL"],
    francecentral: ["FR"],
    francesouth: ["FR"],
    germanywestcentral: ["DE"],
    germanynorth: ["DE"],
    swedencentral: ["SE"],
    swedensouth: ["SE"],
    norwayeast: ["NO"],
    norwaywest: ["NO"],
    italynorth: ["IT"],
    polandcentral: ["PL"],
    spaincentral: ["ES"],
    austriaeast: ["AT"],
    belgiumcentral: ["BE"],
    denmarkeast: ["DK"],
    switzerlandnorth: ["CH"],
    switzerlandwest: ["CH"],
    uksouth: ["GB"],
    ukwest: ["GB"],
    eastasia: ["HK"],
    southeastasia: ["SG"],
    japaneast: ["JP"],
    japanwest: ["JP"],
    koreacentral: ["KR"],
    koreasouth: ["KR"],
    centralindia: ["IN"],
    southindia: ["IN"],
    westindia: ["IN"],
    jioindiawest: ["IN"],
    jioindiacentral: ["IN"],
    australiaeast: ["AU"],
    australiasoutheast: ["AU"],
    australiacentral: ["AU"],
    australiacentral2: ["AU"],
    newzealandnorth: ["NZ"],
    indonesiacentral: ["ID"],
    malaysiawest: ["MY"],
    southafricanorth: ["ZA"],
    southafricawest: ["ZA"],
    uaenorth: ["AE"],
    uaecentral: ["AE"],
    qatarcentral: ["QA"],
    israelcentral: ["IL"],
    chinanorth: ["CN"],
    chinanorth2: ["CN"],
    chinanorth3: ["CN"],
    chinaeast: ["CN"],
    chinaeast2: ["CN"],
    chinaeast3: ["CN"],
  },
};

export interface ZoneOptions {
  /** Adequacy countries added to "eu" explicitly (`uk`, `ch`); ignored for other zones. */
  readonly adequate?: readonly AdequateCountry[];
}

/** The countries a zone admits under the given options ("EU" stands for an EU-wide multi-region). */
export function admittedCountries(zone: ResidencyZone, options: ZoneOptions = {}): string[] {
  const extra = zone === "eu" ? (options.adequate ?? []).map((a) => adequateCountries[a]) : [];
  return [...zoneCountries[zone], ...(zone === "eu" ? ["EU"] : []), ...extra];
}

/** Normalises a cloud location for comparison: Azure accepts "West Europe" as well as "westeurope". */
export function normaliseLocation(location: string): string {
  return location.toLowerCase().replace(/\s+/g, "");
}

/** The countries a location stores data in, or undefined when the catalog does not know it. */
export function countriesOf(cloud: Cloud, location: string): readonly string[] | undefined {
  return locationCountries[cloud][normaliseLocation(location)];
}

export function isAllowedLocation(
  zone: ResidencyZone,
  cloud: Cloud,
  location: string,
  options: ZoneOptions = {},
): boolean {
  const countries = countriesOf(cloud, location);
  const admitted = admittedCountries(zone, options);
  return countries !== undefined && countries.every((c) => admitted.includes(c));
}

/** Every location of `cloud` inside `zone`, in catalog order. */
export function locationsIn(
  zone: ResidencyZone,
  cloud: Cloud,
  options: ZoneOptions = {},
): string[] {
  return Object.keys(locationCountries[cloud]).filter((l) =>
    isAllowedLocation(zone, cloud, l, options),
  );
}

/**
 * Locations of `cloud` whose every member stores data in an EU member state (an EU-wide multi-region counts): the
 * strict reading of "eu" that the platform's own stacks hold their data to, without the EEA-only states.
 */
export function euMemberStateLocations(cloud: Cloud): string[] {
  const members: readonly string[] = [...euMemberStates, "EU"];
  return Object.entries(locationCountries[cloud])
    .filter(([, countries]) => countries.every((c) => members.includes(c)))
    .map(([location]) => location);
}

/** The zones a location lies in (none for a location outside every zone or unknown to the catalog). */
export function zonesOfLocation(
  cloud: Cloud,
  location: string,
  options: ZoneOptions = {},
): ResidencyZone[] {
  return residencyZones.filter((z) => isAllowedLocation(z, cloud, location, options));
}

/** Locations per zone and cloud without adequacy options. */
export const allowedLocations: Readonly<
  Record<ResidencyZone, Readonly<Record<Cloud, readonly string[]>>>
> = {
  us: {
    aws: locationsIn("us", "aws"),
    gcp: locationsIn("us", "gcp"),
    azure: locationsIn("us", "azure"),
  },
  eu: {
    aws: locationsIn("eu", "aws"),
    gcp: locationsIn("eu", "gcp"),
    azure: locationsIn("eu", "azure"),
  },
};

export function isResidencyZone(value: unknown): value is ResidencyZone {
  return typeof value === "string" && (residencyZones as readonly string[]).includes(value);
}
