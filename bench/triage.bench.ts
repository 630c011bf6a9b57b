/**
 * AI handlers: what symptom triage adds per request (validation, red flags, free-text redaction, the prompt, the
 * answer's schema and content checks) next to a bare JSON round trip through the same openai client and the same
 * injected transport, as a ratio taken in the same run; and risk inference's feature extraction per FHIR Bundle
 * of Observations, next to JSON.parse of the same Bundle.
 */
import { AzureOpenAI } from "openai";
import { triage } from "../functions/symptom-triage/handler";
import { parseTriageRequest } from "../functions/symptom-triage/input";
import { extractFeatures } from "../functions/risk-inference/features";
import { BenchResult, cpuMs, median } from "./lib";

const ANSWER = {
  triageLevel: "soon",
  reasons: ["Cough and fever for three days.", "Symptoms are moderate."],
  advice: "Book an appointment within two days; seek help sooner if breathing becomes difficult.",
};
const COMPLETION = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 1795435200,
  model: "gpt-4o-2024-08-06",
  choices: [
    {
      index: 0,
      finish_reason: "stop",
      message: { role: "assistant", content: JSON.stringify(ANSWER), refusal: null },
    },
  ],
});

/** The injected transport: answers every request at once with the same completion. */
const fetch = async (): Promise<Response> =>
  new Response(COMPLETION, { status: 200, headers: { "content-type": "application/json" } });

const client = new AzureOpenAI({
  endpoint: "https://mc-bench.openai.azure.com/",
  deployment: "triage",
  apiVersion: "2024-10-21",
  azureADTokenProvider: async () => "bench-token",
  maxRetries: 0,
  fetch: fetch as typeof globalThis.fetch,
});
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

const NOTE =
  "Dry cough for three days, temperature around 38.4, tired, mild headache. I saw Dr Evelyn Marchbanks last " +
  "spring; you can reach me on 617-555-0142 or maria.gonzalez@example.com. No chest pain, breathing is fine. ";

const REQUESTS: ReadonlyArray<readonly [string, unknown]> = [
  [
    "symptoms only",
    {
      symptoms: [
        { code: "cough", severity: "moderate", durationHours: 72 },
        { code: "fever", severity: "moderate" },
      ],
    },
  ],
  [
    "symptoms + 500 chars of free text",
    {
      symptoms: [
        { code: "cough", severity: "moderate" },
        { code: "fever", severity: "moderate" },
      ],
      ageYears: 52,
      freeText: NOTE.repeat(3).slice(0, 500),
    },
  ],
  [
    "symptoms + 2000 chars of free text",
    {
      symptoms: [
        { code: "cough", severity: "moderate" },
        { code: "fever", severity: "moderate" },
      ],
      ageYears: 52,
      freeText: NOTE.repeat(10).slice(0, 2000),
    },
  ],
];

/** The same client and transport with a minimal prompt: request out, JSON answer parsed, nothing else. */
async function bare(): Promise<unknown> {
  const completion = await client.chat.completions.create({
    model: "triage",
    messages: [{ role: "user", content: "{}" }],
  });
  return JSON.parse(completion.choices[0].message.content ?? "null");
}

async function full(body: unknown): Promise<unknown> {
  return triage(
    { model: { client, deployment: "triage" }, logger: silent },
    parseTriageRequest(body),
  );
}

async function batchUs(fn: () => Promise<unknown>, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    await fn();
  }
  return Number(process.hrtime.bigint() - t0) / 1e3 / n;
}

const ROUNDS = 15;
const PER_ROUND = 200;

function observation(code: string, value: number, unit: string, minute: number) {
  return {
    resource: {
      resourceType: "Observation",
      id: `obs-${minute}-${code}`,
      status: "final",
      category: [
        {
          coding: [
            {
              system: "http://terminology.hl7.org/CodeSystem/observation-category",
              code: "vital-signs",
            },
          ],
        },
      ],
      code: { coding: [{ system: "http://loinc.org", code }] },
      subject: { reference: "Patient/bench-1", display: "Maria Gonzalez" },
      effectiveDateTime: new Date(Date.UTC(2026, 10, 23, 0, minute)).toISOString(),
      valueQuantity: { value, unit, system: "http://unitsofmeasure.org", code: unit },
    },
  };
}

function bundleOf(count: number): string {
  const kinds: Array<[string, (i: number) => number, string]> = [
    ["8867-4", (i) => 70 + (i % 15), "/min"],
    ["59408-5", (i) => 94 + (i % 5), "%"],
    ["9279-1", (i) => 14 + (i % 6), "/min"],
    ["8310-5", (i) => 36.5 + (i % 10) / 10, "Cel"],
  ];
  const entry = Array.from({ length: count }, (_, i) => {
    const [code, value, unit] = kinds[i % kinds.length];
    return observation(code, value(i), unit, i);
  });
  return JSON.stringify({ resourceType: "Bundle", type: "collection", entry });
}

export async function run(): Promise<BenchResult> {
  // Warm-up: JIT, the client's first request, the PHI name tables.
  for (let i = 0; i < 300; i++) {
    await bare();
    await full(REQUESTS[2][1]);
  }
  const rows: Array<Record<string, string | number>> = [];
  for (const [label, body] of REQUESTS) {
    const bares: number[] = [];
    const fulls: number[] = [];
    const ratios: number[] = [];
    // Interleaved rounds: both paths see the same machine state; the ratio is taken per round.
    for (let r = 0; r < ROUNDS; r++) {
      const b = await batchUs(bare, PER_ROUND);
      const f = await batchUs(() => full(body), PER_ROUND);
      bares.push(b);
      fulls.push(f);
      ratios.push(f / b);
    }
    rows.push({
      case: `triage: ${label}`,
      "bare round trip us/req": median(bares).toFixed(1),
      "handler us/req": median(fulls).toFixed(1),
      "overhead us/req": (median(fulls) - median(bares)).toFixed(1),
      ratio: median(ratios).toFixed(2),
    });
  }
  for (const count of [10, 100, 1000]) {
    const text = bundleOf(count);
    const runs = count >= 1000 ? 15 : 25;
    const reps = Math.max(1, Math.round(2000 / count));
    const parse = cpuMs(() => {
      for (let i = 0; i < reps; i++) {
        JSON.parse(text);
      }
    }, runs);
    const extract = cpuMs(() => {
      for (let i = 0; i < reps; i++) {
        extractFeatures(JSON.parse(text));
      }
    }, runs);
    const parseUs = (parse.median * 1000) / reps;
    const extractUs = (extract.median * 1000) / reps;
    rows.push({
      case: `risk features: Bundle of ${count} Observations (${Math.round(text.length / 1024)} KiB)`,
      "bare round trip us/req": parseUs.toFixed(1),
      "handler us/req": extractUs.toFixed(1),
      "overhead us/req": (extractUs - parseUs).toFixed(1),
      ratio: (extractUs / parseUs).toFixed(2),
    });
  }
  return {
    title: `AI handlers: triage per request vs a bare JSON round trip through the same client and injected transport (median of ${ROUNDS} interleaved rounds of ${PER_ROUND}, wall time); risk feature extraction vs JSON.parse of the same Bundle (CPU time)`,
    rows,
    notes: [
      "triage rows: 'bare' sends a minimal prompt and parses the JSON answer; 'handler' is triage() on a validated request (red flags, redaction, prompt, the same call, schema and content checks); ratio = handler / bare, per round",
      "risk rows: 'bare' is JSON.parse of the Bundle text; 'handler' is JSON.parse + extractFeatures (all 37 features); ratio = handler / bare",
    ],
  };
}
