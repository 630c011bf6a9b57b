/**
 * The residency catalog is exact and complete: every region the installed providers know is classified, zones
 * are consistent across clouds, and the UK and Switzerland join "eu" only through the explicit option.
 */
import * as fs from "fs";
import * as path from "path";
import { Region } from "@pulumi/aws/types/enums";
import {
  allowedLocations,
  countriesOf,
  isAllowedLocation,
  locationCountries,
  locationsIn,
  zonesOfLocation,
} from "../../policies/catalog/residency";

const modules = path.resolve(__dirname, "../../node_modules/@pulumi");

/** Region values of the azure-native enums documented as regions ("Region: West Europe"). */
function azureRegionEnumValues(): string[] {
  const dir = path.join(modules, "azure-native/types/enums");
  return fs.readdirSync(dir).flatMap((service) => {
    const file = path.join(dir, service, "index.d.ts");
    if (!fs.existsSync(file)) {
      return [];
    }
    const text = fs.readFileSync(file, "utf8");
    return [...text.matchAll(/\* Region: [^\n]+\n\s+\*\/\n\s+readonly \w+: "([a-z0-9]+)";/g)].map(
      (m) => m[1],
    );
  });
}

describe("residency catalog", () => {
  it("classifies every region of the installed @pulumi/aws Region enum", () => {
    const unknown = Object.values(Region).filter((r) => countriesOf("aws", r) === undefined);
    expect(unknown).toEqual([]);
  });

  it("classifies every region the installed azure-native enums name", () => {
    const values = azureRegionEnumValues();
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((r) => countriesOf("azure", r) === undefined)).toEqual([]);
  });

  it('keeps the UK and Switzerland out of "eu" on every cloud unless the adequate option names them', () => {
    const uk = { aws: "eu-west-2", gcp: "europe-west2", azure: "uksouth" } as const;
    const ch = { aws: "eu-central-2", gcp: "europe-west6", azure: "switzerlandnorth" } as const;
    for (const cloud of ["aws", "gcp", "azure"] as const) {
      expect([cloud, isAllowedLocation("eu", cloud, uk[cloud])]).toEqual([cloud, false]);
      expect([cloud, isAllowedLocation("eu", cloud, ch[cloud])]).toEqual([cloud, false]);
      expect(isAllowedLocation("eu", cloud, uk[cloud], { adequate: ["uk"] })).toBe(true);
      expect(isAllowedLocation("eu", cloud, ch[cloud], { adequate: ["ch"] })).toBe(true);
      expect(isAllowedLocation("eu", cloud, ch[cloud], { adequate: ["uk"] })).toBe(false);
    }
  });

  it("admits EEA members that are not in the EU to eu (Norway)", () => {
    expect([
      isAllowedLocation("eu", "azure", "norwayeast"),
      isAllowedLocation("eu", "azure", "Norway West"),
    ]).toEqual([true, true]);
  });

  it("admits a multi-region only when all its members are in the zone", () => {
    expect(isAllowedLocation("eu", "gcp", "eur3")).toBe(true);
    expect(isAllowedLocation("eu", "gcp", "eur5")).toBe(false); // London
    expect(isAllowedLocation("eu", "gcp", "eur5", { adequate: ["uk"] })).toBe(true);
    expect(isAllowedLocation("eu", "gcp", "eur6")).toBe(false); // Zurich witness
    expect(isAllowedLocation("us", "gcp", "asia")).toBe(false);
  });

  it("refuses locations it does not know, in every zone", () => {
    expect(zonesOfLocation("aws", "eu-moon-1")).toEqual([]);
    expect(zonesOfLocation("gcp", "eu-central-1")).toEqual([]);
  });

  it("puts every location in at most one zone and derives the allowed lists from the classification", () => {
    for (const cloud of ["aws", "gcp", "azure"] as const) {
      for (const location of Object.keys(locationCountries[cloud])) {
        expect(zonesOfLocation(cloud, location).length).toBeLessThanOrEqual(1);
      }
      expect(allowedLocations.eu[cloud]).toEqual(locationsIn("eu", cloud));
      expect(allowedLocations.us[cloud]).toEqual(locationsIn("us", cloud));
    }
    expect(allowedLocations.us.aws).toContain("us-gov-west-1");
    expect(allowedLocations.eu.aws).not.toContain("eu-west-2");
  });
});
