import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import {
  gcpEuMemberStateRegions,
  parsePlatformConfig,
  RawConfig,
  platformConfigKeys,
  spannerMultiRegionConfigs,
} from "../../stacks/config";

const root = path.resolve(__dirname, "../..");
const context = { project: "mediconnect", stack: "eu" };

/** The GCP section Pulumi.eu.yaml yields, defaults applied. */
const euGcpConfig = {
  project: "mediconnect-prod-eu",
  region: "europe-west3",
  masterAuthorizedNetworks: [],
  nodeMachineType: "e2-standard-4",
  riskInferenceImage: `europe-west3-docker.pkg.dev/mediconnect-prod-eu/services/risk-inference@sha256:${"0".repeat(63)}1`,
  bigQueryLocation: "EU",
  bigQueryReaders: ["group:clinical-data-eu@mediconnect.example"],
  bigQueryAnalystGroups: ["group:analysts-eu@mediconnect.example"],
  spanner: {
    config: "eur3",
    replicaRegions: ["europe-west1", "europe-west4", "europe-north1"],
    processingUnits: 1000,
  },
};

/** The values a stack file sets, as the engine hands them to the program (strings, namespace stripped). */
function stackValues(stack: string): Record<string, string> {
  const doc = parse(fs.readFileSync(path.join(root, `Pulumi.${stack}.yaml`), "utf8")) as {
    config: Record<string, unknown>;
  };
  return Object.fromEntries(
    Object.entries(doc.config)
      .filter(([k]) => k.startsWith("mediconnect:"))
      .map(([k, v]) => [
        k.slice("mediconnect:".length),
        typeof v === "string" ? v : JSON.stringify(v),
      ]),
  );
}

describe("parsePlatformConfig", () => {
  it("reads the EU stack file into a typed configuration with defaults applied", () => {
    expect(parsePlatformConfig(stackValues("eu"), context)).toEqual({
      project: "mediconnect",
      stack: "eu",
      residency: "eu",
      environment: "prod",
      namePrefix: "mc-eu",
      dataClassification: "phi",
      logRetentionDays: 2192,
      owner: "platform-team",
      costCenter: "cc-clinical-platform",
      clouds: ["aws", "gcp", "azure"],
      appUrl: "https://eu.app.mediconnect.example",
      aws: {
        region: "eu-central-1",
        accountId: "210987654321",
        kinesisRetentionHours: 24,
        chime: {
          controlRegion: "eu-central-1",
          mediaRegions: ["eu-central-1", "eu-west-1", "eu-west-3", "eu-south-1", "eu-north-1"],
        },
        alerts: {
          clinicianEmails: ["clinicians-on-duty@eu.mediconnect.example"],
          clinicianSms: [],
          clinicianEndpoint: "https://eu.app.mediconnect.example/api/alerts/vitals",
          operationsEmails: ["oncall@eu.mediconnect.example"],
        },
      },
      gcp: euGcpConfig,
      azure: {
        location: "germanywestcentral",
        subscriptionId: "00000000-0000-4000-8000-000000000002",
        tenantId: "00000000-0000-4000-8000-0000000000bb",
        addressSpace: "10.60.0.0/22",
        fhir: {
          smartProxy: false,
          export: true,
          corsOrigins: ["https://eu.app.mediconnect.example"],
        },
        openAi: {
          location: "germanywestcentral",
          model: "gpt-4o",
          modelVersion: "2024-11-20",
          sku: "DataZoneStandard",
          capacity: 10,
          contentFilterThreshold: "Medium",
          allowedFqdns: [],
          apiVersion: "2024-10-21",
        },
        triage: {
          image: `mediconnectregistry.azurecr.io/mediconnect/symptom-triage@sha256:${"0".repeat(64)}`,
          audience: "api://mc-eu-triage",
          fhirDataRole: "reader",
        },
        fhirGateway: {
          image: `mediconnectregistry.azurecr.io/mediconnect/fhir-gateway@sha256:${"0".repeat(63)}2`,
        },
        gdprErasure: {
          image: `mediconnectregistry.azurecr.io/mediconnect/gdpr-erasure@sha256:${"0".repeat(63)}3`,
        },
        apiPublisherEmail: "platform-team@mediconnect.example",
      },
    });
  });

  it("reads the US stack file with US regions for every cloud", () => {
    const config = parsePlatformConfig(stackValues("prod"), {
      project: "mediconnect",
      stack: "prod",
    });
    expect([
      config.residency,
      config.aws?.region,
      config.gcp?.region,
      config.azure?.location,
    ]).toEqual(["us", "us-east-1", "us-central1", "eastus2"]);
  });

  it("gives the US stack the US Chime regions and the default app URL", () => {
    const config = parsePlatformConfig(stackValues("prod"), {
      project: "mediconnect",
      stack: "prod",
    });
    expect([config.appUrl, config.aws?.kinesisRetentionHours, config.aws?.chime]).toEqual([
      "https://app.mediconnect.example",
      24,
      {
        controlRegion: "us-east-1",
        mediaRegions: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
      },
    ]);
  });

  it("reads Kinesis retention and Chime regions when set", () => {
    const config = parsePlatformConfig(
      {
        ...stackValues("eu"),
        kinesisRetentionHours: "168",
        chimeControlRegion: "eu-central-1",
        chimeMediaRegions: '["eu-west-1","eu-central-1"]',
      },
      context,
    );
    expect([config.aws?.kinesisRetentionHours, config.aws?.chime]).toEqual([
      168,
      { controlRegion: "eu-central-1", mediaRegions: ["eu-west-1", "eu-central-1"] },
    ]);
  });

  it("builds only the clouds listed in clouds", () => {
    const config = parsePlatformConfig(
      { ...stackValues("eu"), clouds: '["gcp"]', awsRegion: undefined },
      context,
    );
    expect(config.clouds).toEqual(["gcp"]);
    expect([config.aws, config.azure]).toEqual([undefined, undefined]);
    expect(config.gcp).toEqual(euGcpConfig);
  });

  const valid = (): Record<string, string | undefined> => stackValues("eu");
  it.each<[string, RawConfig, string]>([
    [
      "residency missing",
      { ...valid(), residency: undefined },
      "Invalid configuration [mediconnect:residency]: received nothing (the key is not set); expected a non-empty string.",
    ],
    [
      "residency unknown",
      { ...valid(), residency: "apac" },
      'Invalid configuration [mediconnect:residency]: received "apac"; expected one of us, eu.',
    ],
    [
      "an AWS region outside the zone",
      { ...valid(), awsRegion: "us-east-1" },
      'Invalid configuration [mediconnect:awsRegion]: received "us-east-1"; expected an AWS location inside residency zone "eu": one of eu-central-1, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-3, eusc-de-east-1, eu-isoe-west-1.',
    ],
    [
      "a GCP region outside the zone",
      { ...valid(), gcpRegion: "us-central1" },
      'Invalid configuration [mediconnect:gcpRegion]: received "us-central1"; expected a GCP location inside residency zone "eu"',
    ],
    [
      "an Azure location outside the zone",
      { ...valid(), azureLocation: "eastus" },
      'Invalid configuration [mediconnect:azureLocation]: received "eastus"; expected an Azure location inside residency zone "eu"',
    ],
    [
      "a short account id",
      { ...valid(), awsAccountId: "12345" },
      'Invalid configuration [mediconnect:awsAccountId]: received "12345"; expected a 12-digit AWS account id.',
    ],
    [
      "a bad GCP project",
      { ...valid(), gcpProject: "Bad_Project" },
      'Invalid configuration [mediconnect:gcpProject]: received "Bad_Project"; expected a GCP project id',
    ],
    [
      "a subscription that is not a GUID",
      { ...valid(), azureSubscriptionId: "sub-1" },
      'Invalid configuration [mediconnect:azureSubscriptionId]: received "sub-1"; expected a lowercase GUID',
    ],
    [
      "a name prefix with capitals",
      { ...valid(), namePrefix: "MC" },
      'Invalid configuration [mediconnect:namePrefix]: received "MC"; expected 2 to 12 lowercase letters',
    ],
    [
      "an unknown environment",
      { ...valid(), environment: "qa" },
      'Invalid configuration [mediconnect:environment]: received "qa"; expected one of prod, staging, dev.',
    ],
    [
      "a retention CloudWatch rejects",
      { ...valid(), logRetentionDays: "2190" },
      'Invalid configuration [mediconnect:logRetentionDays]: received "2190"; expected a whole number of days CloudWatch Logs accepts',
    ],
    [
      "a retention under six years for PHI",
      { ...valid(), logRetentionDays: "365" },
      "Invalid configuration [mediconnect:logRetentionDays]: received 365; expected at least 2192 days for PHI (45 CFR 164.316(b)(2): six years).",
    ],
    [
      "an unknown cloud",
      { ...valid(), clouds: '["aws","ibm"]' },
      'Invalid configuration [mediconnect:clouds]: received ["aws","ibm"]; expected a list drawn from aws, gcp, azure.',
    ],
    [
      "clouds that is not a list",
      { ...valid(), clouds: "aws" },
      'Invalid configuration [mediconnect:clouds]: received "aws"; expected a YAML list',
    ],
    [
      "a Kinesis retention under a day",
      { ...valid(), kinesisRetentionHours: "12" },
      'Invalid configuration [mediconnect:kinesisRetentionHours]: received "12"; expected a whole number of hours from 24 to 168',
    ],
    [
      "a Kinesis retention over a week",
      { ...valid(), kinesisRetentionHours: "169" },
      'Invalid configuration [mediconnect:kinesisRetentionHours]: received "169"; expected a whole number of hours from 24 to 168',
    ],
    [
      "a fractional Kinesis retention",
      { ...valid(), kinesisRetentionHours: "24.5" },
      'Invalid configuration [mediconnect:kinesisRetentionHours]: received "24.5"',
    ],
    [
      "a US Chime control region in the EU",
      { ...valid(), chimeControlRegion: "us-east-1" },
      'Invalid configuration [mediconnect:chimeControlRegion]: received "us-east-1"; expected one of eu-central-1.',
    ],
    [
      "a US media region in the EU",
      { ...valid(), chimeMediaRegions: '["eu-central-1","us-east-1"]' },
      'Invalid configuration [mediconnect:chimeMediaRegions]: received ["eu-central-1","us-east-1"]; expected a list of Chime media regions inside residency zone "eu", drawn from eu-central-1, eu-west-1, eu-west-3, eu-south-1, eu-north-1.',
    ],
    [
      "repeated media regions",
      { ...valid(), chimeMediaRegions: '["eu-west-1","eu-west-1"]' },
      'Invalid configuration [mediconnect:chimeMediaRegions]: received ["eu-west-1","eu-west-1"]; expected a list without repeated regions.',
    ],
    [
      "an empty media region list",
      { ...valid(), chimeMediaRegions: "[]" },
      "Invalid configuration [mediconnect:chimeMediaRegions]: received []; expected a non-empty list of strings.",
    ],
    [
      "an app URL over http",
      { ...valid(), appUrl: "http://app.example.org" },
      'Invalid configuration [mediconnect:appUrl]: received "http://app.example.org"; expected an https origin without path',
    ],
    [
      "an app URL with a path",
      { ...valid(), appUrl: "https://app.example.org/ui" },
      'Invalid configuration [mediconnect:appUrl]: received "https://app.example.org/ui"; expected an https origin without path',
    ],
    [
      "no clinician to alert",
      { ...valid(), clinicianAlertEmails: undefined, clinicianAlertSms: undefined },
      "Invalid configuration [mediconnect:clinicianAlertEmails]: received nothing (the key is not set); expected at least one clinician e-mail address (or a number in mediconnect:clinicianAlertSms)",
    ],
    [
      "a clinician address that is not one",
      { ...valid(), clinicianAlertEmails: '["on duty"]' },
      'Invalid configuration [mediconnect:clinicianAlertEmails]: received ["on duty"]; expected a list of e-mail addresses.',
    ],
    [
      "an SMS number not in E.164 form",
      { ...valid(), clinicianAlertSms: '["0151 1234567"]' },
      'Invalid configuration [mediconnect:clinicianAlertSms]: received ["0151 1234567"]; expected a list of phone numbers in E.164 form',
    ],
    [
      "a clinical app endpoint over http",
      { ...valid(), clinicianAlertEndpoint: "http://app.example.org/alerts" },
      'Invalid configuration [mediconnect:clinicianAlertEndpoint]: received "http://app.example.org/alerts"; expected an https URL (plain http would carry alerts in clear text).',
    ],
    [
      "no on-call address",
      { ...valid(), operationsAlertEmails: undefined },
      "Invalid configuration [mediconnect:operationsAlertEmails]: received nothing (the key is not set); expected a non-empty list of e-mail addresses.",
    ],
    [
      "a paging endpoint over http",
      { ...valid(), operationsAlertEndpoint: "http://pager.example.org/hook" },
      'Invalid configuration [mediconnect:operationsAlertEndpoint]: received "http://pager.example.org/hook"; expected an https URL',
    ],
    [
      "an owner label GCP rejects",
      { ...valid(), owner: "Platform Team" },
      'Invalid configuration [mediconnect:owner]: received "Platform Team"; expected 1 to 63 lowercase letters',
    ],
  ])("rejects %s, naming the key, the value and what is expected", (_label, raw, message) => {
    expect(() => parsePlatformConfig(raw, context)).toThrow(message);
  });

  it("reads SMS numbers and a paging endpoint when given", () => {
    const config = parsePlatformConfig(
      {
        ...valid(),
        clinicianAlertEmails: undefined,
        clinicianAlertSms: '["+4915112345678"]',
        operationsAlertEndpoint: "https://pager.example.org/hook",
      },
      context,
    );
    expect(config.aws?.alerts).toEqual({
      clinicianEmails: [],
      clinicianSms: ["+4915112345678"],
      clinicianEndpoint: "https://eu.app.mediconnect.example/api/alerts/vitals",
      operationsEmails: ["oncall@eu.mediconnect.example"],
      operationsEndpoint: "https://pager.example.org/hook",
    });
  });

  it("accepts a shorter retention when the data is not PHI", () => {
    expect(
      parsePlatformConfig(
        { ...valid(), dataClassification: "internal", logRetentionDays: "365" },
        context,
      ).logRetentionDays,
    ).toBe(365);
  });

  it("reads every key Pulumi.yaml declares, and Pulumi.yaml declares every key it reads", () => {
    const doc = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as {
      config: Record<string, { description?: string; type?: string; value?: unknown }>;
    };
    const declared = Object.keys(doc.config)
      .filter((k) => k.startsWith("mediconnect:"))
      .map((k) => k.slice("mediconnect:".length));
    expect(declared.filter((k) => k !== "pseudonymKey").sort()).toEqual(
      [...platformConfigKeys].sort(),
    );
    for (const [key, spec] of Object.entries(doc.config)) {
      if (key.startsWith("mediconnect:")) {
        expect([key, typeof spec.description, typeof spec.type]).toEqual([key, "string", "string"]);
      }
    }
    expect(doc.config["pulumi:disable-default-providers"]).toEqual({ value: ["*"] });
  });
});

describe("parsePlatformConfig, GCP section", () => {
  const eu = (): Record<string, string | undefined> => stackValues("eu");
  const us = (): Record<string, string | undefined> => stackValues("prod");
  const gcpOf = (raw: RawConfig, stack = "eu") =>
    parsePlatformConfig(raw, { project: "mediconnect", stack }).gcp;

  it("gives prod the US defaults: nam3 with its replica regions and the US BigQuery multi-region", () => {
    const gcp = gcpOf(us(), "prod");
    expect([gcp?.bigQueryLocation, gcp?.spanner, gcp?.masterAuthorizedNetworks]).toEqual([
      "US",
      {
        config: "nam3",
        replicaRegions: ["us-east4", "us-east1", "us-central1"],
        processingUnits: 1000,
      },
      [],
    ]);
  });

  it("reads authorized networks, machine type, BigQuery and Spanner settings when set", () => {
    const gcp = gcpOf({
      ...eu(),
      gcpMasterAuthorizedNetworks: '["203.0.113.0/24","198.51.100.7/32"]',
      gcpNodeMachineType: "n2-standard-8",
      gcpBigQueryLocation: "europe-west4",
      gcpBigQueryReaders: '["serviceAccount:etl@mediconnect-prod-eu.iam.gserviceaccount.com"]',
      gcpSpannerConfig: "regional-europe-west3",
      gcpSpannerProcessingUnits: "300",
    });
    expect([
      gcp?.masterAuthorizedNetworks,
      gcp?.nodeMachineType,
      gcp?.bigQueryLocation,
      gcp?.bigQueryReaders,
      gcp?.spanner,
    ]).toEqual([
      ["203.0.113.0/24", "198.51.100.7/32"],
      "n2-standard-8",
      "europe-west4",
      ["serviceAccount:etl@mediconnect-prod-eu.iam.gserviceaccount.com"],
      { config: "regional-europe-west3", replicaRegions: ["europe-west3"], processingUnits: 300 },
    ]);
  });

  it("lists only EU member-state regions as replicas of the EU Spanner configurations", () => {
    for (const regions of Object.values(spannerMultiRegionConfigs.eu)) {
      expect(regions.filter((r) => gcpEuMemberStateRegions[r] === undefined)).toEqual([]);
    }
  });

  it.each<[string, RawConfig, string]>([
    [
      "a GCP region outside the EU member states",
      { ...stackValues("eu"), gcpRegion: "europe-west6" },
      'Invalid configuration [mediconnect:gcpRegion]: received "europe-west6"; expected a GCP location inside residency zone "eu" in an EU member state: one of europe-central2 (PL), europe-north1 (FI), europe-north2 (SE)',
    ],
    [
      "the whole internet as an authorized network",
      { ...stackValues("eu"), gcpMasterAuthorizedNetworks: '["0.0.0.0/0"]' },
      'Invalid configuration [mediconnect:gcpMasterAuthorizedNetworks]: received ["0.0.0.0/0"]; expected a list of IPv4 CIDR ranges of your own networks (for example 203.0.113.0/24), never 0.0.0.0/0.',
    ],
    [
      "an authorized network that is not a CIDR",
      { ...stackValues("eu"), gcpMasterAuthorizedNetworks: '["10.0.0.300/24"]' },
      'Invalid configuration [mediconnect:gcpMasterAuthorizedNetworks]: received ["10.0.0.300/24"]',
    ],
    [
      "an image pinned by tag",
      { ...stackValues("eu"), riskInferenceImage: "europe-west3-docker.pkg.dev/p/s/risk:1.0" },
      'Invalid configuration [mediconnect:riskInferenceImage]: received "europe-west3-docker.pkg.dev/p/s/risk:1.0"; expected a digest-pinned image reference',
    ],
    [
      "no image",
      { ...stackValues("eu"), riskInferenceImage: undefined },
      "Invalid configuration [mediconnect:riskInferenceImage]: received nothing (the key is not set)",
    ],
    [
      "a machine type with capitals",
      { ...stackValues("eu"), gcpNodeMachineType: "E2-Standard-4" },
      'Invalid configuration [mediconnect:gcpNodeMachineType]: received "E2-Standard-4"; expected a Compute Engine machine type',
    ],
    [
      "a US BigQuery location in the EU",
      { ...stackValues("eu"), gcpBigQueryLocation: "US" },
      'Invalid configuration [mediconnect:gcpBigQueryLocation]: received "US"; expected a GCP location inside residency zone "eu"',
    ],
    [
      "a public BigQuery reader",
      { ...stackValues("eu"), gcpBigQueryReaders: '["allUsers"]' },
      'Invalid configuration [mediconnect:gcpBigQueryReaders]: received ["allUsers"]; expected a list of IAM members of the form group:<email> or serviceAccount:<email> (never allUsers or allAuthenticatedUsers).',
    ],
    [
      "a user as an analyst group",
      { ...stackValues("eu"), gcpBigQueryAnalystGroups: '["user:a@mediconnect.example"]' },
      'Invalid configuration [mediconnect:gcpBigQueryAnalystGroups]: received ["user:a@mediconnect.example"]; expected a list of IAM members of the form group:<email>',
    ],
    [
      "eur6, whose witness replica is in Zürich",
      { ...stackValues("eu"), gcpSpannerConfig: "eur6" },
      'Invalid configuration [mediconnect:gcpSpannerConfig]: received "eur6"; expected a Spanner instance configuration whose replicas all lie in residency zone "eu": eur3 (europe-west1, europe-west4, europe-north1), or regional-<region> for a region of the zone.',
    ],
    [
      "a US Spanner configuration in the EU",
      { ...stackValues("eu"), gcpSpannerConfig: "nam3" },
      'Invalid configuration [mediconnect:gcpSpannerConfig]: received "nam3"',
    ],
    [
      "a regional Spanner configuration outside the EU",
      { ...stackValues("eu"), gcpSpannerConfig: "regional-europe-west2" },
      'Invalid configuration [mediconnect:gcpSpannerConfig]: received "regional-europe-west2"; expected a GCP location inside residency zone "eu" in an EU member state',
    ],
    [
      "Spanner capacity between the allowed steps",
      { ...stackValues("eu"), gcpSpannerProcessingUnits: "1500" },
      'Invalid configuration [mediconnect:gcpSpannerProcessingUnits]: received "1500"; expected Spanner compute capacity in processing units: 100 to 900 in steps of 100, or a multiple of 1000.',
    ],
  ])("rejects %s, naming the key, the value and what is expected", (_label, raw, message) => {
    expect(() => parsePlatformConfig(raw, context)).toThrow(message);
  });

  it("does not read the GCP keys when the stack does not build GCP", () => {
    const config = parsePlatformConfig(
      {
        ...stackValues("eu"),
        clouds: '["aws"]',
        riskInferenceImage: undefined,
        gcpSpannerConfig: "eur6",
      },
      context,
    );
    expect(config.gcp).toBeUndefined();
  });
});
