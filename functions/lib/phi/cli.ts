/**
 * `npm run --silent redact -- [--format jsonl|text] [--patient FILE]`: masks PHI in stdin, line by line.
 * See USAGE for the contract; the whole input is never held in memory.
 */
import * as fs from "fs";
import * as readline from "readline";
import { redactText } from "./redact";
import { Patient } from "./types";

const USAGE = `Usage: npm run --silent redact -- [--format jsonl|text] [--patient FILE]

Masks the HIPAA Safe Harbor identifiers in stdin and writes the result to stdout, one line at a time.

  --format jsonl   (default) each input line is a JSON object {"id": <any>, "text": "<string>"}; each output
                   line is {"id": <same>, "redacted": "<masked text>", "findings": [{"type","start","end"}]},
                   offsets in UTF-16 code units into the ORIGINAL text. Blank lines are ignored.
  --format text    each input line is plain text; each output line is that line with PHI masked.
  --patient FILE   a FHIR R4 Patient (JSON): the patient's own names, identifiers, birth date, phone numbers,
                   e-mail addresses and address parts are also masked wherever they occur.
  --help           this text.

Masks look like [NAME], [DATE], [SSN], [PHONE], [LOCATION], ...; redacting an output again changes nothing.

Bad input (jsonl): a line that is not JSON, not an object, or has no string "text" is reported on stderr with
its line number, what was received (itself redacted, shortened) and what is expected. The line is skipped:
nothing is written for it, every other line is still processed and complete, and the exit status is 2.
Exit status: 0 all lines redacted; 2 bad arguments, unreadable --patient file, or at least one bad line.`;

interface Args {
  readonly format: "jsonl" | "text";
  readonly patient?: Patient;
}

class UsageError extends Error {}

function parseArgs(argv: ReadonlyArray<string>): Args | "help" {
  let format: "jsonl" | "text" = "jsonl";
  let patientFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      return "help";
    } else if (arg === "--format") {
      const value = argv[++i];
      if (value !== "jsonl" && value !== "text") {
        throw new UsageError(
          `--format expects "jsonl" or "text"; received ${JSON.stringify(value ?? null)}`,
        );
      }
      format = value;
    } else if (arg === "--patient") {
      patientFile = argv[++i];
      if (patientFile === undefined) {
        throw new UsageError("--patient expects a FHIR Patient JSON file path; received nothing");
      }
    } else {
      throw new UsageError(
        `unknown argument ${JSON.stringify(arg)}; expected --format, --patient or --help`,
      );
    }
  }
  return { format, patient: patientFile === undefined ? undefined : readPatient(patientFile) };
}

function readPatient(file: string): Patient {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    const reason = redactText((err as Error).message).text;
    throw new UsageError(
      `--patient ${file}: cannot read it as JSON (${reason}); expected a FHIR R4 Patient`,
    );
  }
  const type = (parsed as { resourceType?: unknown } | null)?.resourceType;
  if (type !== "Patient") {
    throw new UsageError(
      `--patient ${file}: expected a FHIR R4 resource with "resourceType": "Patient"; received resourceType ${JSON.stringify(type ?? null)}`,
    );
  }
  return parsed as Patient;
}

/** What the user sent, without re-leaking it: redacted and cut to a readable length. */
function shown(value: string): string {
  const masked = redactText(value).text;
  return JSON.stringify(masked.length > 80 ? `${masked.slice(0, 80)}...` : masked);
}

function describe(value: unknown): string {
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    return "an array";
  }
  return typeof value === "string"
    ? `the string ${shown(value)}`
    : `${typeof value} ${shown(JSON.stringify(value))}`;
}

/** One output line for a jsonl input line, or an error message; never both. */
function jsonlLine(
  line: string,
  lineNo: number,
  patient: Patient | undefined,
): { out?: string; error?: string } {
  const expected = `expected a JSON object {"id": ..., "text": "<string>"}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    // JSON.parse quotes the line in its message: it goes through redaction like the rest of what is echoed.
    const reason = redactText((err as Error).message).text;
    return { error: `line ${lineNo}: not JSON (${reason}); received ${shown(line)}; ${expected}` };
  }
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    return { error: `line ${lineNo}: received ${describe(record)}; ${expected}` };
  }
  const { id, text } = record as { id?: unknown; text?: unknown };
  if (typeof text !== "string") {
    const got = text === undefined ? 'no "text" key' : `"text" as ${describe(text)}`;
    return { error: `line ${lineNo}: received ${got}; ${expected}` };
  }
  const r = redactText(text, { patient });
  return { out: JSON.stringify({ id: id ?? null, redacted: r.text, findings: r.findings }) };
}

async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) {
    await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
  }
}

async function main(argv: ReadonlyArray<string>): Promise<number> {
  let args: Args | "help";
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`redact: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const line of rl) {
    lineNo++;
    if (args.format === "text") {
      await write(`${redactText(line, { patient: args.patient }).text}\n`);
      continue;
    }
    if (line.trim() === "") {
      continue;
    }
    const { out, error } = jsonlLine(line, lineNo, args.patient);
    if (error !== undefined) {
      bad++;
      process.stderr.write(`redact: ${error}\n`);
    } else {
      await write(`${out}\n`);
    }
  }
  if (bad > 0) {
    process.stderr.write(
      `redact: ${bad} of ${lineNo} line(s) skipped because of bad input (see above)\n`,
    );
    return 2;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`redact: internal error: ${redactText(String(err)).text}\n`);
    process.exitCode = 1;
  },
);
