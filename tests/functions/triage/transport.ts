/**
 * A fake Azure OpenAI transport for the `fetch` option of the openai client: records every request and answers
 * from a script (a completion, an HTTP error, a hang until aborted, a malformed body).
 */
import { azureClient } from "../../../functions/symptom-triage/main";

export const SETTINGS = {
  endpoint: "https://mc-test-openai.openai.azure.com/",
  deployment: "triage-gpt4o",
  apiVersion: "2024-10-21",
  clientId: "00000000-0000-4000-8000-0000000000aa",
};

export interface SentRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: any;
}

export type Reply = (req: SentRequest, signal: AbortSignal | undefined) => Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });
}

/** A chat completion whose first choice carries `content`. */
export function completion(
  content: string | null,
  choice: Record<string, unknown> = {},
  message: Record<string, unknown> = {},
): Reply {
  return json(200, {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1795435200,
    model: "gpt-4o-2024-08-06",
    choices: [
      {
        index: 0,
        finish_reason: "stop",
        message: { role: "assistant", content, refusal: null, ...message },
        ...choice,
      },
    ],
  });
}

export const answer = (value: unknown): Reply => completion(JSON.stringify(value));

export const GOOD = {
  triageLevel: "soon",
  reasons: ["Headache lasting two days with nausea."],
  advice: "Book an appointment within two days; seek help sooner if it gets worse.",
};

/** Never answers; rejects when the client aborts (its timeout or the caller). */
export const hang: Reply = (_req, signal) =>
  new Promise((_resolve, reject) => {
    signal?.addEventListener("abort", () =>
      reject(Object.assign(new Error("aborted"), { name: "AbortError" })),
    );
  });

export const malformedBody: Reply = async () =>
  new Response('{"choices": [ {"message": ', {
    status: 200,
    headers: { "content-type": "application/json" },
  });

/** Replies in order; the last reply repeats. */
export function transport(...replies: Reply[]) {
  const sent: SentRequest[] = [];
  const fetch = async (input: unknown, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]).forEach(
      (v, k) => (headers[k] = v),
    );
    const req: SentRequest = {
      url: String(input),
      method: init?.method ?? "GET",
      headers,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    };
    sent.push(req);
    const reply = replies[Math.min(sent.length - 1, replies.length - 1)];
    return reply(req, init?.signal ?? undefined);
  };
  const client = azureClient(
    SETTINGS,
    async () => "test-entra-token",
    fetch as typeof globalThis.fetch,
  );
  return { sent, client, fetch };
}

/** Records waits instead of sleeping; the clock advances by each wait. */
export function fakeTime(start = 1_000_000) {
  let now = start;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}
