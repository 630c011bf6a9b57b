import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "../../..");
const CLI = "functions/lib/phi/cli.ts";

function run(
  args: string[],
  input: string,
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

  it("bad lines: reported with line number, redacted value and expectation; skipped; exit 2", () => {
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
    expect(lines[0]).toMatch(
      /^redact: line 2: not JSON \(.*\); received "not json from Dr\. \[NAME\]"; expected a JSON object/,
    );
    expect(lines[1]).toBe(
      'redact: line 3: received no "text" key; expected a JSON object {"id": ..., "text": "<string>"}',
    );
    expect(lines[2]).toBe(
      'redact: line 4: received "text" as number "42"; expected a JSON object {"id": ..., "text": "<string>"}',
    );
    expect(lines[3]).toBe("redact: 3 of 5 line(s) skipped because of bad input (see above)");
    expect(r.stderr).not.toContain("Jane");
  });

  it.each([
    [["--format", "xml"], 'redact: --format expects "jsonl" or "text"; received "xml"'],
    [
      ["--patient", "does/not/exist.json"],
      "redact: --patient does/not/exist.json: cannot read it as JSON",
    ],
    [["--verbose"], 'redact: unknown argument "--verbose"; expected --format, --patient or --help'],
  ])("bad arguments %j exit 2", (args, message) => {
    const r = run(args, "");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("--help documents the contract", () => {
    const r = run(["--help"], "");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--format jsonl");
    expect(r.stdout).toContain("--patient FILE");
    expect(r.stdout).toContain("exit status is 2");
  });
});
