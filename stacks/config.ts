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
  countriesOf,
  euMemberStateLocations,
} from "../policies/catalog/residency";
import { sixYearsInDays } from "../policies/catalog/retention";
import { ConfigurationError } from "./errors";
import { checkConfigKeys, secretConfigKeys } from "./config-keys";

export const configNamespace = "mediconnect";

export const clouds: readonly Cloud[] = ["aws", "gcp", "azure"];
export const environments = ["prod", "staging", "dev"] as const;
export const dataClassifications = ["phi", "confidential", "internal", "public"] as const;
/** The retention values CloudWatch Logs accepts; the platform uses one value for every cloud's logs. */
export const cloudWatchRetentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;
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

/** The AWS part of a stack: present only when `mediconnect:clouds` lists aws. */
export interface AwsConfig {
  readonly region: string;
  readonly accountId: string;
  /** Kinesis retention of raw vitals in hours: also the erasure window, since stream records cannot be deleted. */
  readonly kinesisRetentionHours: number;
  /** Chime SDK meetings: the API and events region, and the media regions a meeting may be placed in (default first). */
  readonly chime: { readonly controlRegion: string; readonly mediaRegions: readonly string[] };
  /** Who vitals alerts and operational alarms reach (components/aws/alerting.ts). */
  readonly alerts: AwsAlertSubscribers;
}

/** Subscribers of the clinical alert topic and of the operations topic. */
export interface AwsAlertSubscribers {
  /** Clinicians on duty by e-mail; with `clinicianSms`, at least one address or number. */
  readonly clinicianEmails: readonly string[];
  /** Clinicians on duty by SMS, E.164 numbers. */
  readonly clinicianSms: readonly string[];
  /** The clinical app's https endpoint for alerts. */
  readonly clinicianEndpoint: string;
  /** The on-call team's addresses (at least one). */
  readonly operationsEmails: readonly string[];
  /** The paging tool's https endpoint, when there is one. */
  readonly operationsEndpoint?: string;
}

/**
 * GCP regions in EU member states, with their country code, from the residency catalog: the catalog's "eu" also
 * admits the EEA-only states, but the GCP side of an `eu` stack is held to the Union.
 */
export const gcpEuMemberStateRegions: Readonly<Record<string, string>> = Object.fromEntries(
  euMemberStateLocations("gcp")
    .filter((l) => l.includes("-"))
    .map((l) => [l, (countriesOf("gcp", l) ?? []).join("/")]),
);

/**
 * Spanner instance configurations the platform accepts per residency zone, with every region holding a replica
 * (read-write and witness). CMEK for a multi-region configuration uses one regional Cloud KMS key per replica
 * region, so the program needs these regions, not just the configuration name.
 * - nam3: read-write us-east4 (N. Virginia) and us-east1 (S. Carolina), witness us-central1 (Iowa).
 * - eur3: read-write europe-west1 (Belgium) and europe-west4 (Netherlands), witness europe-north1 (Finland): all
 *   three in EU member states.
 * Configurations with a replica outside the EU are not listed for eu: eur5 has a read-write replica in London
 * (europe-west2), eur6 its witness in Zürich (europe-west6). `regional-<region>` is accepted for any region of the
 * zone (for eu, an EU member state).
 */
export const spannerMultiRegionConfigs: Readonly<
  Record<ResidencyZone, Readonly<Record<string, readonly string[]>>>
> = {
  us: { nam3: ["us-east4", "us-east1", "us-central1"] },
  eu: { eur3: ["europe-west1", "europe-west4", "europe-north1"] },
};

/** BigQuery multi-region per residency zone (the default dataset location). */
export const bigQueryMultiRegions: Readonly<Record<ResidencyZone, string>> = { us: "US", eu: "EU" };

/** The GCP part of a stack: present only when `mediconnect:clouds` lists gcp. */
export interface GcpConfig {
  readonly project: string;
  readonly region: string;
  /**
   * CIDR ranges allowed to reach the GKE control plane's public endpoint. Empty: the endpoint is private and only
   * reachable from inside the VPC.
   */
  readonly masterAuthorizedNetworks: readonly string[];
  /** Machine type of the GKE node pool. */
  readonly nodeMachineType: string;
  /** Digest-pinned image of the risk-inference service. */
  readonly riskInferenceImage: string;
  /** BigQuery location of the analytics datasets: the zone's multi-region or a region of the zone. */
  readonly bigQueryLocation: string;
  /** Groups and service accounts (IAM member strings) that may read the analytics dataset. */
  readonly bigQueryReaders: readonly string[];
  /** Groups of analysts who may query the de-identified view only. */
  readonly bigQueryAnalystGroups: readonly string[];
  /** Spanner instance configuration and the regions of its replicas. */
  readonly spanner: {
    readonly config: string;
    readonly replicaRegions: readonly string[];
    readonly processingUnits: number;
  };
}

/**
 * Azure locations that lie in an EU member state, from the residency catalog: the catalog's "eu" also admits the
 * EEA-only states (Norway), but the Azure side of an EU stack holds PHI only inside the Union.
 */
export const azureEuMemberStateLocations: readonly string[] = euMemberStateLocations("azure");
/**
 * Azure OpenAI deployment types that keep processing inside the account's data zone (DataZone*) or region; the
 * Global* types may process prompts in any Azure region and are never accepted.
 */
export const azureOpenAiSkus = [
  "DataZoneStandard",
  "DataZoneProvisionedManaged",
  "Standard",
  "ProvisionedManaged",
] as const;
export const azureContentFilterThresholds = ["Low", "Medium", "High"] as const;
export const azureFhirDataRoles = ["reader", "contributor"] as const;

/** The Azure part of a stack: present only when `mediconnect:clouds` lists azure. */
export interface AzureConfig {
  readonly location: string;
  readonly subscriptionId: string;
  readonly tenantId: string;
  /** Private IPv4 address space of the Azure virtual network, /16 to /22; its first three /24s become subnets. */
  readonly addressSpace: string;
  readonly fhir: {
    /** SMART on FHIR proxy (smartProxyEnabled) for apps using SMART scopes through the Entra ID authority. */
    readonly smartProxy: boolean;
    /**
     * A third-party SMART on FHIR identity provider (its authority and the client ids of the apps it issues tokens
     * to, which may only read); absent when the stack trusts Entra ID tokens alone.
     */
    readonly smartIdentityProvider?: {
      readonly authority: string;
      readonly clientIds: readonly string[];
    };
    /** $export to a private, customer-key encrypted storage account. */
    readonly export: boolean;
    /** Exact browser origins allowed by CORS (never "*"); the app URL by default. */
    readonly corsOrigins: readonly string[];
  };
  readonly openAi: {
    /** Location of the OpenAI account (model availability differs by region); the stack's location by default. */
    readonly location: string;
    readonly model: string;
    /** Pinned model version; upgrades are a reviewed configuration change. */
    readonly modelVersion: string;
    readonly sku: (typeof azureOpenAiSkus)[number];
    /** Deployment capacity in the SKU's units (thousands of tokens per minute for Standard types). */
    readonly capacity: number;
    /** Lowest severity the content filter blocks (Low blocks the most). */
    readonly contentFilterThreshold: (typeof azureContentFilterThresholds)[number];
    /** Hosts the account may call besides its Key Vault (restrictOutboundNetworkAccess allowlist). */
    readonly allowedFqdns: readonly string[];
    /** Data-plane API version the triage container calls. */
    readonly apiVersion: string;
  };
  readonly triage: {
    /** Digest-pinned image of the symptom triage container (`mediconnect:triageImage`). */
    readonly image: string;
    /** Audience the API front door requires in Entra ID tokens for the triage API. */
    readonly audience: string;
    /** FHIR data-plane role of the hosting identity. */
    readonly fhirDataRole: (typeof azureFhirDataRoles)[number];
  };
  /**
   * The FHIR consent gateway container (functions/fhir-gateway), FHIR Data Reader on the FHIR service; deployed only
   * when `mediconnect:azureFhirGatewayImage` is set.
   */
  readonly fhirGateway?: { readonly image: string };
  /**
   * The GDPR erasure container (functions/gdpr-erasure), FHIR Data Contributor on the FHIR service (hard delete and
   * $purge-history); deployed only when `mediconnect:azureGdprErasureImage` is set.
   */
  readonly gdprErasure?: { readonly image: string };
  /** Publisher e-mail of the API Management front door (receives service notifications). */
  readonly apiPublisherEmail: string;
}

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
  /** Clouds this stack builds; stacks/composition.ts builds each listed cloud from its section below. */
  readonly clouds: readonly Cloud[];
  /** Web origin of the clinical SPA: Cognito callback/logout URLs and the API's CORS origin derive from it. */
  readonly appUrl: string;
  /**
   * `mediconnect:pseudonymKey` (secret): when set, the program stores it in Secrets Manager for the functions;
   * when not, the secret is created empty and an operator puts the value (it never enters a Lambda environment).
   */
  readonly pseudonymKey?: pulumi.Output<string>;
  readonly aws?: AwsConfig;
  readonly gcp?: GcpConfig;
  readonly azure?: AzureConfig;
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

  const retentionText = optional("logRetentionDays", String(sixYearsInDays));
  const logRetentionDays = Number(retentionText);
  if (!(cloudWatchRetentionDays as readonly number[]).includes(logRetentionDays)) {
    throw new ConfigurationError(
      key("logRetentionDays"),
      retentionText,
      `a whole number of days CloudWatch Logs accepts: ${cloudWatchRetentionDays.join(", ")}`,
    );
  }
  const dataClassification = oneOf("dataClassification", dataClassifications, "phi");
  if (dataClassification === "phi" && logRetentionDays < sixYearsInDays) {
    throw new ConfigurationError(
      key("logRetentionDays"),
      logRetentionDays,
      `at least ${sixYearsInDays} days for PHI (45 CFR 164.316(b)(2): six years)`,
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

  // Each cloud's section is read only when the stack builds that cloud; the others stay absent.
  const awsSection = (): AwsConfig => {
    const region = located("awsRegion", "aws");
    const accountId = matching("awsAccountId", /^\d{12}$/, "a 12-digit AWS account id");
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
      region,
      accountId,
      kinesisRetentionHours,
      chime: { controlRegion, mediaRegions },
      alerts: alertSubscribers(),
    };
  };
  const alertSubscribers = (): AwsAlertSubscribers => {
    const email = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;
    const addresses = (name: string, required: boolean, pattern: RegExp, what: string) => {
      const text = raw[name];
      const list = text === undefined || text.trim() === "" ? [] : parseList(key(name), text, []);
      if (required && list.length === 0) {
        throw new ConfigurationError(key(name), text, `a non-empty list of ${what}`);
      }
      for (const value of list) {
        if (!pattern.test(value)) {
          throw new ConfigurationError(key(name), list, `a list of ${what}`);
        }
      }
      return list;
    };
    const clinicianEmails = addresses("clinicianAlertEmails", false, email, "e-mail addresses");
    const clinicianSms = addresses(
      "clinicianAlertSms",
      false,
      /^\+[1-9]\d{6,14}$/,
      "phone numbers in E.164 form, for example +4915112345678",
    );
    if (clinicianEmails.length + clinicianSms.length === 0) {
      throw new ConfigurationError(
        key("clinicianAlertEmails"),
        raw["clinicianAlertEmails"],
        "at least one clinician e-mail address (or a number in mediconnect:clinicianAlertSms): vitals alerts must reach the clinicians on duty",
      );
    }
    const https = /^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[^\s]*)?$/i;
    const httpsUrl = "an https URL (plain http would carry alerts in clear text)";
    const clinicianEndpoint = matching("clinicianAlertEndpoint", https, httpsUrl);
    const operationsEmails = addresses("operationsAlertEmails", true, email, "e-mail addresses");
    const endpointText = raw["operationsAlertEndpoint"]?.trim();
    if (endpointText !== undefined && endpointText !== "" && !https.test(endpointText)) {
      throw new ConfigurationError(key("operationsAlertEndpoint"), endpointText, httpsUrl);
    }
    return {
      clinicianEmails,
      clinicianSms,
      clinicianEndpoint,
      operationsEmails,
      ...(endpointText ? { operationsEndpoint: endpointText } : {}),
    };
  };
  const gcpSection = (): GcpConfig => {
    const project = matching(
      "gcpProject",
      /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
      "a GCP project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter",
    );
    const gcpLocated = (name: string, value: string, received: string = value): string => {
      if (
        !isAllowedLocation(residency, "gcp", value) ||
        (residency === "eu" && gcpEuMemberStateRegions[value] === undefined && value !== "EU")
      ) {
        const allowed =
          residency === "eu"
            ? Object.entries(gcpEuMemberStateRegions).map(([r, country]) => `${r} (${country})`)
            : allowedLocations[residency].gcp.filter((l) => l.includes("-"));
        throw new ConfigurationError(
          key(name),
          received,
          `a GCP location inside residency zone "${residency}"${residency === "eu" ? " in an EU member state" : ""}: one of ${allowed.join(", ")}`,
        );
      }
      return value;
    };
    const region = gcpLocated("gcpRegion", required("gcpRegion"));

    const authorized = parseList(
      key("gcpMasterAuthorizedNetworks"),
      raw["gcpMasterAuthorizedNetworks"] === "[]" ? undefined : raw["gcpMasterAuthorizedNetworks"],
      [],
    );
    for (const cidr of authorized) {
      if (!isIpv4Cidr(cidr) || cidr.endsWith("/0")) {
        throw new ConfigurationError(
          key("gcpMasterAuthorizedNetworks"),
          authorized,
          "a list of IPv4 CIDR ranges of your own networks (for example 203.0.113.0/24), never 0.0.0.0/0",
        );
      }
    }

    const nodeMachineType = matching(
      "gcpNodeMachineType",
      /^[a-z][a-z0-9]*-[a-z0-9-]+$/,
      "a Compute Engine machine type, for example e2-standard-4",
      "e2-standard-4",
    );
    const riskInferenceImage = matching(
      "riskInferenceImage",
      /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)+@sha256:[a-f0-9]{64}$/,
      "a digest-pinned image reference, <registry>/<path>@sha256:<64 hex digits> (a tag can be moved, a digest cannot)",
    );

    const bigQueryLocation = optional("gcpBigQueryLocation", bigQueryMultiRegions[residency]);
    if (bigQueryLocation !== bigQueryMultiRegions[residency]) {
      gcpLocated("gcpBigQueryLocation", bigQueryLocation);
    }
    const members = (name: string, prefixes: readonly string[]): string[] => {
      const list = parseList(key(name), raw[name] === "[]" ? undefined : raw[name], []);
      for (const member of list) {
        const [kind, email] = member.split(/:(.*)/s);
        if (!prefixes.includes(kind) || !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(email ?? "")) {
          throw new ConfigurationError(
            key(name),
            list,
            `a list of IAM members of the form ${prefixes.map((p) => `${p}:<email>`).join(" or ")} (never allUsers or allAuthenticatedUsers)`,
          );
        }
      }
      return list;
    };
    const bigQueryReaders = members("gcpBigQueryReaders", ["group", "serviceAccount"]);
    const bigQueryAnalystGroups = members("gcpBigQueryAnalystGroups", ["group"]);

    const zoneConfigs = spannerMultiRegionConfigs[residency];
    const spannerConfig = optional("gcpSpannerConfig", Object.keys(zoneConfigs)[0]);
    const regional = /^regional-(.+)$/.exec(spannerConfig);
    let replicaRegions: readonly string[];
    if (regional) {
      gcpLocated("gcpSpannerConfig", regional[1], spannerConfig);
      replicaRegions = [regional[1]];
    } else if (zoneConfigs[spannerConfig] !== undefined) {
      replicaRegions = zoneConfigs[spannerConfig];
    } else {
      throw new ConfigurationError(
        key("gcpSpannerConfig"),
        spannerConfig,
        `a Spanner instance configuration whose replicas all lie in residency zone "${residency}": ${Object.entries(
          zoneConfigs,
        )
          .map(([c, regions]) => `${c} (${regions.join(", ")})`)
          .join(", ")}, or regional-<region> for a region of the zone`,
      );
    }
    const unitsText = optional("gcpSpannerProcessingUnits", "1000");
    const processingUnits = Number(unitsText);
    if (
      !Number.isInteger(processingUnits) ||
      processingUnits < 100 ||
      (processingUnits < 1000 ? processingUnits % 100 !== 0 : processingUnits % 1000 !== 0)
    ) {
      throw new ConfigurationError(
        key("gcpSpannerProcessingUnits"),
        unitsText,
        "Spanner compute capacity in processing units: 100 to 900 in steps of 100, or a multiple of 1000",
      );
    }

    return {
      project,
      region,
      masterAuthorizedNetworks: authorized,
      nodeMachineType,
      riskInferenceImage,
      bigQueryLocation,
      bigQueryReaders,
      bigQueryAnalystGroups,
      spanner: { config: spannerConfig, replicaRegions, processingUnits },
    };
  };
  /** An optional digest-pinned image: unset leaves the service out, set must be pinned. */
  const optionalImage = <T>(
    name: string,
    service: string,
    build: (image: string) => T,
  ): Partial<T> =>
    raw[name]?.trim()
      ? build(
          matching(
            name,
            /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)+@sha256:[0-9a-f]{64}$/,
            `a digest-pinned image reference, registry/repository@sha256:<64 hex digits>, for example myregistry.azurecr.io/mediconnect/${service}@sha256:<digest>`,
          ),
        )
      : {};
  const azureSection = (): AzureConfig => {
    const inUnion = (name: string, value: string): string => {
      if (
        residency === "eu" &&
        !(azureEuMemberStateLocations as readonly string[]).includes(value)
      ) {
        throw new ConfigurationError(
          key(name),
          value,
          `an Azure location in an EU member state for residency "eu": one of ${azureEuMemberStateLocations.join(", ")}`,
        );
      }
      return value;
    };
    const location = inUnion("azureLocation", located("azureLocation", "azure"));
    const tenantId = matching("azureTenantId", uuid, "a lowercase GUID (the Entra ID tenant id)");
    const flag = (name: string, fallback: boolean): boolean =>
      oneOf(name, ["true", "false"], String(fallback) as "true" | "false") === "true";

    const addressSpace = optional("azureAddressSpace", "10.60.0.0/22");
    const cidr = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(addressSpace);
    const octets = cidr ? cidr.slice(1, 5).map(Number) : [];
    const bits = cidr ? Number(cidr[5]) : -1;
    const base = octets.reduce((acc, o) => acc * 256 + o, 0);
    const isPrivate =
      octets[0] === 10 ||
      (octets[0] === 172 && octets[1] >= 16 && octets[1] <= 31) ||
      (octets[0] === 192 && octets[1] === 168);
    if (
      !cidr ||
      octets.some((o) => o > 255) ||
      bits < 16 ||
      bits > 22 ||
      base % 2 ** (32 - bits) !== 0 ||
      !isPrivate
    ) {
      throw new ConfigurationError(
        key("azureAddressSpace"),
        addressSpace,
        "a private IPv4 network (10/8, 172.16/12 or 192.168/16) in CIDR form from /16 to /22 whose address is the network's first, for example 10.60.0.0/22",
      );
    }

    const corsOrigins = parseList(key("azureFhirCorsOrigins"), raw["azureFhirCorsOrigins"], [
      appUrl,
    ]);
    for (const origin of corsOrigins) {
      if (!/^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/.test(origin)) {
        throw new ConfigurationError(
          key("azureFhirCorsOrigins"),
          corsOrigins,
          "a list of https origins without path or wildcard, for example https://app.example.org",
        );
      }
    }

    const smartAuthority = raw["azureFhirSmartAuthority"]?.trim();
    const smartClientIds = parseList(
      key("azureFhirSmartClientIds"),
      raw["azureFhirSmartClientIds"],
      [],
    );
    if (smartAuthority !== undefined && smartAuthority !== "") {
      if (
        !/^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*\/?$/.test(
          smartAuthority,
        )
      ) {
        throw new ConfigurationError(
          key("azureFhirSmartAuthority"),
          smartAuthority,
          "the https issuer URL of the SMART identity provider, without query or fragment",
        );
      }
      if (
        smartClientIds.length === 0 ||
        smartClientIds.some((c) => !/^[A-Za-z0-9._-]{1,128}$/.test(c))
      ) {
        throw new ConfigurationError(
          key("azureFhirSmartClientIds"),
          raw["azureFhirSmartClientIds"],
          "a non-empty list of the client ids (letters, digits, . _ -) the SMART identity provider issues tokens to",
        );
      }
    } else if (smartClientIds.length > 0) {
      throw new ConfigurationError(
        key("azureFhirSmartAuthority"),
        smartAuthority,
        "the SMART identity provider's https issuer URL, since azureFhirSmartClientIds is set",
      );
    }

    const openAiLocation = inUnion(
      "azureOpenAiLocation",
      raw["azureOpenAiLocation"]?.trim() ? located("azureOpenAiLocation", "azure") : location,
    );
    const skuValue = optional("azureOpenAiSku", "DataZoneStandard");
    if (!(azureOpenAiSkus as readonly string[]).includes(skuValue)) {
      throw new ConfigurationError(
        key("azureOpenAiSku"),
        skuValue,
        `one of ${azureOpenAiSkus.join(", ")} (DataZone* keep processing in the account's data zone, the others in its region; Global* types may process prompts anywhere and are not accepted)`,
      );
    }
    const capacityText = optional("azureOpenAiCapacity", "10");
    const capacity = Number(capacityText);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1000) {
      throw new ConfigurationError(
        key("azureOpenAiCapacity"),
        capacityText,
        "a whole number of capacity units from 1 to 1000",
      );
    }
    const allowedFqdns = parseList(
      key("azureOpenAiAllowedFqdns"),
      raw["azureOpenAiAllowedFqdns"],
      [],
    );
    for (const fqdn of allowedFqdns) {
      if (!/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(fqdn)) {
        throw new ConfigurationError(
          key("azureOpenAiAllowedFqdns"),
          allowedFqdns,
          "a list of lowercase host names without scheme, port or wildcard, for example myvault.vault.azure.net",
        );
      }
    }

    return {
      location,
      subscriptionId: matching(
        "azureSubscriptionId",
        uuid,
        "a lowercase GUID (the Azure subscription id)",
      ),
      tenantId,
      addressSpace,
      fhir: {
        smartProxy: flag("azureFhirSmartProxy", false),
        ...(smartAuthority
          ? { smartIdentityProvider: { authority: smartAuthority, clientIds: smartClientIds } }
          : {}),
        export: flag("azureFhirExport", true),
        corsOrigins,
      },
      openAi: {
        location: openAiLocation,
        model: matching(
          "azureOpenAiModel",
          /^[a-z0-9][a-z0-9.-]{0,63}$/,
          "an Azure OpenAI model name such as gpt-4o",
          "gpt-4o",
        ),
        modelVersion: matching(
          "azureOpenAiModelVersion",
          /^\d{4}-\d{2}-\d{2}$|^\d+(\.\d+)*$/,
          'a pinned model version such as "2024-11-20" (automatic upgrades are off, so a version is required)',
          "2024-11-20",
        ),
        sku: skuValue as AzureConfig["openAi"]["sku"],
        capacity,
        contentFilterThreshold: oneOf(
          "azureOpenAiContentFilterThreshold",
          azureContentFilterThresholds,
          "Medium",
        ),
        allowedFqdns,
        apiVersion: matching(
          "azureOpenAiApiVersion",
          /^\d{4}-\d{2}-\d{2}(-preview)?$/,
          'an Azure OpenAI data-plane API version such as "2024-10-21"',
          "2024-10-21",
        ),
      },
      triage: {
        image: matching(
          "triageImage",
          /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)+@sha256:[0-9a-f]{64}$/,
          "a digest-pinned image reference, registry/repository@sha256:<64 hex digits>, for example myregistry.azurecr.io/mediconnect/symptom-triage@sha256:<digest>",
        ),
        audience: matching(
          "azureTriageAudience",
          /^(api:\/\/[A-Za-z0-9._/-]+|https:\/\/[a-z0-9.-]+(\/[A-Za-z0-9._-]+)*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
          "the Entra ID application ID URI (api://...) or client id (GUID) that triage callers' tokens are issued for",
          `api://${raw["namePrefix"]?.trim() || "mediconnect"}-triage`,
        ),
        fhirDataRole: oneOf("azureTriageFhirDataRole", azureFhirDataRoles, "reader"),
      },
      ...optionalImage("azureFhirGatewayImage", "fhir-gateway", (image) => ({
        fhirGateway: { image },
      })),
      ...optionalImage("azureGdprErasureImage", "gdpr-erasure", (image) => ({
        gdprErasure: { image },
      })),
      apiPublisherEmail: matching(
        "azureApiPublisherEmail",
        /^[^@\s]+@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
        "an e-mail address for API Management service notifications",
        "platform-team@mediconnect.example",
      ),
    };
  };

  const config: PlatformConfig = {
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
    appUrl,
  };
  return {
    ...config,
    ...(enabled.has("aws") ? { aws: awsSection() } : {}),
    ...(enabled.has("gcp") ? { gcp: gcpSection() } : {}),
    ...(enabled.has("azure") ? { azure: azureSection() } : {}),
  };
}

/** A dotted-quad IPv4 address with a prefix length, for example 203.0.113.0/24. */
function isIpv4Cidr(text: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  return (
    match !== null &&
    match.slice(1, 5).every((octet) => Number(octet) <= 255) &&
    Number(match[5]) <= 32
  );
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
  // AWS alerting (issue 15)
  "clinicianAlertEmails",
  "clinicianAlertSms",
  "clinicianAlertEndpoint",
  "operationsAlertEmails",
  "operationsAlertEndpoint",
  "gcpProject",
  "gcpRegion",
  "gcpMasterAuthorizedNetworks",
  "gcpNodeMachineType",
  "riskInferenceImage",
  "gcpBigQueryLocation",
  "gcpBigQueryReaders",
  "gcpBigQueryAnalystGroups",
  "gcpSpannerConfig",
  "gcpSpannerProcessingUnits",
  "azureLocation",
  "azureSubscriptionId",
  "azureTenantId",
  // Azure section (issue 13)
  "azureAddressSpace",
  "azureFhirSmartProxy",
  "azureFhirExport",
  "azureFhirCorsOrigins",
  "azureFhirSmartAuthority",
  "azureFhirSmartClientIds",
  "azureOpenAiLocation",
  "azureOpenAiModel",
  "azureOpenAiModelVersion",
  "azureOpenAiSku",
  "azureOpenAiCapacity",
  "azureOpenAiContentFilterThreshold",
  "azureOpenAiAllowedFqdns",
  "azureOpenAiApiVersion",
  "triageImage",
  "azureTriageAudience",
  "azureTriageFhirDataRole",
  "azureApiPublisherEmail",
  "azureFhirGatewayImage",
  "azureGdprErasureImage",
] as const;

/** Whether the engine handed the program a key as a secret: in the SDK's runtime, though not in its typings. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isConfigSecret } = require("@pulumi/pulumi/runtime/config") as {
  isConfigSecret(key: string): boolean;
};

/** Reads the running stack's configuration through the Pulumi runtime and validates it. */
export function loadPlatformConfig(): PlatformConfig {
  checkConfigKeys(
    configNamespace,
    pulumi.runtime.allConfig(),
    platformConfigKeys,
    secretConfigKeys,
    isConfigSecret,
  );
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
