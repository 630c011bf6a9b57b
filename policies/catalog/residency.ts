/**
 * Data-residency zones and the cloud locations each allows. The program validates its stack configuration against
 * this table and the pack's residency policies check every provider and located resource against it, so both read
 * the same facts.
 */
export const residencyZones = ["us", "eu"] as const;
export type ResidencyZone = (typeof residencyZones)[number];

export type Cloud = "aws" | "gcp" | "azure";

/** Locations per zone and cloud. GCP and Azure multi-regions count where all their members are in the zone. */
export const allowedLocations: Readonly<
  Record<ResidencyZone, Readonly<Record<Cloud, readonly string[]>>>
> = {
  us: {
    aws: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
    gcp: [
      "us",
      // Spanner nam3: replicas in us-east4, us-east1 and us-central1.
      "nam3",
      "nam4",
      "us-central1",
      "us-east1",
      "us-east4",
      "us-east5",
      "us-south1",
      "us-west1",
      "us-west2",
      "us-west3",
      "us-west4",
    ],
    azure: [
      "eastus",
      "eastus2",
      "centralus",
      "northcentralus",
      "southcentralus",
      "westcentralus",
      "westus",
      "westus2",
      "westus3",
    ],
  },
  eu: {
    aws: [
      "eu-central-1",
      "eu-central-2",
      "eu-west-1",
      "eu-west-2",
      "eu-west-3",
      "eu-south-1",
      "eu-south-2",
      "eu-north-1",
    ],
    gcp: [
      "eu",
      // Cloud KMS's EU multi-region (its name for the location of keys of BigQuery's EU datasets).
      "europe",
      "eur3",
      "eur4",
      "eur5",
      "eur6",
      "europe-west1",
      "europe-west3",
      "europe-west4",
      "europe-west6",
      "europe-west8",
      "europe-west9",
      "europe-west10",
      "europe-west12",
      "europe-north1",
      "europe-central2",
      "europe-southwest1",
    ],
    azure: [
      "westeurope",
      "northeurope",
      "germanywestcentral",
      "francecentral",
      "swedencentral",
      "switzerlandnorth",
      "italynorth",
      "polandcentral",
      "spaincentral",
      "norwayeast",
    ],
  },
};

export function isResidencyZone(value: unknown): value is ResidencyZone {
  return typeof value === "string" && (residencyZones as readonly string[]).includes(value);
}

/** Normalises a cloud location for comparison: Azure accepts "West Europe" as well as "westeurope". */
export function normaliseLocation(location: string): string {
  return location.toLowerCase().replace(/\s+/g, "");
}

export function isAllowedLocation(zone: ResidencyZone, cloud: Cloud, location: string): boolean {
  return allowedLocations[zone][cloud].includes(normaliseLocation(location));
}
