import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { parsePlatformConfig, RawConfig, platformConfigKeys } from "../../stacks/config";

const root = path.resolve(__dirname, "../..");
const context = { project: "mediconnect", stack: "eu" };

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
      aws: { region: "eu-central-1", accountId: "210987654321" },
      appUrl: "https://eu.app.mediconnect.example",
      kinesisRetentionHours: 24,
      chime: {
        controlRegion: "eu-central-1",
        mediaRegions: ["eu-central-1", "eu-west-1", "eu-west-3", "eu-south-1", "eu-north-1"],
      },
      gcp: { project: "mediconnect-prod-eu", region: "europe-west3" },
      azure: {
        location: "germanywestcentral",
        subscriptionId: "00000000-0000-4000-8000-000000000002",
        tenantId: "00000000-0000-4000-8000-0000000000bb",
      },
    });
  });

  it("reads the US stack file with US regions for every cloud", () => {
    const config = parsePlatformConfig(stackValues("prod"), {
      project: "mediconnect",
      stack: "prod",
    });
    expect([config.residency, config.aws.region, config.gcp.region, config.azure.location]).toEqual(
      ["us", "us-east-1", "us-central1", "eastus2"],
    );
  });

  it("gives the US stack the US Chime regions and the default app URL", () => {
    const config = parsePlatformConfig(stackValues("prod"), {
      project: "mediconnect",
      stack: "prod",
    });
    expect([config.appUrl, config.kinesisRetentionHours, config.chime]).toEqual([
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
    expect([config.kinesisRetentionHours, config.chime]).toEqual([
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
    expect(config.aws).toEqual({ region: "", accountId: "" });
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
      "an owner label GCP rejects",
      { ...valid(), owner: "Platform Team" },
      'Invalid configuration [mediconnect:owner]: received "Platform Team"; expected 1 to 63 lowercase letters',
    ],
  ])("rejects %s, naming the key, the value and what is expected", (_label, raw, message) => {
    expect(() => parsePlatformConfig(raw, context)).toThrow(message);
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
