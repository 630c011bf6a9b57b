/**
 * The patient's own identifiers, taken from a FHIR R4 Patient and matched literally (case-insensitive, any
 * whitespace, common reformattings of dates, phone numbers and street suffixes). Literal matching of known
 * values is what gives the highest recall: no pattern has to guess that "Chalmers" is a name.
 */
import { Address, ContactPoint, HumanName, Identifier, Patient, PhiType, Sink } from "./types";

interface Matcher {
  readonly type: PhiType;
  readonly re: RegExp;
}

const cache = new WeakMap<object, ReadonlyArray<Matcher>>();
// Word edges only for scripts that separate words: Chinese or Japanese names sit directly between other characters.
const EDGE_BEFORE = "(?<![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}])";
const EDGE_AFTER = "(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}])";
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const STREET_SUFFIXES: ReadonlyArray<ReadonlyArray<string>> = [
  ["street", "st"],
  ["avenue", "ave", "av"],
  ["road", "rd"],
  ["boulevard", "blvd"],
  ["drive", "dr"],
  ["lane", "ln"],
  ["court", "ct"],
  ["place", "pl"],
  ["terrace", "ter"],
  ["circle", "cir"],
  ["parkway", "pkwy"],
  ["highway", "hwy"],
  ["square", "sq"],
  ["apartment", "apt"],
  ["suite", "ste"],
  ["north", "n"],
  ["south", "s"],
  ["east", "e"],
  ["west", "w"],
];

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim().length > 0 ? v.trim() : undefined;
}

function arr<T>(v: unknown): ReadonlyArray<T> {
  return Array.isArray(v) ? (v as T[]) : [];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Words joined by any run of whitespace or punctuation, so "Van  Egmondkade 23," still matches. */
function loose(value: string): string {
  return value
    .split(/[\s,.]+/u)
    .filter((w) => w.length > 0)
    .map(escape)
    .join("[\\s,.]+");
}

function addressLine(value: string): string {
  return value
    .split(/[\s,.]+/u)
    .filter((w) => w.length > 0)
    .map((w) => {
      const group = STREET_SUFFIXES.find((g) => g.includes(w.toLowerCase()));
      return group === undefined ? escape(w) : `(?:${group.join("|")})\\.?`;
    })
    .join("[\\s,.]+");
}

/** Every common rendering of a full ISO date; a year alone is not PHI and a partial date gives nothing. */
function datePatterns(iso: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m === null) {
    return [];
  }
  const [, y, mm, dd] = m;
  const mo = String(Number(mm));
  const d = String(Number(dd));
  const yy = y.slice(2);
  const full = MONTHS[Number(mm) - 1];
  if (full === undefined) {
    return [];
  }
  const name = `(?:${full}|${full.slice(0, 3)}${full === "September" ? "t?" : ""})\\.?`;
  const day = `0?${d}(?:st|nd|rd|th)?`;
  const month = `0?${mo}`;
  return [
    `${y}[-/.]${mm}[-/.]${dd}(?:T[\\d:.]+(?:Z|[+-][\\d:]+)?)?`,
    `${y}${mm}${dd}`,
    `${month}[-/.]0?${d}[-/.](?:${y}|${yy})`,
    `0?${d}[-/.]${month}[-/.](?:${y}|${yy})`,
    `${name}[\\s-]+${day}(?:,?[\\s-]+${y})?`,
    `${day}[\\s-]+(?:of[\\s]+)?${name}(?:,?[\\s-]+(?:${y}|${yy}))?`,
    `${month}/0?${d}(?![/\\d])`,
  ];
}

function identifierType(id: Identifier): PhiType {
  const codes = arr<{ code?: unknown }>(id.type?.coding).map((c) => c.code);
  const system = typeof id.system === "string" ? id.system : "";
  if (codes.includes("SS") || system.endsWith("us-ssn")) {
    return "SSN";
  }
  if (codes.includes("DL")) {
    return "LICENSE";
  }
  if (codes.includes("MB") || codes.includes("MC") || codes.includes("MA")) {
    return "HEALTH_PLAN";
  }
  if (codes.includes("AN")) {
    return "ACCOUNT";
  }
  return "MRN";
}

function identifierPattern(value: string): string {
  return value
    .split(/[^\p{L}\p{N}]+/u)
    .filter((p) => p.length > 0)
    .map(escape)
    .join("[\\s./-]*");
}

function phonePattern(value: string): string | undefined {
  const digits = value.replace(/\D/g, "");
  if (digits.length < 6) {
    return undefined;
  }
  // The national part is matched on its own too: notes drop "+1" or "+31" and keep the leading trunk 0 or not.
  const national =
    digits.length > 10 ? digits.slice(-10).replace(/^0/, "") : digits.replace(/^0/, "");
  const sep = "[\\s().+-]*";
  return `\\(?(?:\\+?${digits.split("").join(sep)}|(?:\\+?\\d{1,3}${sep})?0?${sep}${national.split("").join(sep)})`;
}

function build(patient: Patient): ReadonlyArray<Matcher> {
  const names: string[] = [];
  const ids = new Map<PhiType, string[]>();
  const dates: string[] = [];
  const phones: string[] = [];
  const emails: string[] = [];
  const places: string[] = [];
  const addId = (type: PhiType, pattern: string): void => {
    ids.set(type, [...(ids.get(type) ?? []), pattern]);
  };
  const addName = (n: HumanName | undefined): void => {
    if (n === null || typeof n !== "object") {
      return;
    }
    const given = arr<unknown>(n.given)
      .map(str)
      .filter((g): g is string => g !== undefined);
    const family = str(n.family);
    const text = str(n.text);
    const wholes = [
      text,
      family && [...given, family].join(" "),
      family && given[0] && `${given[0]} ${family}`,
    ];
    for (const whole of [...wholes, family && given[0] && `${family}, ${given[0]}`]) {
      if (whole) {
        names.push(loose(whole));
      }
    }
    for (const part of [...given, family, text]) {
      for (const token of (part ?? "").split(/\s+/u)) {
        if (token.replace(/\.$/, "").length >= 2) {
          names.push(escape(token));
        }
      }
    }
  };
  const addTelecom = (t: ContactPoint): void => {
    const value = str(t?.value);
    if (value === undefined) {
      return;
    }
    if (value.includes("@")) {
      emails.push(escape(value));
      return;
    }
    const p = phonePattern(value);
    if (p !== undefined) {
      phones.push(p);
    } else if (t.system === "url") {
      emails.push(escape(value));
    }
  };
  const addAddress = (a: Address | undefined): void => {
    if (a === null || typeof a !== "object") {
      return;
    }
    for (const line of arr<unknown>(a.line)) {
      const l = str(line);
      if (l) {
        places.push(addressLine(l));
      }
    }
    for (const v of [a.city, a.district, a.postalCode, a.text]) {
      const s = str(v);
      if (s) {
        places.push(loose(s));
      }
    }
  };
  for (const n of arr<HumanName>(patient.name)) {
    addName(n);
  }
  for (const id of arr<Identifier>(patient.identifier)) {
    const value = str(id?.value);
    if (value && value.length >= 3) {
      addId(identifierType(id), identifierPattern(value));
    }
  }
  const id = str(patient.id);
  if (id && /\d/.test(id) && id.length >= 3) {
    addId("ID", identifierPattern(id));
  }
  const birth = str(patient.birthDate);
  if (birth) {
    dates.push(...datePatterns(birth));
  }
  for (const t of arr<ContactPoint>(patient.telecom)) {
    addTelecom(t);
  }
  for (const a of arr<Address>(patient.address)) {
    addAddress(a);
  }
  for (const c of arr<{ name?: HumanName; telecom?: unknown; address?: Address }>(
    patient.contact,
  )) {
    addName(c?.name);
    arr<ContactPoint>(c?.telecom).forEach(addTelecom);
    addAddress(c?.address);
  }
  const matchers: Matcher[] = [];
  const push = (type: PhiType, patterns: string[]): void => {
    const unique = [...new Set(patterns)]
      .filter((p) => p.length > 0)
      .sort((a, b) => b.length - a.length);
    if (unique.length > 0) {
      matchers.push({
        type,
        re: new RegExp(`${EDGE_BEFORE}(?:${unique.join("|")})${EDGE_AFTER}`, "giu"),
      });
    }
  };
  push("NAME", names);
  for (const [type, patterns] of ids) {
    push(type, patterns);
  }
  push("DATE", dates);
  push("PHONE", phones);
  push("EMAIL", emails);
  push("LOCATION", places);
  return matchers;
}

/** Reports every occurrence of the patient's known identifiers; a malformed Patient yields what it can. */
export function detectPatient(text: string, patient: Patient, sink: Sink): void {
  if (patient === null || typeof patient !== "object") {
    return;
  }
  let matchers = cache.get(patient);
  if (matchers === undefined) {
    matchers = build(patient);
    cache.set(patient, matchers);
  }
  for (const { type, re } of matchers) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        // With the u flag, an index inside a surrogate pair is moved back to its start: step a whole code point.
        re.lastIndex += (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
        continue;
      }
      sink(type, m.index, m.index + m[0].length);
    }
  }
}
