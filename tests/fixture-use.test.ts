/**
 * The FHIR fixtures' README says what each file is used for: every file there is read by a test, by its name or by
 * its resource type's `<Type>-${...}` pattern.
 */
import * as fs from "fs";
import * as path from "path";

const fixtures = path.join(__dirname, "fixtures", "fhir-r4");

function testSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      return e.name === "fixtures" ? [] : testSources(full);
    }
    return e.name.endsWith(".ts") && full !== __filename ? [fs.readFileSync(full, "utf8")] : [];
  });
}

describe("FHIR R4 fixtures", () => {
  const sources = testSources(__dirname);
  const files = fs.readdirSync(fixtures).filter((f) => f.endsWith(".json"));

  it.each(files)("%s is read by a test", (file) => {
    const type = file.split("-")[0];
    expect([file, sources.some((s) => s.includes(file) || s.includes(`${type}-\${`))]).toEqual([
      file,
      true,
    ]);
  });

  it("lists in the README only files that exist", () => {
    const readme = fs.readFileSync(path.join(fixtures, "README.md"), "utf8");
    const named = [...readme.matchAll(/([A-Z][A-Za-z]+-[A-Za-z0-9-]+\.json)/g)].map((m) => m[1]);
    expect(named.filter((f) => !files.includes(f))).toEqual([]);
  });
});
