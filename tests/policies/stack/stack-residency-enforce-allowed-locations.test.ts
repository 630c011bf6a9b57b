import { stackResidencyEnforceAllowedLocations as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import {
  awsProvider,
  azureProvider,
  controls,
  gcpProvider,
  lambdaFunction,
  phiLabels,
  resource,
} from "./fixtures";

const c = controls.residency;
// EU and EEA only: London (eu-west-2, europe-west2, uk*) and Zurich (eu-central-2, europe-west6, switzerland*) are
// outside unless the adequate option names them.
const awsEu =
  "eu-central-1, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-3, eusc-de-east-1, eu-isoe-west-1";
const gcpEu =
  "europe-central2, europe-north1, europe-north2, europe-southwest1, europe-west1, europe-west3, europe-west4, europe-west8, europe-west9, europe-west10, europe-west12, eu, europe, eur3, eur4";
const azureEu =
  "northeurope, westeurope, francecentral, francesouth, germanywestcentral, germanynorth, swedencentral, swedensouth, norwayeast, norwaywest, italynorth, polandcentral, spaincentral, austriaeast, belgiumcentral, denmarkeast";
const unlabelled = { owner: "platform-team" };

const dataset = (location: string) =>
  resource("gcp:bigquery/dataset:Dataset", "vitals", { datasetId: "vitals", location });
const spanner = (config: string) =>
  resource("gcp:spanner/instance:Instance", "records", { config, displayName: "records" });
const deployment = (sku: string) =>
  resource("azure-native:cognitiveservices:Deployment", "gpt", {
    sku: { name: sku, capacity: 10 },
    properties: { model: { format: "OpenAI", name: "gpt-4o" } },
  });
const meetings = (variables: Record<string, string>) =>
  lambdaFunction("video-meeting", { environment: { variables } });

describe("stack-residency-enforce-allowed-locations", () => {
  it("passes an EU stack: providers, zones, multi-regions, Spanner configs, DataZone deployments, Chime regions", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      gcpProvider(),
      azureProvider(),
      dataset("EU"),
      spanner("regional-europe-west3"),
      spanner("eur3"),
      resource("gcp:container/cluster:Cluster", "gke", { location: "europe-west3-a" }),
      resource("azure-native:resources:ResourceGroup", "rg", { location: "Germany West Central" }),
      resource("azure-native:privatedns:PrivateZone", "dns", { location: "global" }),
      deployment("DataZoneStandard"),
      meetings({ MEDIA_REGIONS: "eu-central-1,eu-west-1", CONTROL_REGION: "eu-central-1" }),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("reports each resource outside the zone on its own URN, with the location and the allowed list", async () => {
    const gcpUs = gcpProvider(phiLabels, "us-central1");
    const ds = dataset("US");
    const sp = spanner("nam-eur-asia1");
    const gpt = deployment("GlobalStandard");
    const fn = meetings({ MEDIA_REGIONS: "eu-central-1, us-east-1" });
    const rg = resource("azure-native:resources:ResourceGroup", "rg", { location: "eastus" });
    const out = await checkStack(policy, [awsProvider(), gcpUs, ds, sp, gpt, fn, rg]);
    expect(out.byUrn).toEqual([
      {
        urn: gcpUs.urn,
        message: `Provider mc-eu-gcp is placed in us-central1 (region), outside residency zone eu (from provider mc-eu-aws); allowed: ${gcpEu}. ${c}`,
      },
      {
        urn: ds.urn,
        message: `Resource vitals is placed in US (location), outside residency zone eu (from provider mc-eu-aws); allowed: ${gcpEu}. ${c}`,
      },
      {
        urn: sp.urn,
        message: `Resource records is placed in nam-eur-asia1 (config), outside residency zone eu (from provider mc-eu-aws); allowed: ${gcpEu}. ${c}`,
      },
      {
        urn: gpt.urn,
        message: `Azure OpenAI deployment gpt uses sku GlobalStandard, which processes data in any Azure region worldwide, outside residency zone eu (from provider mc-eu-aws); expected a DataZone* or regional (Standard, ProvisionedManaged) sku. ${c}`,
      },
      {
        urn: fn.urn,
        message: `Resource video-meeting is placed in us-east-1 (environment.variables.MEDIA_REGIONS), outside residency zone eu (from provider mc-eu-aws); allowed: ${awsEu}. ${c}`,
      },
      {
        urn: rg.urn,
        message: `Resource rg is placed in eastus (location), outside residency zone eu (from provider mc-eu-aws); allowed: ${azureEu}. ${c}`,
      },
    ]);
  });

  it("takes the zone from config before labels", async () => {
    const out = await checkStack(policy, [awsProvider(phiLabels, "us-east-1")], {
      residency: "us",
    });
    expect(out.violations).toEqual([]);
    const eu = await checkStack(policy, [awsProvider(unlabelled, "us-east-1")], {
      residency: "eu",
    });
    expect(eu.violations).toEqual([
      `Provider mc-eu-aws is placed in us-east-1 (region), outside residency zone eu (from policy config); allowed: ${awsEu}. ${c}`,
    ]);
  });

  it("narrows a cloud's allowed locations through allowedLocations config", async () => {
    const config = { residency: "eu", allowedLocations: { aws: ["eu-west-1"] } };
    expect(
      (await checkStack(policy, [awsProvider(unlabelled, "eu-west-1")], config)).violations,
    ).toEqual([]);
    expect(
      (await checkStack(policy, [awsProvider(unlabelled, "eu-central-1")], config)).violations,
    ).toEqual([
      `Provider mc-eu-aws is placed in eu-central-1 (region), outside residency zone eu (from policy config); allowed: eu-west-1. ${c}`,
    ]);
  });

  it("reads the zone from gcp default labels or a resource label", async () => {
    const out = await checkStack(policy, [gcpProvider({ residency: "eu" }), dataset("US")]);
    expect(out.violations).toHaveLength(1);
    const byResource = await checkStack(policy, [
      resource("gcp:storage/bucket:Bucket", "b", { location: "US", labels: { residency: "eu" } }),
    ]);
    expect(byResource.violations).toEqual([
      `Resource b is placed in US (location), outside residency zone eu (from resource b); allowed: ${gcpEu}. ${c}`,
    ]);
  });

  it("is not applicable without a declared zone when the providers span zones (absent)", async () => {
    const out = await checkStack(policy, [
      awsProvider(unlabelled, "us-east-1"),
      azureProvider("germanywestcentral"),
    ]);
    expect(out.notApplicable).toBe(
      "No residency zone: set the policy's residency config or a residency tag/label on the providers or resources, or place every provider in one zone.",
    );
  });

  it("infers the zone from providers that all sit in one zone, Azure providers included, and says so", async () => {
    const aws = awsProvider(unlabelled, "eu-central-1");
    const az = azureProvider("germanywestcentral");
    const ds = dataset("US");
    const out = await checkStack(policy, [aws, az, ds]);
    expect(out.byUrn).toEqual([
      {
        urn: ds.urn,
        message: `Resource vitals is placed in US (location), outside residency zone eu (from inferred from providers mc-eu-aws (eu-central-1), mc-eu-azure (germanywestcentral)); allowed: ${gcpEu}. ${c}`,
      },
    ]);
    const usOnly = await checkStack(policy, [azureProvider("eastus2"), dataset("EU")]);
    expect(usOnly.violations).toEqual([
      expect.stringContaining(
        "outside residency zone us (from inferred from providers mc-eu-azure (eastus2))",
      ),
    ]);
  });

  it("admits the UK and Switzerland to eu only through the adequate option", async () => {
    const london = awsProvider(unlabelled, "eu-west-2");
    const zurich = resource("azure-native:resources:ResourceGroup", "rg", {
      location: "switzerlandnorth",
    });
    const strictEu = await checkStack(policy, [london, zurich], { residency: "eu" });
    expect(strictEu.violations.map((v) => v.split(" (from")[0])).toEqual([
      "Provider mc-eu-aws is placed in eu-west-2 (region), outside residency zone eu",
      "Resource rg is placed in switzerlandnorth (location), outside residency zone eu",
    ]);
    expect(
      (await checkStack(policy, [london, zurich], { residency: "eu", adequate: ["uk", "ch"] }))
        .violations,
    ).toEqual([]);
    // The option widens only "eu".
    expect(
      (await checkStack(policy, [london], { residency: "us", adequate: ["uk"] })).violations,
    ).toHaveLength(1);
  });

  it("reports known placements even when another location is unknown", async () => {
    const rg = resource("azure-native:resources:ResourceGroup", "rg", { location: unknown });
    const ds = dataset("US");
    const out = await checkStack(policy, [awsProvider(), rg, ds]);
    expect(out).toMatchObject({ indeterminate: true });
    expect(out.byUrn.map((v) => v.urn)).toEqual([ds.urn]);
  });

  it("is indeterminate when a location is unknown", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      resource("azure-native:resources:ResourceGroup", "rg", { location: unknown }),
    ]);
    expect(out).toMatchObject({ violations: [], indeterminate: true });
  });
});
