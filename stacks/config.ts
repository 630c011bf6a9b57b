/**
 * The stack's configuration, read in this one place and validated before any resource is registered. Everything
 * else receives a typed `PlatformConfig`; nothing else calls `new pulumi.Config()`.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  Cloud,
  ResidencyZone,
  allowedLocations,
  isAllowedLocation,
  isResidencyZone,
  residencyZones,
} from "../policies/catalog/residency";
import { ConfigurationError } from "./errors";

export const configNamespace = "mediconnect";

export const clouds: readonly Cloud[] = ["aws", "gcp", "azure"];
export const environments = ["prod", "staging", "dev"] as const;
export const dataClassifications = ["phi", "confidential", "internal", "public"] as const;
/** The retention values CloudWatch Logs accepts; the platform uses one value for every cloud's logs. */
export const cloudWatchRetentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;
/** 45 CFR 164.316(b)(2): six years; 2192 is the smallest CloudWatch value that covers it. */
export const hipaaMinimumRetentionDays = 2192;
/** Kinesis accepts 24 to 8760 hours; the platform caps raw vitals at 7 days, the erasure window it promises. */
export const kinesisRetentionHoursRange = { min: 24, max: 168 } as const;
/**
 * Chime SDK meetings regions per residency zone: `control` hosts the API endpoint and meeting events, `media` the
 * media a meeting may be placed in. The first of each list is the zone's default. The EU lists hold EU regions
 * only: London (eu-west-2) is outside the EU and the EEA (policies/catalog/residency.ts).
 */
export const chimeRegions: Readonly<
  Record<ResidencyZone, { readonly control: readonly string[]; readonly media: readonly string[] }>
> = {
  us: {
    control: ["us-east-1", "us-west-2"],
    media: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
  },
  eu: {
    control: ["eu-central-1"],
    media: ["eu-central-1", "eu-west-1", "eu-west-3", "eu-south-1", "eu-north-1"],
  },
};

export interface PlatformConfig {
  readonly project: string;
  readonly stack: string;
  readonly residency: ResidencyZone;
  readonly environment: (typeof environments)[number];
  /** Prefix of every physical name: lowercase letters, digits and hyphens. */
  readonly namePrefix: string;
  readonly dataClassification: (typeof dataClassifications)[number];
  readonly logRetentionDays: number;
  readonly owner: string;
  readonly costCenter: string;
  /** Clouds this stack builds; the composition in stacks/composition.ts reads it. */
  readonly clouds: readonly Cloud[];
  readonly aws: { readonly region: string; readonly accountId: string };
  /** Web origin of the clinical SPA: Cognito callback/logout URLs and the API's CORS origin derive from it. */
  readonly appUrl: string;
  /** Kinesis retention of raw vitals in hours: also the erasure window, since stream records cannot be deleted. */
  readonly kinesisRetentionHours: number;
  /** Chime SDK meetings: the API and events region, and the media regions a meeting may be placed in (default first). */
  readonly chime: { readonly controlRegion: string; readonly mediaRegions: readonly string[] };
  /**
   * `mediconnect:pseudonymKey` (secret): when set, the program stores it in Secrets Manager for the functions;
   * when not, the secret is created empty and an operator puts the value (it never enters a Lambda environment).
   */
  readonly pseudonymKey?: pulumi.Output<string>;
  readonly gcp: { readonly project: string; readonly region: string };
  readonly azure: {
    readonly location: string;
    readonly subscriptionId: string;
    readonly tenantId: string;
  };
}

/** Raw values as the Pulumi engine hands them to the program: strings, or undefined when unset. */
export type RawConfig = Readonly<Record<string, string | undefined>>;

const cloudArticle: Readonly<Record<Cloud, string>> = {
  aws: "an AWS",
  gcp: "a GCP",
  azure: "an Azure",
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Validates raw configuration values; the first problem found is thrown as a ConfigurationError. */
export function parsePlatformConfig(
  raw: RawConfig,
  context: { project: string; stack: string },
): PlatformConfig {
  const key = (name: string) => `${configNamespace}:${name}`;
  const required = (name: string): string => {
    const value = raw[name];
    if (value === undefined || value.trim() === "") {
      throw new ConfigurationError(key(name), value, "a non-empty string");
    }
    return value.trim();
  };
  const optional = (name: string, fallback: string): string => raw[name]?.trim() || fallback;
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback?: T): T => {
    const value = fallback === undefined ? required(name) : optional(name, fallback);
    if (!(allowed as readonly string[]).includes(value)) {
      throw new ConfigurationError(key(name), value, `one of ${allowed.join(", ")}`);
    }
    return value as T;
  };
  const matching = (name: string, pattern: RegExp, expected: string, fallback?: string): string => {
    const value = fallback === undefined ? required(name) : optional(name, fallback);
    if (!pattern.test(value)) {
      throw new ConfigurationError(key(name), value, expected);
    }
    return value;
  };

  const residencyValue = required("residency");
  if (!isResidencyZone(residencyValue)) {
    throw new ConfigurationError(
      key("residency"),
      residencyValue,
      `one of ${residencyZones.join(", ")}`,
    );
  }
  const residency: ResidencyZone = residencyValue;
  const located = (name: string, cloud: Cloud): string => {
    const value = required(name);
    if (!isAllowedLocation(residency, cloud, value)) {
      throw new ConfigurationError(
        key(name),
        value,
        `${cloudArticle[cloud]} location inside residency zone "${residency}": one of ${allowedLocations[residency][cloud].join(", ")}`,
      );
    }
    return value;
  };

  const retentionText = optional("logRetentionDays", String(hipaaMinimumRetentionDays));
  const logRetentionDays = Number(retentionText);
  if (!(cloudWatchRetentionDays as readonly number[]).includes(logRetentionDays)) {
    throw new ConfigurationError(
      key("logRetentionDays"),
      retentionText,
      `a whole number of days CloudWatch Logs accepts: ${cloudWatchRetentionDays.join(", ")}`,
    );
  }
  const dataClassification = oneOf("dataClassification", dataClassifications, "phi");
  if (dataClassification === "phi" && logRetentionDays < hipaaMinimumRetentionDays) {
    throw new ConfigurationError(
      key("logRetentionDays"),
      logRetentionDays,
      `at least ${hipaaMinimumRetentionDays} days for PHI (45 CFR 164.316(b)(2): six years)`,
    );
  }

  const cloudsValue = parseList(key("clouds"), raw["clouds"], [...clouds]);
  for (const c of cloudsValue) {
    if (!(clouds as readonly string[]).includes(c)) {
      throw new ConfigurationError(
        key("clouds"),
        cloudsValue,
        `a list drawn from ${clouds.join(", ")}`,
      );
    }
  }
  const enabled = new Set(cloudsValue as Cloud[]);

  const appUrl = matching(
    "appUrl",
    /^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/,
    "an https origin without path or trailing slash, for example https://app.example.org",
    "https://app.mediconnect.example",
  );

  const hoursText = optional("kinesisRetentionHours", String(kinesisRetentionHoursRange.min));
  const kinesisRetentionHours = Number(hoursText);
  if (
    !Number.isInteger(kinesisRetentionHours) ||
    kinesisRetentionHours < kinesisRetentionHoursRange.min ||
    kinesisRetentionHours > kinesisRetentionHoursRange.max
  ) {
    throw new ConfigurationError(
      key("kinesisRetentionHours"),
      hoursText,
      `a whole number of hours from ${kinesisRetentionHoursRange.min} to ${kinesisRetentionHoursRange.max} ` +
        "(it is the erasure window of raw vitals: Kinesis records cannot be deleted)",
    );
  }

  const zoneChime = chimeRegions[residency];
  const controlRegion = oneOf("chimeControlRegion", zoneChime.control, zoneChime.control[0]);
  const mediaRegions = parseList(key("chimeMediaRegions"), raw["chimeMediaRegions"], [
    ...zoneChime.media,
  ]);
  for (const r of mediaRegions) {
    if (!zoneChime.media.includes(r)) {
      throw new ConfigurationError(
        key("chimeMediaRegions"),
        mediaRegions,
        `a list of Chime media regions inside residency zone "${residency}", drawn from ${zoneChime.media.join(", ")}`,
      );
    }
  }
  if (new Set(mediaRegions).size !== mediaRegions.length) {
    throw new ConfigurationError(
      key("chimeMediaRegions"),
      mediaRegions,
      "a list without repeated regions",
    );
  }

  return {
    project: context.project,
    stack: context.stack,
    residency,
    environment: oneOf("environment", environments),
    namePrefix: matching(
      "namePrefix",
      /^[a-z][a-z0-9-]{0,10}[a-z0-9]$/,
      "2 to 12 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen",
    ),
    dataClassification,
    logRetentionDays,
    owner: matching(
      "owner",
      /^[a-z0-9_-]{1,63}$/,
      "1 to 63 lowercase letters, digits, _ or - (it becomes a GCP label)",
    ),
    costCenter: matching(
      "costCenter",
      /^[a-z0-9_-]{1,63}$/,
      "1 to 63 lowercase letters, digits, _ or - (it becomes a GCP label)",
    ),
    clouds: clouds.filter((c) => enabled.has(c)),
    aws: enabled.has("aws")
      ? {
          region: located("awsRegion", "aws"),
          accountId: matching("awsAccountId", /^\d{12}$/, "a 12-digit AWS account id"),
        }
      : { region: "", accountId: "" },
    appUrl,
    kinesisRetentionHours,
    chime: { controlRegion, mediaRegions },
    gcp: enabled.has("gcp")
      ? {
          project: matching(
            "gcpProject",
            /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
            "a GCP project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter",
          ),
          region: located("gcpRegion", "gcp"),
        }
      : { project: "", region: "" },
    azure: enabled.has("azure")
      ? {
          location: located("azureLocation", "azure"),
          subscriptionId: matching(
            "azureSubscriptionId",
            uuid,
            "a lowercase GUID (the Azure subscription id)",
          ),
          tenantId: matching("azureTenantId", uuid, "a lowercase GUID (the Entra ID tenant id)"),
        }
      : { location: "", subscriptionId: "", tenantId: "" },
  };
}

function parseList(key: string, text: string | undefined, fallback: string[]): string[] {
  if (text === undefined || text.trim() === "") {
    return fallback;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigurationError(key, text, 'a YAML list, for example ["aws", "gcp"]');
  }
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string")) {
    throw new ConfigurationError(key, value, "a non-empty list of strings");
  }
  return value as string[];
}

/** The config keys the platform reads; Pulumi.yaml declares each of them. */
export const platformConfigKeys = [
  "residency",
  "environment",
  "namePrefix",
  "dataClassification",
  "logRetentionDays",
  "owner",
  "costCenter",
  "clouds",
  "awsRegion",
  "awsAccountId",
  "appUrl",
  "kinesisRetentionHours",
  "chimeControlRegion",
  "chimeMediaRegions",
  "gcpProject",
  "gcpRegion",
  "azureLocation",
  "azureSubscriptionId",
  "azureTenantId",
] as const;

/** Reads the running stack's configuration through the Pulumi runtime and validates it. */
export function loadPlatformConfig(): PlatformConfig {
  const config = new pulumi.Config(configNamespace);
  const raw: Record<string, string | undefined> = {};
  for (const name of platformConfigKeys) {
    raw[name] = config.get(name);
  }
  const parsed = parsePlatformConfig(raw, {
    project: pulumi.getProject(),
    stack: pulumi.getStack(),
  });
  const pseudonymKey = config.getSecret("pseudonymKey");
  return pseudonymKey === undefined ? parsed : { ...parsed, pseudonymKey };
}
