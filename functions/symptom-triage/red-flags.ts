/**
 * Emergency red flags, decided by rules before any model is asked: a match answers "emergency" at once. The rules
 * read the structured symptoms and the free text (before redaction); they err on the side of over-triage, so a
 * negated phrase ("no chest pain, but cannot breathe") still counts.
 */
import type { Symptom, TriageRequest } from "./input";

export interface RedFlag {
  /** Stable code, returned to the caller and logged. */
  readonly code: string;
  /** Why this is an emergency, in words for the patient. */
  readonly reason: string;
}

interface Rule extends RedFlag {
  /** Every group must be matched by at least one of its symptoms (AND of ORs). */
  readonly all?: ReadonlyArray<readonly Symptom[]>;
  /** Free-text patterns, any of which matches. */
  readonly text?: readonly RegExp[];
}

const BREATHLESS =
  /\b(can(?:no|')?t|cannot|unable to|struggling to|hard to|difficult(?:y)? to)\s+breathe?\b|\bshort(?:ness)? of breath\b|\bbreathless\b|\bgasping\b/i;

export const RULES: readonly Rule[] = [
  {
    code: "chest-pain-with-dyspnoea",
    reason:
      "Chest pain together with shortness of breath can be a heart attack or a pulmonary embolism.",
    all: [["chest-pain"], ["dyspnoea", "wheeze"]],
    text: [new RegExp(`chest (pain|tightness|pressure)[\\s\\S]{0,120}(${BREATHLESS.source})`, "i")],
  },
  {
    code: "severe-chest-pain",
    reason: "Severe chest pain needs emergency assessment.",
    text: [/\b(crushing|severe|worst)\s+(chest pain|pain in (my|the) chest)/i],
  },
  {
    code: "stroke-signs",
    reason:
      "A drooping face, a weak arm or difficulty speaking can be signs of a stroke (act FAST).",
    all: [["facial-droop", "arm-weakness", "speech-difficulty"]],
    text: [
      /\b(face|mouth|smile)\s+(is\s+)?(drooping|droops|fell|fallen)\b/i,
      /\bslurred speech\b|\bslurring\b|\bcan(?:no|')?t (speak|talk)\b/i,
      /\b(one|left|right) (side|arm|leg) (is\s+)?(numb|weak|paralys|paralyz)/i,
      /\bstroke\b/i,
    ],
  },
  {
    code: "suicidal-intent",
    reason:
      "Thoughts of suicide or self-harm need help now: call emergency services or a crisis line.",
    all: [["suicidal-thoughts", "self-harm"]],
    text: [
      /\b(kill(ing)?|hurt(ing)?|harm(ing)?) (myself|my self)\b/i,
      /\bsuicid/i,
      /\b(want|going|plan(ning)?) to (die|end (it|my life))\b/i,
      /\bend(ing)? my life\b|\bno reason to live\b|\boverdose\b/i,
    ],
  },
  {
    code: "anaphylaxis",
    reason:
      "Swelling of the throat, lips or tongue or hives with breathing trouble can be anaphylaxis.",
    all: [["throat-swelling", "lip-or-tongue-swelling"]],
    text: [
      /\banaphyla/i,
      /\b(throat|tongue|lips?)\s+(is\s+|are\s+|feels?\s+)?(closing|swelling|swollen|tight)/i,
    ],
  },
  {
    code: "anaphylaxis-hives-breathing",
    reason: "Hives together with breathing trouble can be anaphylaxis.",
    all: [["hives"], ["dyspnoea", "wheeze"]],
  },
  {
    code: "severe-bleeding",
    reason: "Severe bleeding needs emergency care.",
    all: [["severe-bleeding"]],
    text: [
      /\bbleeding (heavily|badly|a lot|profusely)\b|\b(won'?t|will not|doesn'?t|does not) stop bleeding\b/i,
      /\b(vomiting|coughing (up)?) blood\b/i,
    ],
  },
  {
    code: "unresponsive-or-seizure",
    reason: "Unresponsiveness or a seizure needs emergency care.",
    all: [["unresponsive", "seizure"]],
    text: [/\b(unconscious|unresponsive|not breathing|passed out and (won'?t|can'?t) wake)\b/i],
  },
  {
    code: "meningitis-signs",
    reason: "Fever with a stiff neck or a rash that does not fade can be meningitis.",
    all: [["fever"], ["stiff-neck"]],
  },
  {
    code: "breathing-severe",
    reason: "Severe difficulty breathing needs emergency care.",
    text: [/\b(can(?:no|')?t|cannot|unable to) breathe?\b|\bturning blue\b|\bblue lips\b/i],
  },
];

/** Severe difficulty breathing as a structured symptom is a red flag on its own. */
function severeDyspnoea(request: TriageRequest): boolean {
  return request.symptoms.some((s) => s.code === "dyspnoea" && s.severity === "severe");
}

/** The red flags the request raises, in rule order; empty when none. */
export function redFlags(request: TriageRequest): RedFlag[] {
  const codes = new Set(request.symptoms.map((s) => s.code));
  const text = request.freeText ?? "";
  const found: RedFlag[] = [];
  for (const rule of RULES) {
    const bySymptoms =
      rule.all !== undefined && rule.all.every((group) => group.some((s) => codes.has(s)));
    const byText = text !== "" && (rule.text ?? []).some((p) => p.test(text));
    if (bySymptoms || byText) {
      found.push({ code: rule.code, reason: rule.reason });
    }
  }
  if (severeDyspnoea(request) && !found.some((f) => f.code === "breathing-severe")) {
    found.push({
      code: "breathing-severe",
      reason: "Severe difficulty breathing needs emergency care.",
    });
  }
  return found;
}
