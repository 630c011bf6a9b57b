/**
 * `npm run --silent redact -- [--format jsonl|text] [--patient FILE]`: masks PHI in stdin, line by line.
 * See USAGE for the contract; the whole input is never held in memory.
 */
import * as fs from "fs";
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

Lines end at "\\n" or "\\r\\n" only: a carriage return anywhere else is part of the line. Input must be UTF-8.
Masks look like [NAME], [DATE], [SSN], [PHONE], [LOCATION], ...; redacting an output again changes nothing.

Bad input: a line that is not valid UTF-8, or (jsonl) not JSON, not an object, or without a string "text", is
reported on stderr with its line number, what kind of value was received and what is expected; no error message
quotes the input. The line is skipped: nothing is written for it, every other line is still processed and
complete, and the exit status is 2. A --patient file that is not a FHIR R4 Patient is refused before any input
is read, naming the first field that is wrong.
Exit status: 0 all lines redacted; 2 bad arguments, unreadable or malformed --patient file, or at least one bad
line.`;

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
  let content: string;
  try {
    content = fs.readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "unknown error";
    throw new UsageError(
      `--patient ${file}: cannot read it (${code}); expected a readable FHIR R4 Patient JSON file`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    // JSON.parse's message quotes the file's content, which is patient data: only its length is told.
    throw new UsageError(
      `--patient ${file}: cannot read it as JSON (${content.length} characters that do not parse); expected a FHIR R4 Patient`,
    );
  }
  const problem = patientProblem(parsed);
  if (problem !== undefined) {
    throw new UsageError(`--patient ${file}: ${problem}`);
  }
  return parsed as Patient;
}

/** What kind of JSON value `v` is, without its content. */
function kindOf(v: unknown): string {
  if (v === null) {
    return "null";
  }
  if (Array.isArray(v)) {
    return `an array of ${v.length} item(s)`;
  }
  if (typeof v === "string") {
    return `a string of ${v.length} character(s)`;
  }
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

type Check = (v: unknown, at: string) => string | undefined;

const isString: Check = (v, at) =>
  typeof v === "string" ? undefined : `field "${at}" must be a string; received ${kindOf(v)}`;

function arrayOf(item: Check): Check {
  return (v, at) => {
    if (!Array.isArray(v)) {
      return `field "${at}" must be an array; received ${kindOf(v)}`;
    }
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i], `${at}[${i}]`);
      if (p !== undefined) {
        return p;
      }
    }
    return undefined;
  };
}

function objectOf(fields: Record<string, Check>): Check {
  return (v, at) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      return `field "${at}" must be an object; received ${kindOf(v)}`;
    }
    for (const [key, check] of Object.entries(fields)) {
      const value = (v as Record<string, unknown>)[key];
      if (value !== undefined) {
        const p = check(value, at === "" ? key : `${at}.${key}`);
        if (p !== undefined) {
          return p;
        }
      }
    }
    return undefined;
  };
}

const BIRTH_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const HUMAN_NAME = objectOf({ text: isString, family: isString, given: arrayOf(isString) });
const CONTACT_POINT = objectOf({ system: isString, value: isString });
const ADDRESS = objectOf({
  text: isString,
  line: arrayOf(isString),
  city: isString,
  district: isString,
  postalCode: isString,
});
const PATIENT = objectOf({
  id: isString,
  identifier: arrayOf(objectOf({ system: isString, value: isString })),
  name: arrayOf(HUMAN_NAME),
  telecom: arrayOf(CONTACT_POINT),
  birthDate: (v, at) =>
    isString(v, at) ??
    (BIRTH_DATE.test(v as string)
      ? undefined
      : `field "${at}" must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD); received ${kindOf(v)} that is not one`),
  address: arrayOf(ADDRESS),
  contact: arrayOf(
    objectOf({ name: HUMAN_NAME, telecom: arrayOf(CONTACT_POINT), address: ADDRESS }),
  ),
});

/** The first field of a parsed --patient file that a FHIR R4 Patient cannot hold there, or undefined. */
export function patientProblem(parsed: unknown): string | undefined {
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return `expected a FHIR R4 Patient object; received ${kindOf(parsed)}`;
  }
  const type = (parsed as { resourceType?: unknown }).resourceType;
  if (type !== "Patient") {
    return `field "resourceType" must be "Patient"; received ${typeof type === "string" ? JSON.stringify(type) : kindOf(type)}`;
  }
  return PATIENT(parsed, "");
}

function describe(value: unknown): string {
  return kindOf(value);
}

/** One output line for a jsonl input line, or an error message; never both. No message quotes the line. */
function jsonlLine(
  line: string,
  lineNo: number,
  patient: Patient | undefined,
): { out?: string; error?: string } {
  const expected = `expected a JSON object {"id": ..., "text": "<string>"}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    // JSON.parse's message quotes the start of the line, which can be PHI: only the line's length is told.
    return {
      error: `line ${lineNo}: received ${line.length} character(s) that are not JSON; ${expected}`,
    };
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

/**
 * The lines of a byte stream: split at "\\n" only, a "\\r" right before it dropped, a last line without "\\n"
 * kept. Each line is decoded on its own, strictly: invalid UTF-8 yields `undefined` for that line.
 */
export async function* lines(
  input: AsyncIterable<Buffer | string>,
): AsyncGenerator<string | undefined> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const decode = (bytes: Buffer): string | undefined => {
    const end =
      bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    try {
      return decoder.decode(bytes.subarray(0, end));
    } catch {
      return undefined;
    }
  };
  let pending: Buffer[] = [];
  for await (const chunk of input) {
    let bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    let nl = bytes.indexOf(0x0a);
    while (nl >= 0) {
      pending.push(bytes.subarray(0, nl));
      yield decode(Buffer.concat(pending));
      pending = [];
      bytes = bytes.subarray(nl + 1);
      nl = bytes.indexOf(0x0a);
    }
    if (bytes.length > 0) {
      pending.push(bytes);
    }
  }
  if (pending.length > 0) {
    yield decode(Buffer.concat(pending));
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
  let lineNo = 0;
  let bad = 0;
  for await (const line of lines(process.stdin)) {
    lineNo++;
    if (line === undefined) {
      bad++;
      process.stderr.write(
        `redact: line ${lineNo}: received bytes that are not valid UTF-8; expected UTF-8 text\n`,
      );
      continue;
    }
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

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // The error's kind only: its message could quote the input.
      const name = err instanceof Error ? err.name : typeof err;
      process.stderr.write(`redact: internal error (${name})\n`);
      process.exitCode = 1;
    },
  );
}
