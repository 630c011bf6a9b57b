import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "../../..");
const CLI = "functions/lib/phi/cli.ts";

function run(
  args: string[],
  input: string | Buffer,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("npx", ["tsx", CLI, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  // npm may print its own config warnings on stderr; only the command's lines are asserted.
  const stderr = r.stderr
    .split("\n")
    .filter((l) => l.startsWith("redact:"))
    .join("\n");
  return { status: r.status, stdout: r.stdout, stderr };
}

describe("redact command", () => {
  it("jsonl: one complete output line per input line, offsets into the original text", () => {
    const input = [
      JSON.stringify({ id: 1, text: "Dr. Jane Doe saw pt on 3/14/2023" }),
      JSON.stringify({ id: "b", text: "nothing to hide" }),
      "",
      JSON.stringify({ id: null, text: "SSN 123-45-6789" }),
    ].join("\n");
    const r = run(["--format", "jsonl"], input);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(
      r.stdout
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        id: 1,
        redacted: "Dr. [NAME] saw pt on [DATE]",
        findings: [
          { type: "NAME", start: 4, end: 12 },
          { type: "DATE", start: 23, end: 32 },
        ],
      },
      { id: "b", redacted: "nothing to hide", findings: [] },
      { id: null, redacted: "SSN [SSN]", findings: [{ type: "SSN", start: 4, end: 15 }] },
    ]);
  });

  it("text: masks plain text line by line", () => {
    const r = run(["--format", "text"], "Call (555) 123-4567\nDOB: March 14, 1950\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("Call [PHONE]\nDOB: [DATE]\n");
  });

  it("--patient: masks the patient's own identifiers", () => {
    const r = run(
      ["--format", "text", "--patient", "tests/fixtures/fhir-r4/Patient-example.json"],
      "Jim phoned about 25 Dec 1974\n",
    );
    expect(r.stdout).toBe("[NAME] phoned about [DATE]\n");
  });

  it("bad lines: reported with line number, kind of value and expectation; skipped; exit 2", () => {
    const input = [
      JSON.stringify({ id: 1, text: "MRN: 1234567" }),
      "not json from Dr. Jane Doe",
      JSON.stringify({ id: 3 }),
      JSON.stringify({ id: 4, text: 42 }),
      JSON.stringify({ id: 5, text: "ok" }),
    ].join("\n");
    const r = run([], input);
    expect(r.status).toBe(2);
    expect(
      r.stdout
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l).id),
    ).toEqual([1, 5]);
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe(
      'redact: line 2: received 26 character(s) that are not JSON; expected a JSON object {"id": ..., "text": "<string>"}',
    );
    expect(lines[1]).toBe(
      'redact: line 3: received no "text" key; expected a JSON object {"id": ..., "text": "<string>"}',
    );
    expect(lines[2]).toBe(
      'redact: line 4: received "text" as a number; expected a JSON object {"id": ..., "text": "<string>"}',
    );
    expect(lines[3]).toBe("redact: 3 of 5 line(s) skipped because of bad input (see above)");
    expect(r.stderr).not.toContain("Jane");
  });

  it.each([
    [["--format", "xml"], 'redact: --format expects "jsonl" or "text"; received "xml"'],
    [
      ["--patient", "does/not/exist.json"],
      "redact: --patient does/not/exist.json: cannot read it (ENOENT); expected a readable FHIR R4 Patient JSON file",
    ],
    [["--verbose"], 'redact: unknown argument "--verbose"; expected --format, --patient or --help'],
  ])("bad arguments %j exit 2", (args, message) => {
    const r = run(args, "");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("ends lines at \\n and \\r\\n only: a bare \\r stays inside its record", () => {
    const input = [
      '{"id": 1,\r"text": "Dr. Jane Doe\\rcalled"}\r\n',
      '{"id": 2, "text": "SSN 123-45-6789"}\n',
      '{"id": 3, "text": "nothing"}',
    ].join("");
    const r = run([], input);
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: 1, redacted: "Dr. [NAME]\rcalled", findings: [{ type: "NAME", start: 4, end: 12 }] },
      { id: 2, redacted: "SSN [SSN]", findings: [{ type: "SSN", start: 4, end: 15 }] },
      { id: 3, redacted: "nothing", findings: [] },
    ]);
    const text = run(["--format", "text"], "Dr. Jane Doe\rsaw\r\nMRN: 1234567\n");
    expect(text.stdout).toBe("Dr. [NAME]\rsaw\nMRN: [MRN]\n");
  });

  it("reports invalid UTF-8 as an error for that line, without replacing it, and goes on", () => {
    const input = Buffer.concat([
      Buffer.from('{"id": 1, "text": "ok"}\n'),
      Buffer.from('{"id": 2, "text": "Dr. Jane Doe \xff\xfe"}\n', "latin1"),
      Buffer.from('{"id": 3, "text": "M\u00fcller"}\n'),
    ]);
    const r = run([], input);
    expect(r.status).toBe(2);
    expect(
      r.stdout
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l).id),
    ).toEqual([1, 3]);
    expect(r.stderr).toBe(
      "redact: line 2: received bytes that are not valid UTF-8; expected UTF-8 text\nredact: 1 of 3 line(s) skipped because of bad input (see above)",
    );
    expect(r.stdout).not.toContain("\ufffd");
  });

  it("never quotes the input in an error message", () => {
    const secret = "Jane Doe 123-45-6789";
    const r = run(
      [],
      [`${secret} not json`, `["${secret}"]`, `"${secret}"`, `{"text": ["${secret}"]}`].join("\n"),
    );
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")).toHaveLength(5);
    for (const part of ["Jane", "Doe", "123", "6789", "[NAME]"]) {
      expect(r.stderr).not.toContain(part);
    }
  });

  it.each([
    [
      { resourceType: "Patient", name: [{ given: ["Jane", 7] }] },
      'field "name[0].given[1]" must be a string; received a number',
    ],
    [
      { resourceType: "Patient", name: { family: "Doe" } },
      'field "name" must be an array; received an object',
    ],
    [
      { resourceType: "Patient", telecom: [{ value: 5551234 }] },
      'field "telecom[0].value" must be a string; received a number',
    ],
    [
      { resourceType: "Patient", birthDate: "14/03/1950" },
      'field "birthDate" must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD); received a string of 10 character(s) that is not one',
    ],
    [
      { resourceType: "Patient", address: [{ city: ["Lyon"] }] },
      'field "address[0].city" must be a string; received an array of 1 item(s)',
    ],
    [
      { resourceType: "Observation" },
      'field "resourceType" must be "Patient"; received "Observation"',
    ],
    [["Doe"], "expected a FHIR R4 Patient object; received an array of 1 item(s)"],
  ])("refuses a malformed --patient file %j, naming the field", (patient, message) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redact-"));
    const file = path.join(dir, "patient.json");
    fs.writeFileSync(file, JSON.stringify(patient));
    const r = run(["--patient", file], "");
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`redact: --patient ${file}: ${message}`);
    expect(r.stderr).not.toMatch(/Jane|Doe|Lyon|5551234|14\/03/);
  });

  it("refuses a --patient file that is not JSON without quoting it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redact-"));
    const file = path.join(dir, "patient.json");
    fs.writeFileSync(file, "Jane Doe, born 1950");
    const r = run(["--patient", file], "");
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(
      `redact: --patient ${file}: cannot read it as JSON (19 characters that do not parse); expected a FHIR R4 Patient`,
    );
  });

  it("--help documents the contract", () => {
    const r = run(["--help"], "");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--format jsonl");
    expect(r.stdout).toContain("--patient FILE");
    expect(r.stdout).toContain("exit status is 2");
  });
});
