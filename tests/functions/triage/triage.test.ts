import { createLogger } from "../../../functions/lib/logging";
import { ProblemError } from "../../../functions/lib/http/service";
import { createTriageRoute, triage, TriageDeps } from "../../../functions/symptom-triage/handler";
import { parseTriageRequest, TriageRequest } from "../../../functions/symptom-triage/input";
import { readSettings } from "../../../functions/symptom-triage/main";
import {
  ANSWER_SCHEMA,
  SYSTEM_MESSAGE,
  checkAnswer,
} from "../../../functions/symptom-triage/model";
import {
  GOOD,
  Reply,
  SETTINGS,
  answer,
  completion,
  fakeTime,
  hang,
  json,
  malformedBody,
  transport,
} from "./transport";

const HEADACHE: TriageRequest = {
  symptoms: [
    { code: "headache", severity: "moderate", durationHours: 48 },
    { code: "nausea", severity: "mild" },
  ],
  ageYears: 34,
  sex: "female",
};

function setup(replies: Reply[], retry = {}) {
  const t = transport(...replies);
  const time = fakeTime();
  const lines: string[] = [];
  const deps: TriageDeps = {
    model: {
      client: t.client,
      deployment: SETTINGS.deployment,
      sleep: time.sleep,
      now: time.now,
      random: () => 0.5,
      retry,
    },
    logger: createLogger({ serviceName: "symptom-triage", logFn: (l) => lines.push(l) }),
  };
  return { ...t, time, deps, lines };
}

describe("the model request", () => {
  it("goes to the deployment with an Entra ID bearer token, the constant system message and the strict schema", async () => {
    const { sent, deps } = setup([answer(GOOD)]);
    const result = await triage(deps, HEADACHE);
    expect(result).toEqual({
      triageLevel: "soon",
      source: "model",
      reasons: GOOD.reasons,
      advice: GOOD.advice,
      disclaimer: expect.stringContaining("not a diagnosis"),
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe(
      "https://mc-test-openai.openai.azure.com/openai/deployments/triage-gpt4o/chat/completions?api-version=2024-10-21",
    );
    expect(sent[0].method).toBe("POST");
    expect(sent[0].headers["authorization"]).toBe("Bearer test-entra-token");
    expect(sent[0].headers["api-key"]).toBeUndefined();
    expect(sent[0].body).toEqual({
      model: "triage-gpt4o",
      temperature: 0,
      max_tokens: 700,
      response_format: {
        type: "json_schema",
        json_schema: { name: "triage_answer", strict: true, schema: ANSWER_SCHEMA },
      },
      messages: [
        { role: "system", content: SYSTEM_MESSAGE },
        {
          role: "user",
          content: JSON.stringify({
            assess: "triage",
            data: {
              symptoms: [
                { code: "headache", severity: "moderate", durationHours: 48 },
                { code: "nausea", severity: "mild" },
              ],
              ageBand: "18-39",
              sex: "female",
              pregnant: "unknown",
              patientText: "",
            },
          }),
        },
      ],
    });
  });

  it("redacts the free text before it leaves: names, phone, SSN, e-mail and dates never reach the model", async () => {
    const { sent, deps } = setup([answer(GOOD)]);
    await triage(deps, {
      ...HEADACHE,
      freeText:
        "I am Johnathan Quixote-Smithers, SSN 123-45-6789, call +1 (617) 555-0199 or j.quixote@example.com. Headache since 03/14/2026.",
    });
    const body = JSON.stringify(sent[0].body);
    for (const planted of [
      "Quixote",
      "123-45-6789",
      "555-0199",
      "j.quixote@example.com",
      "03/14/2026",
    ]) {
      expect(body).not.toContain(planted);
    }
    const data = JSON.parse(sent[0].body.messages[1].content).data;
    expect(data.patientText).toContain("Headache since");
  });

  it("never sends the exact age: ages over 89 are one band", async () => {
    const { sent, deps } = setup([answer(GOOD)]);
    await triage(deps, { ...HEADACHE, ageYears: 97 });
    expect(JSON.parse(sent[0].body.messages[1].content).data.ageBand).toBe("90 or over");
    expect(sent[0].body.messages[1].content).not.toContain("97");
  });
});

describe("red flags short-circuit to emergency without calling the model", () => {
  it.each<[string, TriageRequest, string]>([
    [
      "chest pain with dyspnoea",
      {
        symptoms: [
          { code: "chest-pain", severity: "moderate" },
          { code: "dyspnoea", severity: "mild" },
        ],
      },
      "chest-pain-with-dyspnoea",
    ],
    ["stroke signs", { symptoms: [{ code: "facial-droop", severity: "mild" }] }, "stroke-signs"],
    [
      "suicidal intent",
      { symptoms: [{ code: "suicidal-thoughts", severity: "moderate" }] },
      "suicidal-intent",
    ],
    ["anaphylaxis", { symptoms: [{ code: "throat-swelling", severity: "mild" }] }, "anaphylaxis"],
    [
      "hives with wheeze",
      {
        symptoms: [
          { code: "hives", severity: "mild" },
          { code: "wheeze", severity: "mild" },
        ],
      },
      "anaphylaxis-hives-breathing",
    ],
    [
      "severe bleeding",
      { symptoms: [{ code: "severe-bleeding", severity: "severe" }] },
      "severe-bleeding",
    ],
    [
      "seizure",
      { symptoms: [{ code: "seizure", severity: "moderate" }] },
      "unresponsive-or-seizure",
    ],
    [
      "severe dyspnoea",
      { symptoms: [{ code: "dyspnoea", severity: "severe" }] },
      "breathing-severe",
    ],
    [
      "fever with stiff neck",
      {
        symptoms: [
          { code: "fever", severity: "moderate" },
          { code: "stiff-neck", severity: "mild" },
        ],
      },
      "meningitis-signs",
    ],
    [
      "chest pain and breathlessness in free text",
      {
        symptoms: [{ code: "fatigue", severity: "mild" }],
        freeText: "Chest tightness and I am short of breath",
      },
      "chest-pain-with-dyspnoea",
    ],
    [
      "suicidal intent in free text",
      {
        symptoms: [{ code: "headache", severity: "mild" }],
        freeText: "honestly I want to end my life",
      },
      "suicidal-intent",
    ],
    [
      "slurred speech in free text",
      {
        symptoms: [{ code: "dizziness", severity: "mild" }],
        freeText: "my husband noticed slurred speech",
      },
      "stroke-signs",
    ],
    [
      "throat closing in free text",
      {
        symptoms: [{ code: "rash", severity: "mild" }],
        freeText: "after peanuts my throat is closing",
      },
      "anaphylaxis",
    ],
  ])("%s", async (_label, request, code) => {
    const { sent, deps } = setup([answer(GOOD)]);
    const result = await triage(deps, parseTriageRequest(request));
    expect(sent).toHaveLength(0);
    expect(result.triageLevel).toBe("emergency");
    expect(result.source).toBe("red-flag");
    expect(result.redFlags).toContain(code);
  });

  it("does not flag ordinary symptoms", async () => {
    const { sent, deps } = setup([answer(GOOD)]);
    const result = await triage(deps, {
      symptoms: [
        { code: "chest-pain", severity: "mild" },
        { code: "cough", severity: "mild" },
      ],
      freeText: "a little sore when I cough, breathing is fine",
    });
    expect([result.source, sent.length]).toEqual(["model", 1]);
  });
});

describe("input validation", () => {
  it.each<[string, unknown, string]>([
    ["no symptoms", { symptoms: [] }, "symptoms: expected at least 1 entries"],
    ["missing symptoms", {}, '(body): expected the property "symptoms"'],
    [
      "unknown code",
      { symptoms: [{ code: "Johnathan Smith", severity: "mild" }] },
      "symptoms.0.code: expected one of abdominal-pain",
    ],
    [
      "bad severity",
      { symptoms: [{ code: "cough", severity: "123-45-6789" }] },
      "symptoms.0.severity: expected one of mild, moderate, severe",
    ],
    [
      "extra property",
      { symptoms: [{ code: "cough", severity: "mild" }], mrn: "MRN-1" },
      "(body): expected only the properties symptoms, ageYears, sex, pregnant, freeText",
    ],
    [
      "age",
      { symptoms: [{ code: "cough", severity: "mild" }], ageYears: 300 },
      "ageYears: expected a number <= 130",
    ],
    [
      "long text",
      { symptoms: [{ code: "cough", severity: "mild" }], freeText: "x".repeat(2001) },
      "freeText: expected at most 2000 characters",
    ],
    [
      "duplicate",
      {
        symptoms: [
          { code: "cough", severity: "mild" },
          { code: "cough", severity: "severe" },
        ],
      },
      "symptoms: each symptom code may appear once",
    ],
    ["not an object", [1, 2], "(body): expected a value of type object"],
  ])("rejects %s with a 400 naming the field, never the value", async (_label, body, detail) => {
    const { deps, sent } = setup([answer(GOOD)]);
    const route = createTriageRoute(deps);
    const error = await route(body, { requestId: "r", signal: new AbortController().signal }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(400);
    expect((error as ProblemError).detail).toContain(detail);
    for (const value of ["Johnathan", "123-45-6789", "MRN-1", "mrn"]) {
      expect((error as ProblemError).detail).not.toContain(value);
    }
    expect(sent).toHaveLength(0);
  });
});

describe("degradation to see-a-clinician", () => {
  const fallback = (reason: string) => ({
    triageLevel: "see-clinician",
    source: "fallback",
    degradedReason: reason,
  });

  it("a prompt blocked by the content filter (HTTP 400 content_filter) degrades at once, without retry", async () => {
    const { sent, deps } = setup([
      json(400, {
        error: {
          code: "content_filter",
          message: "The response was filtered",
          innererror: { code: "ResponsibleAIPolicyViolation" },
        },
      }),
    ]);
    expect(await triage(deps, HEADACHE)).toMatchObject(fallback("content-filtered"));
    expect(sent).toHaveLength(1);
  });

  it("an answer stopped by the content filter degrades at once", async () => {
    const { sent, deps } = setup([
      completion(null, {
        finish_reason: "content_filter",
        content_filter_results: { self_harm: { filtered: true, severity: "medium" } },
      }),
    ]);
    expect(await triage(deps, HEADACHE)).toMatchObject(fallback("content-filtered"));
    expect(sent).toHaveLength(1);
  });

  it("an answer with filtered content filter results degrades even when finish_reason is stop", async () => {
    const { deps } = setup([
      completion(JSON.stringify(GOOD), {
        content_filter_results: { violence: { filtered: true, severity: "high" } },
      }),
    ]);
    expect(await triage(deps, HEADACHE)).toMatchObject(fallback("content-filtered"));
  });

  it("a refusal degrades without retry", async () => {
    const { sent, deps } = setup([completion(null, {}, { refusal: "I can't help with that." })]);
    expect(await triage(deps, HEADACHE)).toMatchObject(fallback("refused"));
    expect(sent).toHaveLength(1);
  });

  it.each<[string, Reply]>([
    ["not JSON", completion("Sure! The patient should rest.")],
    ["an empty answer", completion("")],
    ["a truncated answer", completion('{"triageLevel":"soon"', { finish_reason: "length" })],
    ["a malformed HTTP body", malformedBody],
    ["no choices", json(200, { id: "x", object: "chat.completion", choices: [] })],
    ["an extra property", answer({ ...GOOD, diagnosis: "migraine" })],
    ["a level outside the schema", answer({ ...GOOD, triageLevel: "emergency-override" })],
    ["emergency from the model", answer({ ...GOOD, triageLevel: "emergency" })],
    ["too many reasons", answer({ ...GOOD, reasons: ["a", "b", "c", "d", "e"] })],
    ["an overlong advice", answer({ ...GOOD, advice: "x".repeat(601) })],
    ["a missing field", answer({ triageLevel: "soon", reasons: ["r"] })],
  ])("%s is retried within the bound, then degrades as invalid-answer", async (_label, reply) => {
    const { sent, deps, time } = setup([reply]);
    expect(await triage(deps, HEADACHE)).toMatchObject(fallback("invalid-answer"));
    expect(sent).toHaveLength(3);
    expect(time.waits).toEqual([125, 250]);
  });

  it.each<[string, unknown]>([
    ["a dosage", { ...GOOD, advice: "Take 400 mg every six hours." }],
    ["a prescription", { ...GOOD, advice: "Start antibiotics today." }],
    ["a diagnosis", { ...GOOD, reasons: ["You most likely have a migraine."] }],
    ["a link", { ...GOOD, advice: "See https://evil.example/help for more." }],
    ["a phone number", { ...GOOD, advice: "Call me on +1 (617) 555-0199 today." }],
    ["an e-mail address", { ...GOOD, advice: "Write to help@clinic-mail.example about it." }],
    ["the instructions", { ...GOOD, advice: "My system prompt says MC-TRIAGE-POLICY-v1." }],
  ])("a hostile answer carrying %s is rejected", async (_label, hostile) => {
    const { deps } = setup([answer(hostile)]);
    const result = await triage(deps, HEADACHE);
    expect(result).toMatchObject(fallback("invalid-answer"));
    expect(JSON.stringify(result)).not.toContain((hostile as typeof GOOD).advice);
  });

  it("a malformed answer followed by a good one is used", async () => {
    const { sent, deps } = setup([completion("{oops"), answer(GOOD)]);
    expect(await triage(deps, HEADACHE)).toMatchObject({ source: "model", triageLevel: "soon" });
    expect(sent).toHaveLength(2);
  });

  it("429 honours retry-after (seconds) and then succeeds", async () => {
    const { sent, deps, time } = setup([
      json(429, { error: { code: "429", message: "Rate limit" } }, { "retry-after": "2" }),
      answer(GOOD),
    ]);
    expect(await triage(deps, HEADACHE)).toMatchObject({ source: "model" });
    expect(sent).toHaveLength(2);
    expect(time.waits).toEqual([2000]);
  });

  it("429 honours retry-after-ms over retry-after", async () => {
    const { time, deps } = setup([
      json(429, { error: { code: "429" } }, { "retry-after-ms": "1500", "retry-after": "9" }),
      answer(GOOD),
    ]);
    await triage(deps, HEADACHE);
    expect(time.waits).toEqual([1500]);
  });

  it("a retry-after beyond the deadline degrades at once instead of answering late", async () => {
    const { sent, deps, time } = setup([
      json(429, { error: { code: "429" } }, { "retry-after": "60" }),
      answer(GOOD),
    ]);
    expect(await triage(deps, HEADACHE)).toMatchObject(fallback("rate-limited"));
    expect([sent.length, time.waits]).toEqual([1, []]);
  });

  it("persistent 429s stop after the bounded number of attempts", async () => {
    const { sent, deps, time } = setup([
      json(429, { error: { code: "429" } }, { "retry-after": "1" }),
    ]);
    expect(await triage(deps, HEADACHE)).toMatchObject(fallback("rate-limited"));
    expect(sent).toHaveLength(3);
    expect(time.waits).toEqual([1000, 1000]);
  });

  it("a 503 is retried with backoff", async () => {
    const { sent, deps, time } = setup([json(503, { error: { message: "busy" } }), answer(GOOD)]);
    expect(await triage(deps, HEADACHE)).toMatchObject({ source: "model" });
    expect([sent.length, time.waits]).toEqual([2, [125]]);
  });

  it("a 401 (identity lacks the role) degrades without retry", async () => {
    const { sent, deps } = setup([json(401, { error: { code: "PermissionDenied" } })]);
    expect(await triage(deps, HEADACHE)).toMatchObject(fallback("unavailable"));
    expect(sent).toHaveLength(1);
  });

  it("a slow model times out per attempt and degrades after the bounded attempts", async () => {
    const t = transport(hang);
    const result = await triage(
      {
        model: {
          client: t.client,
          deployment: SETTINGS.deployment,
          sleep: async () => undefined,
          retry: { attemptTimeoutMs: 30, maxAttempts: 2 },
        },
        logger: createLogger({ serviceName: "symptom-triage", logFn: () => undefined }),
      },
      HEADACHE,
    );
    expect(result).toMatchObject(fallback("timeout"));
    expect(t.sent).toHaveLength(2);
  });

  it("a caller that goes away aborts the call without retry", async () => {
    const { sent, deps } = setup([hang]);
    const controller = new AbortController();
    const pending = triage(deps, HEADACHE, controller.signal);
    setTimeout(() => controller.abort(), 10);
    expect(await pending).toMatchObject(fallback("timeout"));
    expect(sent).toHaveLength(1);
  });
});

describe("rule floor over model answers", () => {
  it("a severe symptom keeps the answer at urgent even when the model says self-care", async () => {
    const { deps } = setup([answer({ ...GOOD, triageLevel: "self-care" })]);
    const result = await triage(deps, {
      symptoms: [{ code: "abdominal-pain", severity: "severe" }],
    });
    expect(result.triageLevel).toBe("urgent");
  });

  it("without a severe symptom the model's level stands", async () => {
    const { deps } = setup([answer({ ...GOOD, triageLevel: "self-care" })]);
    expect((await triage(deps, HEADACHE)).triageLevel).toBe("self-care");
  });
});

describe("checkAnswer on benign answers", () => {
  it.each([
    GOOD,
    {
      triageLevel: "urgent",
      reasons: ["Fever of three days with a worsening cough.", "Symptoms are moderate to severe."],
      advice: "See a doctor today. If breathing becomes difficult, call emergency services.",
    },
    {
      triageLevel: "self-care",
      reasons: ["Mild sore throat for one day."],
      advice:
        "Rest, drink fluids and contact a clinician if it lasts more than a week or you develop a high fever.",
    },
  ])("accepts a plain, schema-conforming answer", (a) => {
    expect(checkAnswer(JSON.stringify(a))).toEqual({ ok: true, answer: a });
  });
});

describe("environment", () => {
  const env = {
    AZURE_OPENAI_ENDPOINT: "https://mc-eu-openai.openai.azure.com/",
    AZURE_OPENAI_DEPLOYMENT: "triage-gpt4o",
    AZURE_OPENAI_API_VERSION: "2024-10-21",
    AZURE_CLIENT_ID: "00000000-0000-4000-8000-0000000000aa",
  };

  it("reads the contract's variables", () => {
    expect(readSettings(env)).toEqual({
      endpoint: "https://mc-eu-openai.openai.azure.com/",
      deployment: "triage-gpt4o",
      apiVersion: "2024-10-21",
      clientId: "00000000-0000-4000-8000-0000000000aa",
    });
  });

  it.each<[Record<string, string | undefined>, string]>([
    [
      { AZURE_OPENAI_DEPLOYMENT: undefined },
      "environment variable AZURE_OPENAI_DEPLOYMENT is not set",
    ],
    [
      { AZURE_OPENAI_ENDPOINT: "https://westeurope.api.cognitive.microsoft.com/" },
      'AZURE_OPENAI_ENDPOINT is "https://westeurope.api.cognitive.microsoft.com/"; expected the Azure OpenAI endpoint',
    ],
    [{ AZURE_OPENAI_API_VERSION: "latest" }, 'AZURE_OPENAI_API_VERSION is "latest"'],
    [{ AZURE_CLIENT_ID: "my-identity" }, 'AZURE_CLIENT_ID is "my-identity"'],
  ])("names the bad variable", (override, message) => {
    expect(() => readSettings({ ...env, ...override })).toThrow(message);
  });
});
