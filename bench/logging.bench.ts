/**
 * Safe logging: what the PHI redaction wired into every function's logger costs per log line, for the lines the
 * handlers actually write (their messages and attributes, an error with its stack, a free-text message carrying
 * identifiers), next to the same Powertools Logger printing the same lines without redaction.
 */
import { Logger, LogItem } from "@aws-lambda-powertools/logger";
import { createLogger } from "../functions/lib/logging";
import { BenchResult, cpuMs } from "./lib";

const ROUNDS = 500;
const RUNS = 15;

/** Powertools as it is, printing through the same kind of sink as the safe logger's `logFn`. */
class PlainLogger extends Logger {
  public constructor(private readonly sink: (line: string) => void) {
    super({ serviceName: "bench" });
  }

  protected override printLog(_level: number, log: LogItem): void {
    log.prepareForPrint();
    this.sink(JSON.stringify(log.getAttributes()));
  }
}

/** Each line as a handler writes it (functions/vitals-anomaly/batch.ts, functions/video-meeting/meeting.ts). */
type Line = (logger: Logger, i: number) => void;

const LINES: ReadonlyArray<readonly [string, Line]> = [
  [
    "vitals batch done",
    (l, i) =>
      l.info("vitals batch done", {
        summary: {
          records: 100 + (i % 7),
          readings: 100,
          patients: 37,
          alerts: i % 3,
          deadLettered: 0,
          replaysSkipped: 0,
          staleSkipped: 0,
          failed: 0,
        },
      }),
  ],
  [
    "vitals state store failed",
    (l) =>
      l.error("vitals: saving state failed; the affected records are reported for retry", {
        errorName: "ProvisionedThroughputExceededException",
      }),
  ],
  [
    "meeting joined",
    (l, i) =>
      l.info("meeting joined", {
        status: i % 2 === 0 ? 201 : 200,
        role: "clinician",
        created: i % 2 === 0,
        mediaRegion: "eu-central-1",
        appointmentRef: "a_3f9c2e71d04b8a65c1e7f0d29b4a6c13",
        callerRef: "u_9b1d7e34c2a05f68e3d1b7a94c0f2e58",
      }),
  ],
  [
    "meeting refused",
    (l) => l.warn("meeting request refused", { status: 403, problem: "not-a-participant" }),
  ],
  [
    "error with stack",
    (l) =>
      l.error("meeting request failed", {
        error: new Error("CreateMeetingWithAttendees timed out after 3000 ms"),
      }),
  ],
  [
    "free text with PHI",
    (l, i) =>
      l.warn(
        `reading rejected for patient Maria Gonzalez, MRN 48213${i % 10}77, DOB 03/14/1962, call 617-555-0142`,
        { patientId: "Patient/example", reason: "unit mm[Hg] is not a heart rate unit" },
      ),
  ],
];

function perLine(make: (sink: (line: string) => void) => Logger, line: Line) {
  let bytes = 0;
  const logger = make((text) => {
    bytes += Buffer.byteLength(text, "utf8") + 1;
  });
  const cpu = cpuMs(() => {
    for (let i = 0; i < ROUNDS; i++) {
      line(logger, i);
    }
  }, RUNS);
  const printed = bytes / (RUNS * ROUNDS);
  return { us: (cpu.median * 1000) / ROUNDS, printed };
}

export async function run(): Promise<BenchResult> {
  const safe = (sink: (line: string) => void) =>
    createLogger({ serviceName: "bench", pseudonymKey: "bench-key-".repeat(4), logFn: sink });
  const plain = (sink: (line: string) => void) => new PlainLogger(sink);
  // Warm both paths up so the first rows do not pay for compilation.
  for (const [, line] of LINES) {
    perLine(safe, line);
    perLine(plain, line);
  }
  let safeTotal = 0;
  let plainTotal = 0;
  let bytesTotal = 0;
  const rows = LINES.map(([label, line]) => {
    const s = perLine(safe, line);
    const p = perLine(plain, line);
    safeTotal += s.us;
    plainTotal += p.us;
    bytesTotal += s.printed;
    return {
      line: label,
      "bytes printed": Math.round(s.printed),
      "safe us/line": s.us.toFixed(1),
      "Powertools alone us/line": p.us.toFixed(1),
      "redaction us/line": (s.us - p.us).toFixed(1),
    };
  });
  const safeMean = safeTotal / LINES.length;
  const plainMean = plainTotal / LINES.length;
  return {
    title: `Safe logging: the handlers' log lines through createLogger, ${ROUNDS} of each per run, median of ${RUNS} runs (CPU time)`,
    rows,
    notes: [
      `mean over these lines: ${safeMean.toFixed(1)} us per line with redaction (${Math.round(1e6 / safeMean).toLocaleString("en-US")} lines per CPU-second), ${plainMean.toFixed(1)} us without; redaction adds ${(safeMean - plainMean).toFixed(1)} us per line, ${(((bytesTotal / LINES.length / safeMean) * 1e6) / 1e6).toFixed(1)} MB of printed log per CPU-second`,
      "the free-text MB/s of the redaction section is the worst case: every note there is dense prose with an identifier every 49 characters; most log lines are short structured records",
    ],
  };
}
