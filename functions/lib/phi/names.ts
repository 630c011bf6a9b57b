/**
 * Person-name detection. Names have no fixed shape, so evidence is combined: a title or a role word before a
 * capitalised name, a credential after it (signatures), a dictionary of common given names and surnames, and
 * finally every further occurrence in the same text of a token already found to be a name.
 */
import { isBlank, isLetter, isLower, isUpper, LETTER, LOWER, onlyBlanks, UPPER } from "./chars";
import { NAME_LISTS } from "./gazetteer";
import { kw } from "./patterns";
import { Detector, eachAt, endingGroupStart, Starts } from "./scan";
import { Sink } from "./types";

/** Smith, O'Brien, McDonald, Smith-Jones, José, Zoë. */
export const TOKEN = `(?:[${UPPER}]')?[${UPPER}][${LOWER}]+(?:[${UPPER}][${LOWER}]+)?(?:-[${UPPER}][${LOWER}]+)?`;
/** Surname particles stay lowercase inside a name: "Van der Berg", "Maria de la Cruz", "Omar bin Laden". */
const PARTICLES = new Set(
  "van von der den de da del della di du la le bin ibn al el zu zur ter te ten dos das do y Ó Ní Nic Mac Uí Ua".split(
    " ",
  ),
);
const PARTICLE = `(?:${[...PARTICLES].join("|")})`;
const FULL = `${TOKEN}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)*(?:[${UPPER}]\\.|${TOKEN})){0,3}`;
/** Particles before a name that a title or role word introduces ("Dr. van der Berg", "por la Dra. Peña"). */
const LEADING = `(?:${PARTICLE}[ \\t]+)*`;

/** Titles in English (whose trigger is the run they start: "DrSmith"), then in the other languages. */
const TITLES_EN = "Dr|Doctor|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Nurse|Sr|Rev|Sister|DR|MR|MRS|MS";
const TITLES_EU = [
  "Herr",
  "Frau",
  "Hr",
  "Fr",
  "HERR",
  "FRAU",
  "M.",
  "Mme",
  "Mlle",
  "MME",
  "Monsieur",
  "Madame",
  "Pr",
  "Sra",
  "Srta",
  "Dña",
  "Dra",
  "DRA",
  "Don",
  "Doña",
  "D.",
  "Sig.ra",
  "Sig.na",
  "Sig",
  "Dott.ssa",
  "Dott",
  "Prof.ssa",
  "Dhr",
  "dhr",
  "Mevr",
  "mevr",
  "Mw",
  "mw",
  "dr",
];
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Longest first, so that "Dott.ssa" is tried before "Dott". */
const TITLES = [...TITLES_EN.split("|"), ...TITLES_EU]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join("|");
/** After a title: "Dr. med.", "Dr. med. dent.". */
const TITLE_TAIL = "(?:[ \\t]*(?:med|dent|rer\\.[ \\t]*nat)\\.)*";
/** The ASCII letter run a word starts with ("co-signed" -> "co"), lowercased: the trigger of a keyword. */
const leadingRun = (word: string): string => /^[A-Za-z]*/.exec(word)![0].toLowerCase();
const LIST = `${FULL}(?:(?:,?[ \\t]+and[ \\t]+|,[ \\t]*|[ \\t]*&[ \\t]*|/)(?:(?:${TITLES})\\.?[ \\t]+)?${FULL}){0,5}`;
const ROLE_WORDS = [
  "patient",
  "pt",
  "named",
  "husband",
  "wife",
  "son",
  "daughter",
  "mother",
  "father",
  "brother",
  "sister",
  "spouse",
  "partner",
  "fiancé",
  "fiance",
  "grandson",
  "granddaughter",
  "grandmother",
  "grandfather",
  "aunt",
  "uncle",
  "niece",
  "nephew",
  "cousin",
  "guardian",
  "caregiver",
  "friend",
  "neighbor",
  "neighbour",
  "roommate",
  "attending",
  "resident",
  "intern",
  "fellow",
  "pcp",
  "provider",
  "physician",
  "surgeon",
  "clinician",
  "therapist",
  "author",
  "cc",
  "interpreter",
  "witness",
  "contact",
  "nok",
  "dear",
  "hi",
  "hello",
  "regards",
  "sincerely",
  "thanks",
  "signed",
  "cosigned",
  "co-signed",
];
const ROLE_PHRASE_WORDS = [
  "seen by",
  "signed by",
  "electronically signed by",
  "dictated by",
  "transcribed by",
  "reviewed by",
  "referred by",
  "accompanied by",
  "examined by",
  "discussed with",
  "spoke with",
  "spoke to",
  "next of kin",
  "emergency contact",
  "referring physician",
  "primary care physician",
];
/** Phrases of the other languages (and sign-offs) after which a name follows as surely as after "seen by". */
const EU_ROLE_PHRASES = [
  "rückruf bei",
  "rückruf von",
  "telefonat mit",
  "j'ai rappelé",
  "rappelé",
  "vu par",
  "vue par",
  "dicté par",
  "hablé con",
  "llamé a",
  "valorado por",
  "valorada por",
  "atendido por",
  "firmado",
  "ho richiamato",
  "richiamato",
  "visitato dal",
  "visitata dal",
  "visto da",
  "vista da",
  "firmato",
  "teruggebeld met",
  "gebeld met",
  "gesproken met",
  "gezien door",
  "met vriendelijke groet",
  "mit freundlichen grüßen",
  "cordialement",
  "atentamente",
  "cordiali saluti",
  "distinti saluti",
  "kind regards",
  "best regards",
  "many thanks",
];
/**
 * Words before a name that are also ordinary words before something else ("Vater Diabetes", "called Pharmacy"):
 * what follows them is a name only when it is in the name lists, is written in another script, or has two words.
 */
const WEAK_ROLE_WORDS = [
  "called",
  "rang",
  "ehefrau",
  "ehemann",
  "sohn",
  "tochter",
  "mutter",
  "vater",
  "bruder",
  "schwester",
  "enkel",
  "enkelin",
  "lebensgefährtin",
  "lebensgefährte",
  "hausarzt",
  "hausärztin",
  "oberarzt",
  "oberärztin",
  "fille",
  "fils",
  "mari",
  "mère",
  "père",
  "frère",
  "sœur",
  "soeur",
  "conjoint",
  "conjointe",
  "hijo",
  "hija",
  "esposa",
  "esposo",
  "marido",
  "madre",
  "padre",
  "hermano",
  "hermana",
  "nieto",
  "nieta",
  "figlia",
  "figlio",
  "moglie",
  "marito",
  "fratello",
  "sorella",
  "nipote",
  "dochter",
  "zoon",
  "echtgenote",
  "echtgenoot",
  "moeder",
  "vader",
  "broer",
  "zus",
  "huisarts",
];
const ROLES = ROLE_WORDS.map(kw);
const ROLE_PHRASES = [...ROLE_PHRASE_WORDS, ...EU_ROLE_PHRASES].map((p) =>
  p.split(" ").map(kw).join("[ \\t]+"),
);
/** Between a role word and the name: blanks, maybe a colon, comma or dash, maybe a line break (sign-offs). */
const ROLE_GAP = "[ \\t]*[:,-]?[ \\t]*(?:\\r?\\n[ \\t]*)?";

const CONTEXT_RE = new RegExp(
  `(?:(?<![${LETTER}0-9])(?:${TITLES})\\.?${TITLE_TAIL}|(?<![${LETTER}])(?:${[...ROLE_PHRASES, ...ROLES].join("|")})(?![${LETTER}])(?:[ \\t]+${kw("name")})?${ROLE_GAP})[ \\t]*${LEADING}(?:(?:${TITLES})\\.?${TITLE_TAIL}[ \\t]+)?${LEADING}(${LIST})`,
  "y",
);
const WEAK_CONTEXT_RE = new RegExp(
  `(?<![${LETTER}])(?:${WEAK_ROLE_WORDS.map(kw).join("|")})(?![${LETTER}])[ \\t]*[:,]?[ \\t]*${LEADING}(?:(?:${TITLES})\\.?${TITLE_TAIL}[ \\t]+)?${LEADING}(${FULL})`,
  "y",
);
/** Labels of a name field, after which the name may be in capitals ("NOM : DUPONT", "Name: JANE DOE"). */
const NAME_FIELD_LABELS = [
  "name",
  "full name",
  "patient name",
  "surname",
  "forename",
  "first name",
  "last name",
  "given name",
  "family name",
  "vorname",
  "nachname",
  "familienname",
  "geburtsname",
  "nom",
  "prénom",
  "nom de naissance",
  "nom d'usage",
  "nom de famille",
  "nom et prénom",
  "apellidos",
  "apellido",
  "nombre",
  "nombre y apellidos",
  "cognome",
  "nome",
  "cognome e nome",
  "nome e cognome",
  "naam",
  "achternaam",
  "voornaam",
  "voornamen",
  "patient",
  "patientin",
  "patiënt",
  "patiënte",
  "paciente",
  "paziente",
];
/** A word of a name in any case ("DUPONT", "Mathéo", "D'ARCY", "MÜLLER-LÜDENSCHEIDT"). */
const ANY_CASE_WORD = `(?:[${UPPER}]')?[${UPPER}][${LETTER}]*(?:-[${UPPER}][${LETTER}]*)*`;
const NAME_FIELD_RE = new RegExp(
  `(?<![${LETTER}])(?:${NAME_FIELD_LABELS.map((l) => l.split(" ").map(kw).join("[ \\t]+")).join("|")})[ \\t]*:[ \\t]*(${LEADING}${ANY_CASE_WORD}(?:(?:,[ \\t]?|[ \\t])(?:${ANY_CASE_WORD}|${PARTICLE}|[dDlL]'${ANY_CASE_WORD}|'[tT]))*)`,
  "y",
);
/** "Name: Smith, John" puts the surname first; only a label this explicit makes that order safe to assume. */
const NAME_LABEL_RE = new RegExp(
  `\\b(?:${kw("name")}|${kw("patient")}[ \\t]+${kw("name")}|${kw("full")}[ \\t]+${kw("name")}|${kw("pt")}[ \\t]+${kw("name")})[ \\t]*[:=-][ \\t]*(${TOKEN},[ \\t]*${FULL}|${FULL})`,
  "y",
);
const CREDENTIALS =
  "MD|M\\.D\\.|DO|D\\.O\\.|RN|BSN|NP|PA-C|PA|PhD|DDS|DMD|LPN|CNA|MSW|LCSW|FNP|FNP-BC|APRN|CNM|PharmD|DPM|MBBS|FACP|FACS";
/**
 * Signatures are found from the credential (rare) and then the name just before it, not from every capital. The
 * credential must follow spaces (and maybe a comma), which are walked back over from the credential itself.
 */
const CREDENTIAL_RE = new RegExp(`(?:${CREDENTIALS})(?![A-Za-z])`, "y");
const NAME_BEFORE_RE = new RegExp(`(?<![${UPPER}${LOWER}])${FULL}$`, "y");
/** "Tomasz and Declan": a capitalised word joined by "and" or "&" to a name, after it or before it. */
const AND_AFTER_RE = new RegExp(`[ \\t]+(?:and|&)[ \\t]+(${TOKEN})(?![${LOWER}])`, "y");
const AND_BEFORE_RE = new RegExp(`(?<![${UPPER}${LOWER}'-])(${TOKEN})[ \\t]+(?:and|&)[ \\t]+$`);

/** Capitalised words that context rules would otherwise swallow as a name or its continuation (data/names.json). */
const STOP = NAME_LISTS.stop;
/** Given names frequent in the records of each language that are not also ordinary words. */
const GIVEN = NAME_LISTS.given;
const SURNAMES = NAME_LISTS.surnames;
/** Given names that are also ordinary words: only a name when a capitalised surname follows. */
const AMBIGUOUS_GIVEN = NAME_LISTS.ambiguousGiven;

/**
 * Stop words the capitals loop drops as soon as it has looked them up (it reports a known token or a surname
 * first, and a stop word is never learnt): the scan does not hand it their starts at all.
 */
const CAPITALS_DROPPED = [...STOP].filter(
  (w) => /^[A-Z][a-z]*$/.test(w) && !GIVEN.has(w) && !SURNAMES.has(w),
);

/** What a capitalised word is in the lists above, as bits: the capitals loop asks all of them with one lookup. */
const IS_GIVEN = 1;
const IS_SURNAME = 2;
const IS_AMBIGUOUS = 4;
const IS_STOP = 8;

/**
 * The same number for the same characters, kept to 30 bits (a small integer, stored unboxed): the capitals loop
 * looks a word up by it without slicing the word out of the text.
 */
function hashOf(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) {
    h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  }
  return h & 0x3fffffff;
}

/** Open addressing, a power-of-two table at most half full: the number of each word of LEXICON_WORDS by hashOf. */
const LEXICON_WORDS: string[] = [];
const LEXICON_HASHES: number[] = [];
const LEXICON_KINDS: number[] = [];
const LEXICON_SLOTS = (() => {
  const kinds = new Map<string, number>();
  for (const [words, bit] of [
    [GIVEN, IS_GIVEN],
    [SURNAMES, IS_SURNAME],
    [AMBIGUOUS_GIVEN, IS_AMBIGUOUS],
    [STOP, IS_STOP],
  ] as const) {
    for (const word of words) {
      kinds.set(word, (kinds.get(word) ?? 0) | bit);
    }
  }
  let size = 16;
  while (size < kinds.size * 2) {
    size *= 2;
  }
  const slots = new Int32Array(size);
  for (const [word, kind] of kinds) {
    const h = hashOf(word, 0, word.length);
    let slot = h & (size - 1);
    while (slots[slot] !== 0) {
      slot = (slot + 1) & (size - 1);
    }
    LEXICON_WORDS.push(word);
    LEXICON_HASHES.push(h);
    LEXICON_KINDS.push(kind);
    slots[slot] = LEXICON_WORDS.length;
  }
  return slots;
})();

/**
 * What `text[start, end)`, whose hashOf is `h`, is in the name lists (IS_* bits, 0 for none). Thousands of words
 * per note are asked about; slicing each out for a Map made a string and hashed it every time.
 */
function lexicon(text: string, start: number, end: number, h: number): number {
  const mask = LEXICON_SLOTS.length - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const entry = LEXICON_SLOTS[slot] - 1;
    if (entry < 0) {
      return 0;
    }
    const word = LEXICON_WORDS[entry];
    if (
      LEXICON_HASHES[entry] === h &&
      word.length === end - start &&
      text.startsWith(word, start)
    ) {
      return LEXICON_KINDS[entry];
    }
  }
}

/** What the detection in one text has found so far. */
class Found {
  /** Every name reported by `name`, as start/end pairs, for the coordination rule at the end. */
  readonly spans: number[] = [];
  /** The tokens reported as names, found again wherever they stand alone. */
  readonly known = new Set<string>();
  /** One bit per known token, at its hashOf modulo 32: most capitals miss it and need no slice to tell. */
  knownBits = 0;

  constructor(readonly report: Sink) {}

  name(start: number, end: number): void {
    this.spans.push(start, end);
    this.report("NAME", start, end);
  }
}

/** Learns the token `text[start, end)` (hashOf `h`): it is a name wherever else it stands alone. */
function learn(found: Found, text: string, start: number, end: number, h: number): void {
  found.knownBits |= 1 << (h & 31);
  found.known.add(text.slice(start, end));
}

/**
 * Reports the names in `text[start, end)` (a span a context rule matched): runs of name tokens and initials joined
 * by blanks, each run one finding; stop words break runs and particles only continue them. Every token reported
 * is learnt, so that it is found again wherever it stands alone. The span is read as a global regex
 * `[UPPER]\.|TOKEN|\bPARTICLE\b` run on the span alone would split it: the first piece at each position.
 */
function emitTokens(text: string, start: number, end: number, found: Found): void {
  let runStart = -1;
  let runEnd = -1;
  let p = start;
  while (p < end) {
    // The piece at `p` ends at `to`; `token` tells a name token from an initial or a particle.
    let to = p + 2;
    let token = false;
    if (!(to <= end && text.charCodeAt(p + 1) === 46 && isUpper(text.charCodeAt(p)))) {
      to = tokenEnd(text, p, end);
      if (to >= 0) {
        token = true;
      } else {
        to = particleEnd(text, p, start, end);
        if (to < 0) {
          p++;
          continue;
        }
      }
    }
    const h = token ? hashOf(text, p, to) : 0;
    const stop = token && (lexicon(text, p, to, h) & IS_STOP) !== 0;
    if (runStart >= 0 && (stop || !onlyBlanks(text, runEnd, p))) {
      found.name(runStart, runEnd);
      runStart = -1;
    }
    if (!stop && (runStart >= 0 || token)) {
      if (runStart < 0) {
        runStart = p;
      }
      runEnd = to;
      if (token) {
        learn(found, text, p, to, h);
      }
    }
    p = to;
  }
  if (runStart >= 0) {
    found.name(runStart, runEnd);
  }
}

/**
 * emitTokens on capture group 1 of each match of `re` at `starts`. The group ends the match (CONTEXT_RE,
 * NAME_LABEL_RE), as it does AND_AFTER_RE's.
 */
function emitMatches(re: RegExp, text: string, starts: Starts, found: Found): void {
  eachAt(re, text, starts, (m) =>
    emitTokens(text, endingGroupStart(m, 1), m.index + m[0].length, found),
  );
}

function afterLowercaseWord(text: string, start: number): boolean {
  let p = start - 1;
  if (p < 0 || !isBlank(text.charCodeAt(p))) {
    return false;
  }
  while (p > 0 && isBlank(text.charCodeAt(p))) {
    p--;
  }
  const c = text.charCodeAt(p);
  return c >= 97 && c <= 122;
}

/** End of `[UPPER][LOWER]+` at `at` in `text[0, limit)`, or -1. */
function capitalWordEnd(text: string, at: number, limit: number): number {
  if (at >= limit || !isUpper(text.charCodeAt(at))) {
    return -1;
  }
  let i = at + 1;
  while (i < limit && isLower(text.charCodeAt(i))) {
    i++;
  }
  return i > at + 1 ? i : -1;
}

/**
 * End of the TOKEN match at `at` in `text[0, limit)`, or -1: the regex written out, as it is tried at every
 * capital. Its lowercase runs are maximal, so it never backtracks into them, and each optional part is taken
 * whenever it is there.
 */
export function tokenEnd(text: string, at: number, limit: number): number {
  // "O'Brien" (without the prefix, a capital and an apostrophe are no token).
  const from =
    at + 1 < limit && text.charCodeAt(at + 1) === 39 && isUpper(text.charCodeAt(at)) ? at + 2 : at;
  let end = capitalWordEnd(text, from, limit);
  if (end < 0) {
    return -1;
  }
  // "McDonald".
  const second = capitalWordEnd(text, end, limit);
  if (second >= 0) {
    end = second;
  }
  // "Smith-Jones".
  if (end < limit && text.charCodeAt(end) === 45) {
    const joined = capitalWordEnd(text, end + 1, limit);
    if (joined >= 0) {
      end = joined;
    }
  }
  return end;
}

/** End of the PARTICLE at `at` in `text[from, limit)`, or -1: a whole word there (`\b` on both sides). */
function particleEnd(text: string, at: number, from: number, limit: number): number {
  const c = text.charCodeAt(at);
  if (!(isLower(c) || isUpper(c)) || (at > from && isLetter(text.charCodeAt(at - 1)))) {
    return -1;
  }
  let end = at + 1;
  while (end < limit && isLetter(text.charCodeAt(end))) {
    end++;
  }
  return PARTICLES.has(text.slice(at, end)) ? end : -1;
}

/** Whether a token at `at` starts a word: not after a letter, an apostrophe or a hyphen ("Jean-Pierre"). */
function startsWord(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  return !(isUpper(c) || isLower(c) || c === 39 || c === 45);
}

/**
 * Where the word after a name ending at `from` starts: past blanks and an initial ("John A. Smith"), or -1 when
 * no blank follows the name or no blank follows the initial.
 */
function followingStart(text: string, from: number): number {
  let start = from;
  while (isBlank(text.charCodeAt(start))) {
    start++;
  }
  if (start === from) {
    return -1;
  }
  if (text.charCodeAt(start + 1) !== 46 || !isUpper(text.charCodeAt(start))) {
    return start;
  }
  let after = start + 2;
  while (isBlank(text.charCodeAt(after))) {
    after++;
  }
  return after > start + 2 ? after : -1;
}

/** A character FULL can match: a letter, a blank, an apostrophe, a hyphen or a dot. */
function isFullChar(c: number): boolean {
  return isUpper(c) || isLower(c) || isBlank(c) || c === 39 || c === 45 || c === 46;
}

/**
 * Where the first match of NAME_BEFORE_RE in `part` (the text before a credential) starts, or -1. A match holds
 * only letters, blanks, apostrophes, hyphens and dots, and starts at a capital after no letter: only those after
 * the last other character are tried.
 */
function nameBefore(part: string): number {
  let from = part.length;
  while (from > 0 && isFullChar(part.charCodeAt(from - 1))) {
    from--;
  }
  for (let p = from; p < part.length; p++) {
    const c = part.charCodeAt(p - 1);
    if (isUpper(part.charCodeAt(p)) && !(isUpper(c) || isLower(c))) {
      NAME_BEFORE_RE.lastIndex = p;
      if (NAME_BEFORE_RE.test(part)) {
        return p;
      }
    }
  }
  return -1;
}

/** Start of the `,?[ \t]+` before a credential at `at`, or -1 when no space precedes it. */
function signatureStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && (text[s - 1] === " " || text[s - 1] === "\t")) {
    s--;
  }
  if (s === at) {
    return -1;
  }
  return s > 0 && text[s - 1] === "," ? s - 1 : s;
}

export const NAMES: Detector = {
  type: "NAME",
  triggers: [
    // CONTEXT_RE: a title (which may run into the name: "DrSmith") or a role word or phrase.
    {
      prefixes: TITLES_EN.split("|"),
      words: [...TITLES_EU, ...ROLE_WORDS, ...ROLE_PHRASE_WORDS, ...EU_ROLE_PHRASES]
        .map(leadingRun)
        .filter((w) => w.length > 0),
    },
    { words: ["name", "patient", "full", "pt"] },
    { words: [...new Set(WEAK_ROLE_WORDS.map(leadingRun))] },
    { words: [...new Set(NAME_FIELD_LABELS.map(leadingRun))] },
    { words: CREDENTIALS.split("|").map(leadingRun) },
    // A capitalised stop word that is no given name or surname is dropped by the capitals loop at once.
    { capitals: true, capitalsExcept: CAPITALS_DROPPED },
  ],
  detect(text, [contexts, labels, weak, fields, credentials, capitals], sink) {
    detectNames(text, { contexts, labels, weak, fields, credentials, capitals }, sink);
  },
};

/** Whether "and" or "&" and blanks stand right before `at` (AND_BEFORE_RE needs them; most names have neither). */
function afterConnector(text: string, at: number): boolean {
  let p = at;
  while (p > 0 && isBlank(text.charCodeAt(p - 1))) {
    p--;
  }
  return p < at && (text.charCodeAt(p - 1) === 38 || (p >= 3 && text.startsWith("and", p - 3)));
}

/** Where each of the names detector's triggers held. */
interface NameStarts {
  readonly contexts: Starts;
  readonly labels: Starts;
  readonly weak: Starts;
  readonly fields: Starts;
  readonly credentials: Starts;
  readonly capitals: Starts;
}

/** Whether `text[start, end)` holds a letter folded from another script (chars.ts folds them onto Þ and þ). */
function otherScript(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xde || c === 0xfe) {
      return true;
    }
  }
  return false;
}

/** The name after a weak role word: kept when listed, written in another script, or of two words or more. */
function emitWeak(text: string, starts: Starts, found: Found): void {
  eachAt(WEAK_CONTEXT_RE, text, starts, (m) => {
    const start = endingGroupStart(m, 1);
    const end = m.index + m[0].length;
    let first = start;
    while (first < end && !isUpper(text.charCodeAt(first))) {
      first++;
    }
    const firstEnd = tokenEnd(text, first, end);
    const kind = firstEnd < 0 ? 0 : lexicon(text, first, firstEnd, hashOf(text, first, firstEnd));
    const listed = (kind & (IS_GIVEN | IS_SURNAME | IS_AMBIGUOUS)) !== 0 && (kind & IS_STOP) === 0;
    if (listed || otherScript(text, start, end) || (firstEnd >= 0 && firstEnd < end)) {
      emitTokens(text, start, end, found);
    }
  });
}

/** A name field's value, in any case: reported whole, each of its words learnt. */
function emitFields(text: string, starts: Starts, found: Found): void {
  eachAt(NAME_FIELD_RE, text, starts, (m) => {
    const start = endingGroupStart(m, 1);
    const end = m.index + m[0].length;
    // "Nguyen, Thi": each side of a comma is a name of its own, as NAME_LABEL_RE reports them.
    let part = start;
    for (
      let comma = text.indexOf(",", start);
      comma >= 0 && comma < end;
      comma = text.indexOf(",", part)
    ) {
      found.name(part, comma);
      part = comma + 1;
      while (isBlank(text.charCodeAt(part))) {
        part++;
      }
    }
    found.name(part, end);
    let w = start;
    while (w < end) {
      while (w < end && !isLetter(text.charCodeAt(w))) {
        w++;
      }
      let e = w;
      while (e < end && isLetter(text.charCodeAt(e))) {
        e++;
      }
      // Stop words are never learnt (emitTokens neither): the capitals loop is not even handed their starts.
      const h = hashOf(text, w, e);
      if (e - w >= 2 && (lexicon(text, w, e, h) & IS_STOP) === 0) {
        learn(found, text, w, e, h);
      }
      w = e;
    }
  });
}

function detectNames(text: string, starts: NameStarts, report: Sink): void {
  const { contexts, labels, weak, fields, credentials, capitals } = starts;
  const found = new Found(report);
  const { known, spans } = found;
  emitMatches(CONTEXT_RE, text, contexts, found);
  emitMatches(NAME_LABEL_RE, text, labels, found);
  emitWeak(text, weak, found);
  emitFields(text, fields, found);
  let free = 0;
  for (const at of credentials) {
    CREDENTIAL_RE.lastIndex = at;
    const start = CREDENTIAL_RE.test(text) ? signatureStart(text, at) : -1;
    if (start < free) {
      continue;
    }
    free = CREDENTIAL_RE.lastIndex;
    const from = Math.max(0, start - 96);
    const name = nameBefore(text.slice(from, start));
    if (name >= 0) {
      emitTokens(text, from + name, start, found);
    }
  }
  free = 0;
  for (let k = 0; k < capitals.length; k++) {
    const start = capitals[k];
    if (start < free || !startsWord(text, start)) {
      continue;
    }
    const end = tokenEnd(text, start, text.length);
    if (end < 0) {
      continue;
    }
    free = end;
    const h = hashOf(text, start, end);
    const kind = lexicon(text, start, end, h);
    const given = (kind & IS_GIVEN) !== 0;
    if (
      !given &&
      ((kind & (IS_SURNAME | IS_AMBIGUOUS)) === IS_SURNAME ||
        (((found.knownBits >>> (h & 31)) & 1) !== 0 && known.has(text.slice(start, end))) ||
        otherScript(text, start, end))
    ) {
      found.name(start, end);
      continue;
    }
    // The following-word lookup is the costly step: only for tokens that can start a name.
    if (!given && ((kind & IS_STOP) !== 0 || !afterLowercaseWord(text, start))) {
      continue;
    }
    const nextStart = followingStart(text, end);
    const nextEnd = nextStart < 0 ? -1 : tokenEnd(text, nextStart, text.length);
    const nextHash = nextEnd < 0 ? 0 : hashOf(text, nextStart, nextEnd);
    if (nextEnd >= 0 && (lexicon(text, nextStart, nextEnd, nextHash) & IS_STOP) === 0) {
      // Given name + capitalised word, or two capitalised words in mid-sentence ("failed for Gretchen Albrecht"):
      // a person (or a place) far more often than not in clinical text, and both are PHI.
      learn(found, text, start, end, h);
      learn(found, text, nextStart, nextEnd, nextHash);
      free = nextEnd;
      found.name(start, nextEnd);
    } else if (given && (kind & IS_AMBIGUOUS) === 0) {
      found.name(start, end);
    }
  }
  // Names are often listed together ("Tomasz and Declan asked about driving"): a capitalised word joined by "and"
  // or "&" to a name is a name too, whichever side the name is on.
  const count = spans.length;
  for (let k = 0; k < count; k += 2) {
    AND_AFTER_RE.lastIndex = spans[k + 1];
    const after = AND_AFTER_RE.exec(text);
    if (after !== null) {
      const start = endingGroupStart(after, 1);
      const end = AND_AFTER_RE.lastIndex;
      if ((lexicon(text, start, end, hashOf(text, start, end)) & IS_STOP) === 0) {
        report("NAME", start, end);
      }
    }
    if (!afterConnector(text, spans[k])) {
      continue;
    }
    const from = Math.max(0, spans[k] - 64);
    const before = AND_BEFORE_RE.exec(text.slice(from, spans[k]));
    if (before !== null) {
      const start = from + before.index;
      const end = start + before[1].length;
      if ((lexicon(text, start, end, hashOf(text, start, end)) & IS_STOP) === 0) {
        report("NAME", start, end);
      }
    }
  }
}
