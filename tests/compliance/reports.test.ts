/**
 * Every report format from one known evaluation (tests/compliance/helpers/known-evaluation.ts), asserted on exact
 * content; SARIF is validated against the official SARIF 2.1.0 JSON schema (tests/fixtures/sarif/).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv";
import { renderCsv } from "../../compliance/reports/csv";
import { renderJunit } from "../../compliance/reports/junit";
import { renderMarkdown } from "../../compliance/reports/markdown";
import { renderSarif } from "../../compliance/reports/sarif";
import { renderHtml } from "../../compliance/reports/html";
import { fileNames, parseFormats, writeReports } from "../../compliance/reports";
import { controls as catalog } from "../../policies/catalog/controls";
import {
  bucketUrn,
  keyUrn,
  knownInput,
  knownReport,
  ringUrn,
  stackUrn,
} from "./helpers/known-evaluation";

/** The official schema declares draft-04; Ajv 8 reads it as draft-07 (see tests/fixtures/sarif/README.md). */
const { id, $schema, ...schemaBody } = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../fixtures/sarif/sarif-schema-2.1.0.json"), "utf8"),
);
const schema = { $schema: "http://json-schema.org/draft-07/schema#", $id: id, ...schemaBody };

function validateSarif(doc: unknown) {
  // unicodeRegExp off: the schema's `language` pattern has a stray "]" that a unicode RegExp rejects.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // The schema uses the uri, uri-reference and date-time formats; check them rather than ignore them.
  ajv.addFormat("uri", /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/);
  ajv.addFormat("uri-reference", /^[^\s]*$/);
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  const validate = ajv.compile(schema);
  const ok = validate(doc);
  return { ok, errors: validate.errors ?? [] };
}

describe("report.json model", () => {
  const report = knownReport();

  it("counts not-applicable pairs per policy instead of listing them, and lists every assessed pair", () => {
    expect(report.notApplicable).toEqual([
      {
        policyName: "aws-kms-key-enable-key-rotation",
        policyPack: "mediconnect-hipaa-gdpr",
        count: 2,
        reason: "Policy only applies to resources of type 'aws:kms/key:Key'",
      },
      {
        policyName: "aws-s3-bucket-disallow-public-acl",
        policyPack: "mediconnect-hipaa-gdpr",
        count: 1,
        reason: "Policy only applies to resources of type 'aws:s3/bucket:Bucket'",
      },
    ]);
    expect(report.results.map((r) => [r.policyName, r.urn, r.status])).toEqual([
      ["aws-kms-key-enable-key-rotation", keyUrn, "fail"],
      ["aws-s3-bucket-disallow-public-acl", bucketUrn, "suppressed"],
      ["gcp-kms-key-ring-configure-location", ringUrn, "indeterminate"],
      ["stack-phi-store-enforce-cmk-rotation", stackUrn, "pass"],
    ]);
    expect(report.summary).toEqual({
      resources: 4,
      policies: 4,
      evaluations: 7,
      passed: 1,
      failed: 1,
      mandatory: 1,
      advisory: 0,
      suppressed: 1,
      notApplicable: 3,
      indeterminate: 1,
    });
  });

  it("fingerprints each finding as sha256(policy, newline, URN), stable across runs", () => {
    const expected = createHash("sha256")
      .update(`aws-kms-key-enable-key-rotation\n${keyUrn}`)
      .digest("hex")
      .slice(0, 32);
    expect(report.violations[0].fingerprint).toBe(expected);
    expect(knownReport().violations[0].fingerprint).toBe(expected);
  });

  it("keeps the suppression, the declaration site and the property values the decision rested on", () => {
    expect(report.suppressed[0].suppression).toEqual({
      until: "2999-12-31",
      owner: "web-team",
      reason: "Public site, no PHI (WEB-7)",
    });
    expect(report.violations[0].location).toEqual({
      file: "components/kms.ts",
      line: 12,
      column: 17,
    });
    expect(report.violations[0].evidence).toEqual([
      { property: "enableKeyRotation", value: "false" },
    ]);
    expect(report.suppressed[0].evidence).toEqual([{ property: "acl", value: '"public-read"' }]);
  });

  it("rolls results up to every control of the catalog, per cloud, with not assessed explicit", () => {
    expect(report.controls.map((c) => c.id)).toEqual(catalog.map((c) => c.id));
    const byId = new Map(report.controls.map((c) => [c.id, c]));
    expect(byId.get("hipaa:164.312(a)(2)(iv)")).toMatchObject({
      status: "failed",
      passed: 1,
      failed: 1,
      suppressed: 0,
      indeterminate: 0,
      policies: ["aws-kms-key-enable-key-rotation", "stack-phi-store-enforce-cmk-rotation"],
      byCloud: {
        aws: { status: "failed", passed: 0, failed: 1, suppressed: 0, indeterminate: 0 },
        gcp: {
          status: "not-assessed",
          reason: "no policy applies",
          passed: 0,
          failed: 0,
          suppressed: 0,
          indeterminate: 0,
        },
        stack: { status: "passed", passed: 1, failed: 0, suppressed: 0, indeterminate: 0 },
      },
    });
    expect(byId.get("hipaa:164.312(a)(1)")).toMatchObject({ status: "suppressed", suppressed: 1 });
    expect(byId.get("gdpr:art44-46")).toMatchObject({
      status: "not-assessed",
      reason: "only indeterminate results",
      indeterminate: 1,
    });
    expect(byId.get("hipaa:164.312(b)")).toMatchObject({
      status: "not-assessed",
      reason: "no policy applies",
      policies: [],
    });
    expect(Object.keys(byId.get("gdpr:art32")!.byCloud)).toEqual(["aws", "gcp", "stack"]);
  });
});

describe("SARIF", () => {
  it("is checked against the draft-04 OASIS errata schema as published", () => {
    expect([$schema, id]).toEqual([
      "http://json-schema.org/draft-04/schema#",
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
    ]);
  });

  const sarif = JSON.parse(renderSarif(knownReport()));

  it("validates against the SARIF 2.1.0 JSON schema", () => {
    const { ok, errors } = validateSarif(sarif);
    expect(errors).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the schema check can fail: a result without a message is rejected", () => {
    const broken = JSON.parse(JSON.stringify(sarif));
    delete broken.runs[0].results[0].message;
    expect(validateSarif(broken).ok).toBe(false);
  });

  it("has one rule per policy with help text and control ids, and results at the declaration site", () => {
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
      knownInput.policies.map((p) => p.name),
    );
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: "aws-kms-key-enable-key-rotation",
      help: { text: "Set enableKeyRotation: true.\n\nReference: https://www.ecfr.gov/x" },
      helpUri: "https://www.ecfr.gov/x",
      defaultConfiguration: { level: "error", enabled: true },
      properties: {
        tags: ["security", "compliance", "hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
        "security-severity": "8.0",
      },
    });
    expect(run.automationDetails).toEqual({ id: "clinic/eu/" });
    expect(
      run.results.map((r: any) => [
        r.ruleId,
        r.ruleIndex,
        r.kind,
        r.level,
        r.locations[0].physicalLocation,
      ]),
    ).toEqual([
      [
        "aws-kms-key-enable-key-rotation",
        0,
        "fail",
        "error",
        {
          artifactLocation: { uri: "components/kms.ts", uriBaseId: "%SRCROOT%" },
          region: { startLine: 12, startColumn: 17 },
        },
      ],
      [
        "aws-s3-bucket-disallow-public-acl",
        1,
        "fail",
        "warning",
        {
          artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" },
          region: { startLine: 30, startColumn: 14 },
        },
      ],
      [
        "gcp-kms-key-ring-configure-location",
        3,
        "review",
        "none",
        {
          artifactLocation: { uri: "Pulumi.yaml", uriBaseId: "%SRCROOT%" },
          region: { startLine: 1 },
        },
      ],
    ]);
    expect(run.results[0].partialFingerprints).toEqual({
      "mediconnectPolicyUrn/v1": knownReport().violations[0].fingerprint,
    });
    expect(run.results[0].locations[0].logicalLocations).toEqual([
      { name: "phi-key", fullyQualifiedName: keyUrn, kind: "resource" },
    ]);
    expect(run.results[1].suppressions).toEqual([
      {
        kind: "external",
        status: "accepted",
        justification: "Public site, no PHI (WEB-7)",
        properties: { owner: "web-team", expires: "2999-12-31" },
      },
    ]);
  });
});

describe("JUnit XML", () => {
  it("has a test case per assessed policy x resource, failures with message and location", () => {
    expect(renderJunit(knownReport())).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="policy clinic/eu" tests="4" failures="1" errors="0" skipped="2">
  <testsuite name="aws-kms-key-enable-key-rotation (clinic/eu)" tests="1" failures="1" errors="0" skipped="0">
    <properties>
      <property name="policyPack" value="mediconnect-hipaa-gdpr"/>
      <property name="severity" value="high"/>
      <property name="enforcementLevel" value="mandatory"/>
      <property name="controls" value="hipaa:164.312(a)(2)(iv), gdpr:art32"/>
      <property name="notApplicable" value="2"/>
    </properties>
    <testcase name="aws:kms/key:Key phi-key" classname="eu.aws-kms-key-enable-key-rotation" file="components/kms.ts" line="12">
      <failure message="Key rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)" type="mandatory">[mandatory] [severity: high] Key rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)
resource: urn:pulumi:eu::clinic::mediconnect:aws:KmsKey$aws:kms/key:Key::phi-key
declared at: components/kms.ts:12:17
controls: hipaa:164.312(a)(2)(iv), gdpr:art32
fingerprint: 6b10af08bab2f4de6ba79a50648927bd</failure>
    </testcase>
  </testsuite>
  <testsuite name="aws-s3-bucket-disallow-public-acl (clinic/eu)" tests="1" failures="0" errors="0" skipped="1">
    <properties>
      <property name="policyPack" value="mediconnect-hipaa-gdpr"/>
      <property name="severity" value="critical"/>
      <property name="enforcementLevel" value="mandatory"/>
      <property name="controls" value="hipaa:164.312(a)(1), gdpr:art32"/>
      <property name="notApplicable" value="1"/>
    </properties>
    <testcase name="aws:s3/bucket:Bucket site" classname="eu.aws-s3-bucket-disallow-public-acl" file="index.ts" line="30">
      <skipped message="suppressed until 2999-12-31 by web-team: Public site, no PHI (WEB-7)"/>
    </testcase>
  </testsuite>
  <testsuite name="stack-phi-store-enforce-cmk-rotation (clinic/eu)" tests="1" failures="0" errors="0" skipped="0">
    <properties>
      <property name="policyPack" value="mediconnect-hipaa-gdpr"/>
      <property name="severity" value="high"/>
      <property name="enforcementLevel" value="mandatory"/>
      <property name="controls" value="hipaa:164.312(a)(2)(iv)"/>
      <property name="notApplicable" value="0"/>
    </properties>
    <testcase name="pulumi:pulumi:Stack clinic-eu" classname="eu.stack-phi-store-enforce-cmk-rotation"/>
  </testsuite>
  <testsuite name="gcp-kms-key-ring-configure-location (clinic/eu)" tests="1" failures="0" errors="0" skipped="1">
    <properties>
      <property name="policyPack" value="mediconnect-hipaa-gdpr"/>
      <property name="severity" value="medium"/>
      <property name="enforcementLevel" value="advisory"/>
      <property name="controls" value="gdpr:art44-46"/>
      <property name="notApplicable" value="0"/>
    </properties>
    <testcase name="gcp:kms/keyRing:KeyRing ring" classname="eu.gcp-kms-key-ring-configure-location">
      <skipped message="indeterminate: string value at .location can&apos;t be known during preview"/>
    </testcase>
  </testsuite>
</testsuites>
`);
  });
});

describe("CSV", () => {
  it("has a row per assessed result, quoted as RFC 4180", () => {
    expect(renderCsv(knownReport())).toBe(
      [
        "stack,project,policy_pack,policy,status,enforcement_level,severity,controls,cloud,resource_type,resource_name,urn,file,line,fingerprint,baseline,message,suppression_reason,suppression_owner,suppression_expires",
        "eu,clinic,mediconnect-hipaa-gdpr,aws-kms-key-enable-key-rotation,fail,mandatory,high,hipaa:164.312(a)(2)(iv) gdpr:art32,aws,aws:kms/key:Key,phi-key,urn:pulumi:eu::clinic::mediconnect:aws:KmsKey$aws:kms/key:Key::phi-key,components/kms.ts,12,6b10af08bab2f4de6ba79a50648927bd,,Key rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32),,,",
        'eu,clinic,mediconnect-hipaa-gdpr,aws-s3-bucket-disallow-public-acl,suppressed,advisory,critical,hipaa:164.312(a)(1) gdpr:art32,aws,aws:s3/bucket:Bucket,site,urn:pulumi:eu::clinic::aws:s3/bucket:Bucket::site,index.ts,30,058f4f86e549c49fe7a59cb5b693ce62,,"[suppressed until 2999-12-31 by web-team: Public site, no PHI (WEB-7)] Bucket acl is public-read.","Public site, no PHI (WEB-7)",web-team,2999-12-31',
        "eu,clinic,mediconnect-hipaa-gdpr,gcp-kms-key-ring-configure-location,indeterminate,advisory,medium,gdpr:art44-46,gcp,gcp:kms/keyRing:KeyRing,ring,urn:pulumi:eu::clinic::gcp:kms/keyRing:KeyRing::ring,,,c728cb24600eb0cb58ec092aa13b6f39,,string value at .location can't be known during preview,,,",
        "eu,clinic,mediconnect-hipaa-gdpr,stack-phi-store-enforce-cmk-rotation,pass,mandatory,high,hipaa:164.312(a)(2)(iv),stack,pulumi:pulumi:Stack,clinic-eu,urn:pulumi:eu::clinic::pulumi:pulumi:Stack::clinic-eu,,,b513115e1f34c2d37a6888f680003a6f,,,,,",
      ].join("\r\n") + "\r\n",
    );
  });
});

describe("Markdown summary", () => {
  it("is short: counts, failed controls, mandatory violations first, suppressions, indeterminate", () => {
    expect(renderMarkdown(knownReport())).toBe(`### ❌ Policy results: clinic/eu

| resources | evaluations | passed | mandatory | advisory | suppressed | indeterminate | not applicable |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| 4 | 7 | 1 | 1 | 0 | 1 | 1 | 3 |

Packs: \`mediconnect-hipaa-gdpr@0.1.0\` (source: offline-plan).

**Controls:** 2 failed (HIPAA 164.312(a)(2)(iv), GDPR Art. 32), 0 passed, 1 passed with suppressions, 19 not assessed (HIPAA 164.308(a)(1)(ii)(D), HIPAA 164.308(a)(5)(ii)(C), HIPAA 164.308(a)(7), HIPAA 164.312(a)(2)(i), HIPAA 164.312(a)(2)(iii), HIPAA 164.312(b), HIPAA 164.312(c)(1), HIPAA 164.312(c)(2), HIPAA 164.312(d), HIPAA 164.312(e)(1), HIPAA 164.312(e)(2)(ii), HIPAA 164.316(b)(2), GDPR Art. 5(1)(e), GDPR Art. 5(1)(f), GDPR Art. 17, GDPR Art. 25, GDPR Art. 30, GDPR Art. 33, GDPR Art. 44-46).

#### Mandatory violations (1)

| policy | severity | resource | declared at | controls | message |
| --- | --- | --- | --- | --- | --- |
| \`aws-kms-key-enable-key-rotation\` | high | aws:kms/key:Key phi-key | \`components/kms.ts:12\` | \`hipaa:164.312(a)(2)(iv)\` \`gdpr:art32\` | Key rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32) |

#### Suppressed (1)

| policy | resource | reason | owner | expires |
| --- | --- | --- | --- | --- |
| \`aws-s3-bucket-disallow-public-acl\` | aws:s3/bucket:Bucket site | Public site, no PHI (WEB-7) | web-team | 2999-12-31 |

<details><summary>Indeterminate (1): checks that could not decide</summary>

- \`gcp-kms-key-ring-configure-location\` on \`urn:pulumi:eu::clinic::gcp:kms/keyRing:KeyRing::ring\`: string value at .location can't be known during preview

</details>

Encrypted config ran with placeholder values: \`clinic:apiKey\`.
`);
  });
});

describe("HTML", () => {
  const html = renderHtml(knownReport());

  it("is self-contained: no script, no external stylesheet, image or font", () => {
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).toContain('<html lang="en">');
  });

  it("lists every control of the catalog in the matrix, with a status per cloud", () => {
    const rows = html.match(/<tr data-control="[^"]+">/g) ?? [];
    expect(rows.length).toBe(catalog.length);
    expect(html).toContain(
      '<th scope="col" id="col-aws">AWS</th><th scope="col" id="col-gcp">GCP</th>',
    );
  });
});

describe("writing and choosing formats", () => {
  it("writes report.json and the chosen formats only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "formats-"));
    const written = writeReports(dir, knownReport(), parseFormats("sarif,csv"));
    expect(written.map((f) => path.basename(f))).toEqual([
      fileNames.json,
      fileNames.sarif,
      fileNames.csv,
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(["report.json", "report.sarif", "results.csv"]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8"))).toEqual(
      knownReport(),
    );
  });

  it("rejects an unknown format, naming it", () => {
    expect(() => parseFormats("sarif,pdf")).toThrow('unknown format "pdf"');
    expect(parseFormats("all")).toEqual(["sarif", "junit", "markdown", "html", "csv"]);
  });
});
