/**
 * Logging for every function: an @aws-lambda-powertools/logger Logger whose JSON replacer redacts PHI from
 * everything it prints (message, extra keys, errors with their stacks), and keyed pseudonyms for patient ids.
 */
import { createHmac } from "crypto";
import { Logger, LogItem } from "@aws-lambda-powertools/logger";
import type { ConstructorOptions, LogLevel } from "@aws-lambda-powertools/logger/types";
import { redactObject, redactText } from "./phi";

export const PSEUDONYM_KEY_ENV = "PHI_PSEUDONYM_KEY";

const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "CRITICAL", "SILENT"];
/** Attributes Powertools itself writes: service metadata, not patient data, so they are printed as they are. */
const POWERTOOLS_KEYS = new Set([
  "level",
  "timestamp",
  "service",
  "sampling_rate",
  "xray_trace_id",
  "cold_start",
  "function_arn",
  "function_memory_size",
  "function_name",
  "function_request_id",
  "correlation_id",
]);
const PATIENT_ID_KEYS = new Set(["patientid", "patient_id", "patient-id"]);

export interface SafeLoggerOptions {
  readonly serviceName: string;
  /**
   * HMAC key for patient ids logged under `patientId`/`patient_id`: they are printed as pseudonyms.
   * @default process.env.PHI_PSEUDONYM_KEY; without either, such ids are masked instead
   */
  readonly pseudonymKey?: string | Buffer;
  /**
   * @default "INFO" (or POWERTOOLS_LOG_LEVEL / AWS_LAMBDA_LOG_LEVEL when set, as Powertools decides)
   */
  readonly logLevel?: string;
  /**
   * Receives every printed line instead of stdout/stderr (tests, local tools).
   * @default Powertools' own console
   */
  readonly logFn?: (line: string) => void;
}

function resolveKey(key: string | Buffer | undefined): string | Buffer | undefined {
  const k = key ?? process.env[PSEUDONYM_KEY_ENV];
  return k !== undefined && k.length > 0 ? k : undefined;
}

/**
 * Keyed pseudonym of a patient id: `p_` + the first 32 hex characters of HMAC-SHA256(key, id). The same id and
 * key always give the same pseudonym (logs can be correlated); without the key it cannot be reversed or recomputed.
 */
export function pseudonymize(patientId: string, key?: string | Buffer): string {
  if (typeof patientId !== "string" || patientId.length === 0) {
    // The value itself is never echoed: it may be the very identifier this function exists to hide.
    throw new TypeError(
      `pseudonymize: [patientId] must be a non-empty string; received ${patientId === "" ? "an empty string" : typeof patientId}`,
    );
  }
  const k = resolveKey(key);
  if (k === undefined) {
    throw new Error(
      `pseudonymize: no HMAC key; received neither a [key] argument nor the ${PSEUDONYM_KEY_ENV} environment variable. ` +
        `Pass a key or set ${PSEUDONYM_KEY_ENV} (a secret of at least 32 random bytes) in the function's environment.`,
    );
  }
  return `p_${createHmac("sha256", k).update(patientId, "utf8").digest("hex").slice(0, 32)}`;
}

function redactAttributes(attributes: unknown, key: string | Buffer | undefined): unknown {
  if (attributes === null || typeof attributes !== "object" || Array.isArray(attributes)) {
    return redactObject(attributes);
  }
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (POWERTOOLS_KEYS.has(name)) {
      out[name] = value;
    } else if (name === "message") {
      out[name] = typeof value === "string" ? redactText(value).text : redactObject(value);
    } else if (
      PATIENT_ID_KEYS.has(name.toLowerCase()) &&
      typeof value === "string" &&
      value !== "" &&
      key
    ) {
      out[name] = pseudonymize(value, key);
    } else {
      out[name] = redactObject({ [name]: value })[name];
    }
  }
  return out;
}

/**
 * The replacer sees the whole log record first (key ""): redacting it there, in one deep copy, covers every
 * nested value, Error objects included, before Powertools formats errors and drops cycles on the copy.
 */
function phiReplacer(key: string | Buffer | undefined): (k: string, value: unknown) => unknown {
  return (k, value) => (k === "" ? redactAttributes(value, key) : value);
}

class SafeLogger extends Logger {
  private sink: ((line: string) => void) | undefined;

  public constructor(options: ConstructorOptions, sink?: (line: string) => void) {
    super(options);
    this.sink = sink;
  }

  protected override printLog(logLevel: number, log: LogItem): void {
    if (this.sink === undefined) {
      super.printLog(logLevel, log);
      return;
    }
    log.prepareForPrint();
    this.sink(JSON.stringify(log.getAttributes(), this.getJsonReplacer()));
  }

  protected override createLogger(options?: ConstructorOptions): Logger {
    return new SafeLogger(options ?? {}, this.sink);
  }
}

/** A Powertools Logger that cannot print PHI: see the module comment. */
export function createLogger(options: SafeLoggerOptions): Logger {
  if (typeof options?.serviceName !== "string" || options.serviceName.trim() === "") {
    throw new Error(
      `createLogger: [serviceName] must be a non-empty string; received ${JSON.stringify(options?.serviceName) ?? "undefined"}`,
    );
  }
  const level = options.logLevel?.toUpperCase();
  if (level !== undefined && !LOG_LEVELS.includes(level)) {
    throw new Error(
      `createLogger: [logLevel] ${JSON.stringify(options.logLevel)} is not a log level; expected one of ${LOG_LEVELS.join(", ")}`,
    );
  }
  return new SafeLogger(
    {
      serviceName: options.serviceName,
      logLevel: level as LogLevel | undefined,
      jsonReplacerFn: phiReplacer(resolveKey(options.pseudonymKey)),
    },
    options.logFn,
  );
}
