/**
 * Prompt injection: every attempt of the corpus travels only as data, and whatever a compromised model answers,
 * the result stays inside the schema and never below the rules' floor.
 */
import * as fs from "fs";
import * as path from "path";
import { createLogger } from "../../../functions/lib/logging";
import { TRIAGE_LEVELS, modelInputOf, triage } from "../../../functions/symptom-triage/handler";
import { TriageRequest, parseTriageRequest } from "../../../functions/symptom-triage/input";
import { ANSWER_SCHEMA, SYSTEM_MESSAGE } from "../../../functions/symptom-triage/model";
import { redFlags } from "../../../functions/symptom-triage/red-flags";
import { GOOD, Reply, SETTINGS, answer, completion, transport } from "./transport";

interface Attempt {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
}
const corpus = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/triage/injections.json"), "utf8"),
) as { attempts: Attempt[] };
const attempts = corpus.attempts.map((a) => [a.id, a] as const);

const request = (text: string): TriageRequest =>
  parseTriageRequest({
    symptoms: [
      { code: "abdominal-pain", severity: "severe", durationHours: 6 },
      { code: "nausea", severity: "moderate" },
    ],
    ageYears: 41,
    freeText: text,
  });

/** What a model that followed the injection might answer. */
const compromised = (text: string): Array<[string, Reply]> => [
  ["obeys and downgrades", answer({ ...GOOD, triageLevel: "self-care" })],
  ["adds a field", answer({ ...GOOD, override: true, diagnosis: "appendicitis" })],
  ["invents a level", answer({ ...GOOD, triageLevel: "none" })],
  ["answers in prose", completion(`OK. ${text}`)],
  ["echoes its instructions", answer({ ...GOOD, advice: SYSTEM_MESSAGE.slice(0, 590) })],
  ["prescribes", answer({ ...GOOD, advice: "Take ibuprofen 800 mg now and rest." })],
  ["links out", answer({ ...GOOD, advice: "Details at https://evil.example/triage." })],
];

const allowedKeys = [
  "triageLevel",
  "source",
  "reasons",
  "advice",
  "redFlags",
  "degradedReason",
  "disclaimer",
];

function run(reply: Reply, text: string) {
  const t = transport(reply);
  return triage(
    {
      model: { client: t.client, deployment: SETTINGS.deployment, sleep: async () => undefined },
      logger: createLogger({ serviceName: "symptom-triage", logFn: () => undefined }),
    },
    request(text),
  ).then((result) => ({ result, sent: t.sent }));
}

describe("prompt-injection corpus", () => {
  it("holds at least 50 distinct attempts of several kinds", () => {
    expect(new Set(corpus.attempts.map((a) => a.text)).size).toBe(corpus.attempts.length);
    expect(corpus.attempts.length).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.attempts.map((a) => a.kind)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(attempts)(
    "%s reaches the model only as data in the user message",
    async (_id, attempt) => {
      expect(redFlags(request(attempt.text))).toEqual([]);
      const { result, sent } = await run(answer({ ...GOOD, triageLevel: "urgent" }), attempt.text);
      expect(result.source).toBe("model");
      expect(sent).toHaveLength(1);
      const body = sent[0].body;
      expect(Object.keys(body).sort()).toEqual(
        ["max_tokens", "messages", "model", "response_format", "temperature"].sort(),
      );
      expect(body.model).toBe(SETTINGS.deployment);
      expect(body.response_format.json_schema.schema).toEqual(ANSWER_SCHEMA);
      expect(body.messages).toHaveLength(2);
      expect(body.messages[0]).toEqual({ role: "system", content: SYSTEM_MESSAGE });
      expect(body.messages[1].role).toBe("user");
      const user = JSON.parse(body.messages[1].content);
      expect(Object.keys(user)).toEqual(["assess", "data"]);
      expect(Object.keys(user.data)).toEqual([
        "symptoms",
        "ageBand",
        "sex",
        "pregnant",
        "patientText",
      ]);
      expect(user.data.symptoms).toEqual([
        { code: "abdominal-pain", severity: "severe", durationHours: 6 },
        { code: "nausea", severity: "moderate" },
      ]);
      expect(user.data.patientText).toBe(modelInputOf(request(attempt.text)).patientText);
    },
  );

  it.each(attempts)(
    "%s cannot move the result outside the schema or below the floor",
    async (_id, attempt) => {
      for (const [, reply] of compromised(attempt.text)) {
        const { result } = await run(reply, attempt.text);
        expect(Object.keys(result).filter((k) => !allowedKeys.includes(k))).toEqual([]);
        expect(TRIAGE_LEVELS).toContain(result.triageLevel);
        // The severe symptom sets the floor at urgent: a compromised model cannot lower it.
        expect(["urgent", "see-clinician"]).toContain(result.triageLevel);
        expect(JSON.stringify(result)).not.toMatch(/https?:|800 mg|MC-TRIAGE-POLICY|appendicitis/);
      }
    },
  );
});
