import { createLogger, pseudonymize } from "../../functions/lib/logging";

const PLANTED = [
  "Gretchen Albrecht",
  "Albrecht",
  "123-45-6789",
  "(555) 123-4567",
  "gretchen@example.org",
  "03/14/1950",
  "1428 Maple Avenue",
  "MRN-778812",
  "98765432",
  "10.20.30.40",
];

function capture(options: { pseudonymKey?: string } = {}) {
  const lines: string[] = [];
  const logger = createLogger({
    serviceName: "canary",
    logLevel: "DEBUG",
    logFn: (l) => lines.push(l),
    ...options,
  });
  return { lines, logger };
}

describe("createLogger", () => {
  it("prints no planted identifier in messages, extra keys, nested values or errors", () => {
    const { lines, logger } = capture();
    logger.info("Patient Gretchen Albrecht (DOB 03/14/1950) called from (555) 123-4567", {
      email: "gretchen@example.org",
      details: {
        ssn: "123-45-6789",
        note: "lives at 1428 Maple Avenue, Salem, MA",
        list: ["MRN: MRN-778812"],
      },
      client: { ip: "10.20.30.40" },
    });
    logger.warn({ message: "retrying for Mrs. Albrecht", account: "98765432" });
    const err = new Error("lookup failed for Gretchen Albrecht, SSN 123-45-6789");
    (err as Error & { cause?: unknown }).cause = new Error("upstream said MRN: MRN-778812");
    logger.error("failed", err);
    logger.debug("raw", {
      payload: JSON.stringify({ name: "Gretchen Albrecht", phone: "(555) 123-4567" }),
    });
    logger
      .createChild({ serviceName: "child" })
      .info("child for gretchen@example.org from 10.20.30.40");
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      JSON.parse(line);
      for (const secret of PLANTED) {
        expect({ line, leaked: line.includes(secret) }).toEqual({ line, leaked: false });
      }
    }
    const first = JSON.parse(lines[0]);
    expect(first.message).toBe("Patient [NAME] (DOB [DATE]) called from [PHONE]");
    expect(first.email).toBe("[EMAIL]");
    expect(first.details.ssn).toBe("[SSN]");
    expect(first.service).toBe("canary");
    expect(first.level).toBe("INFO");
    expect(first.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const error = JSON.parse(lines[2]).error;
    expect(error.message).toBe("lookup failed for [NAME], SSN [SSN]");
    expect(error.stack).toContain("lookup failed for [NAME], SSN [SSN]");
  });

  it("replaces patient ids with keyed pseudonyms when a key is configured", () => {
    const { lines, logger } = capture({ pseudonymKey: "test-key" });
    logger.info("reading processed", { patientId: "patient-42" });
    expect(JSON.parse(lines[0]).patientId).toBe(pseudonymize("patient-42", "test-key"));
  });

  it("masks patient ids when no key is configured", () => {
    const saved = process.env.PHI_PSEUDONYM_KEY;
    delete process.env.PHI_PSEUDONYM_KEY;
    try {
      const { lines, logger } = capture();
      logger.info("reading processed", { patientId: "patient-42" });
      expect(JSON.parse(lines[0]).patientId).toBe("[MRN]");
    } finally {
      if (saved !== undefined) {
        process.env.PHI_PSEUDONYM_KEY = saved;
      }
    }
  });

  it.each([
    [{ serviceName: "" }, 'createLogger: [serviceName] must be a non-empty string; received ""'],
    [
      { serviceName: "x", logLevel: "LOUD" },
      'createLogger: [logLevel] "LOUD" is not a log level; expected one of',
    ],
  ])("rejects bad options %j", (options, message) => {
    expect(() => createLogger(options)).toThrow(message);
  });
});

describe("pseudonymize", () => {
  it("is deterministic, prefixed and 32 hex characters", () => {
    const a = pseudonymize("patient-42", "k1");
    expect(a).toMatch(/^p_[0-9a-f]{32}$/);
    expect(pseudonymize("patient-42", "k1")).toBe(a);
    expect(pseudonymize("patient-42", Buffer.from("k1"))).toBe(a);
  });

  it("depends on the key and on the id", () => {
    expect(pseudonymize("patient-42", "k1")).not.toBe(pseudonymize("patient-42", "k2"));
    expect(pseudonymize("patient-42", "k1")).not.toBe(pseudonymize("patient-43", "k1"));
  });

  it("reads the key from PHI_PSEUDONYM_KEY, and names it when missing", () => {
    const saved = process.env.PHI_PSEUDONYM_KEY;
    try {
      process.env.PHI_PSEUDONYM_KEY = "env-key";
      expect(pseudonymize("patient-42")).toBe(pseudonymize("patient-42", "env-key"));
      delete process.env.PHI_PSEUDONYM_KEY;
      expect(() => pseudonymize("patient-42")).toThrow(/PHI_PSEUDONYM_KEY/);
    } finally {
      if (saved === undefined) {
        delete process.env.PHI_PSEUDONYM_KEY;
      } else {
        process.env.PHI_PSEUDONYM_KEY = saved;
      }
    }
  });

  it("rejects a non-string id without echoing it", () => {
    expect(() => pseudonymize(42 as unknown as string, "k")).toThrow("received number");
    expect(() => pseudonymize("", "k")).toThrow("received an empty string");
  });
});
