/** The Azure section of the configuration (stacks/config.ts azureSection): defaults, overrides and refusals. */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { parsePlatformConfig, platformConfigKeys, RawConfig } from "../../stacks/config";
import { azureEuMemberStateLocations } from "../../stacks/config";

const root = path.resolve(__dirname, "../..");

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

const eu = (extra: RawConfig = {}) =>
  parsePlatformConfig({ ...stackValues("eu"), ...extra }, { project: "mediconnect", stack: "eu" });
const us = (extra: RawConfig = {}) =>
  parsePlatformConfig(
    { ...stackValues("prod"), ...extra },
    { project: "mediconnect", stack: "prod" },
  );

describe("Azure configuration section", () => {
  it("gives the US stack its own defaults (its app URL, its name prefix in the triage audience)", () => {
    expect(us().azure).toMatchObject({
      location: "eastus2",
      fhir: { corsOrigins: ["https://app.mediconnect.example"] },
      openAi: { location: "eastus2", sku: "DataZoneStandard" },
      triage: { audience: "api://mc-prod-triage" },
    });
  });

  it("reads every override", () => {
    const azure = eu({
      azureAddressSpace: "172.20.0.0/16",
      azureFhirSmartProxy: "true",
      azureFhirExport: "false",
      azureFhirCorsOrigins: '["https://a.example.org", "https://b.example.org:8443"]',
      azureFhirSmartAuthority: "https://idp.example.org/realms/clinic",
      azureFhirSmartClientIds: '["patient-app", "viewer.2"]',
      azureOpenAiLocation: "swedencentral",
      azureOpenAiModel: "gpt-4o-mini",
      azureOpenAiModelVersion: "2024-07-18",
      azureOpenAiSku: "DataZoneProvisionedManaged",
      azureOpenAiCapacity: "50",
      azureOpenAiContentFilterThreshold: "Low",
      azureOpenAiAllowedFqdns: '["search.example.org"]',
      azureOpenAiApiVersion: "2025-01-01-preview",
      azureTriageAudience: "11111111-2222-4333-8444-555555555555",
      azureTriageFhirDataRole: "contributor",
      azureApiPublisherEmail: "ops@example.org",
    }).azure;
    expect(azure).toEqual({
      location: "germanywestcentral",
      subscriptionId: "00000000-0000-4000-8000-000000000002",
      tenantId: "00000000-0000-4000-8000-0000000000bb",
      addressSpace: "172.20.0.0/16",
      fhir: {
        smartProxy: true,
        export: false,
        corsOrigins: ["https://a.example.org", "https://b.example.org:8443"],
        smartIdentityProvider: {
          authority: "https://idp.example.org/realms/clinic",
          clientIds: ["patient-app", "viewer.2"],
        },
      },
      openAi: {
        location: "swedencentral",
        model: "gpt-4o-mini",
        modelVersion: "2024-07-18",
        sku: "DataZoneProvisionedManaged",
        capacity: 50,
        contentFilterThreshold: "Low",
        allowedFqdns: ["search.example.org"],
        apiVersion: "2025-01-01-preview",
      },
      triage: {
        image: `mediconnectregistry.azurecr.io/mediconnect/symptom-triage@sha256:${"0".repeat(64)}`,
        audience: "11111111-2222-4333-8444-555555555555",
        fhirDataRole: "contributor",
      },
      fhirGateway: {
        image: `mediconnectregistry.azurecr.io/mediconnect/fhir-gateway@sha256:${"0".repeat(63)}2`,
      },
      gdprErasure: {
        image: `mediconnectregistry.azurecr.io/mediconnect/gdpr-erasure@sha256:${"0".repeat(63)}3`,
      },
      apiPublisherEmail: "ops@example.org",
    });
  });

  it("leaves the FHIR gateway and the erasure service out when their images are unset", () => {
    const azure = us({ azureFhirGatewayImage: undefined, azureGdprErasureImage: "" }).azure;
    expect([azure?.fhirGateway, azure?.gdprErasure, azure?.triage.image]).toEqual([
      undefined,
      undefined,
      `mediconnectregistry.azurecr.io/mediconnect/symptom-triage@sha256:${"0".repeat(64)}`,
    ]);
  });

  it("declares every key it reads in Pulumi.yaml", () => {
    const declared = Object.keys(
      (
        parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as {
          config: Record<string, unknown>;
        }
      ).config,
    );
    const azureKeys = platformConfigKeys.filter((k) => /^azure|^triageImage$/.test(k));
    expect(azureKeys.filter((k) => !declared.includes(`mediconnect:${k}`))).toEqual([]);
    expect(azureKeys.length).toBe(23);
  });

  it.each<[string, RawConfig, string]>([
    [
      "an EU location outside the Union",
      { azureLocation: "norwayeast" },
      `Invalid configuration [mediconnect:azureLocation]: received "norwayeast"; expected an Azure location in an EU member state for residency "eu": one of ${azureEuMemberStateLocations.join(", ")}.`,
    ],
    [
      "an OpenAI location outside the Union",
      { azureOpenAiLocation: "norwayeast" },
      'Invalid configuration [mediconnect:azureOpenAiLocation]: received "norwayeast"; expected an Azure location in an EU member state',
    ],
    [
      "an OpenAI location outside the zone",
      { azureOpenAiLocation: "eastus" },
      'Invalid configuration [mediconnect:azureOpenAiLocation]: received "eastus"; expected an Azure location inside residency zone "eu"',
    ],
    [
      "a global deployment type",
      { azureOpenAiSku: "GlobalStandard" },
      'Invalid configuration [mediconnect:azureOpenAiSku]: received "GlobalStandard"; expected one of DataZoneStandard, DataZoneProvisionedManaged, Standard, ProvisionedManaged',
    ],
    [
      "a public address space",
      { azureAddressSpace: "8.8.0.0/16" },
      'Invalid configuration [mediconnect:azureAddressSpace]: received "8.8.0.0/16"; expected a private IPv4 network',
    ],
    [
      "an address space too small for three /24 subnets",
      { azureAddressSpace: "10.60.0.0/23" },
      'Invalid configuration [mediconnect:azureAddressSpace]: received "10.60.0.0/23"',
    ],
    [
      "an address space not written with its first address",
      { azureAddressSpace: "10.60.1.0/22" },
      'Invalid configuration [mediconnect:azureAddressSpace]: received "10.60.1.0/22"',
    ],
    [
      "a wildcard CORS origin",
      { azureFhirCorsOrigins: '["*"]' },
      'Invalid configuration [mediconnect:azureFhirCorsOrigins]: received ["*"]; expected a list of https origins without path or wildcard',
    ],
    [
      "a triage image pinned by tag",
      { triageImage: "mediconnectregistry.azurecr.io/mediconnect/symptom-triage:1.2.3" },
      'Invalid configuration [mediconnect:triageImage]: received "mediconnectregistry.azurecr.io/mediconnect/symptom-triage:1.2.3"; expected a digest-pinned image reference',
    ],
    [
      "a FHIR gateway image by tag",
      { azureFhirGatewayImage: "mediconnectregistry.azurecr.io/mediconnect/fhir-gateway:1.0.0" },
      'Invalid configuration [mediconnect:azureFhirGatewayImage]: received "mediconnectregistry.azurecr.io/mediconnect/fhir-gateway:1.0.0"; expected a digest-pinned image reference',
    ],
    [
      "no triage image",
      { triageImage: undefined },
      "Invalid configuration [mediconnect:triageImage]: received nothing (the key is not set); expected a non-empty string.",
    ],
    [
      "a capacity of zero",
      { azureOpenAiCapacity: "0" },
      'Invalid configuration [mediconnect:azureOpenAiCapacity]: received "0"; expected a whole number of capacity units from 1 to 1000.',
    ],
    [
      "an unknown content filter threshold",
      { azureOpenAiContentFilterThreshold: "Off" },
      'Invalid configuration [mediconnect:azureOpenAiContentFilterThreshold]: received "Off"; expected one of Low, Medium, High.',
    ],
    [
      "a flag that is not a boolean",
      { azureFhirExport: "yes" },
      'Invalid configuration [mediconnect:azureFhirExport]: received "yes"; expected one of true, false.',
    ],
    [
      "an outbound host with a scheme",
      { azureOpenAiAllowedFqdns: '["https://x.example.org"]' },
      'Invalid configuration [mediconnect:azureOpenAiAllowedFqdns]: received ["https://x.example.org"]; expected a list of lowercase host names',
    ],
    [
      "a SMART authority without client ids",
      { azureFhirSmartAuthority: "https://idp.example.org" },
      "Invalid configuration [mediconnect:azureFhirSmartClientIds]: received nothing (the key is not set); expected a non-empty list of the client ids",
    ],
    [
      "SMART client ids without an authority",
      { azureFhirSmartClientIds: '["app"]' },
      "Invalid configuration [mediconnect:azureFhirSmartAuthority]: received nothing (the key is not set); expected the SMART identity provider's https issuer URL, since azureFhirSmartClientIds is set.",
    ],
    [
      "a SMART authority over http",
      { azureFhirSmartAuthority: "http://idp.example.org", azureFhirSmartClientIds: '["app"]' },
      'Invalid configuration [mediconnect:azureFhirSmartAuthority]: received "http://idp.example.org"; expected the https issuer URL',
    ],
    [
      "an unknown FHIR role",
      { azureTriageFhirDataRole: "owner" },
      'Invalid configuration [mediconnect:azureTriageFhirDataRole]: received "owner"; expected one of reader, contributor.',
    ],
  ])("refuses %s", (_what, extra, message) => {
    expect(() => eu(extra)).toThrow(message);
  });

  it("keeps the OpenAI account of a US stack in a US location", () => {
    expect(() => us({ azureOpenAiLocation: "westeurope" })).toThrow(
      'Invalid configuration [mediconnect:azureOpenAiLocation]: received "westeurope"; expected an Azure location inside residency zone "us"',
    );
  });
});
