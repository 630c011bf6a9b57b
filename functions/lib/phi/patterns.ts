/**
 * Pattern detectors for the structured Safe Harbor identifiers. Every regex is compiled once at module load and
 * tried only where its trigger (scan.ts) says a match can start; findings go to a sink.
 */
import { isIPv6 } from "net";
import { KEYED_TYPES as PHI_TYPES_BY_KEY, phiTypeOfKey } from "./keys";
import { isDigit, isWordChar } from "./chars";
import { Detector, eachAt, endingGroupStart, labelTrigger, MAX_RUN, sticky, Trigger } from "./scan";
import { PhiType } from "./types";

/** "patient" -> "(?:[Pp]atient|PATIENT)": keywords in three casings while the rest of a regex stays case-sensitive. */
export function kw(word: string): string {
  const first = word[0];
  return `(?:[${first.toUpperCase()}${first.toLowerCase()}]${word.slice(1)}|${word.toUpperCase()})`;
}

/** A digit-run trigger: runs whose length passes `length`, followed by one of `next`. */
function digitsThen(length: (n: number) => boolean, next: string): Trigger {
  return { digits: (n, c) => length(n) && c !== "" && next.includes(c) };
}

/** Where group 1 of `m` starts when it took part, else where the match does. Group 1 must end the match. */
function reportedStart(m: RegExpExecArray): number {
  return m[1] === undefined ? m.index : endingGroupStart(m, 1);
}

/**
 * Reports each match of `re` starting where `trigger` holds: the whole match, or capture group 1 when the regex
 * has one (labels and context stay unmasked; see reportedStart).
 */
function simple(
  type: PhiType,
  trigger: Trigger,
  re: RegExp,
  accept?: (s: string) => boolean,
): Detector {
  const at = sticky(re);
  return {
    type,
    triggers: [trigger],
    detect(text, [starts], sink) {
      eachAt(at, text, starts, (m) => {
        const s = reportedStart(m);
        const e = m.index + m[0].length;
        if (accept === undefined || accept(text.slice(s, e))) {
          sink(type, s, e);
        }
      });
    },
  };
}

/** The ASCII characters of `chars` as a table by code: a lookup per character instead of a string search. */
function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) {
    table[ch.charCodeAt(0)] = 1;
  }
  return table;
}

function inTable(table: Uint8Array, c: number): boolean {
  return c < 128 && table[c] === 1;
}

const LETTERS_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX_DIGITS = "0123456789ABCDEFabcdef";

/**
 * `\b<re>\b` where `re` (sticky) must cover a whole run of word characters whose length passes `length`. `first`
 * lists the characters a match can begin with: most runs fail this before the regex is tried.
 */
function wordShaped(
  type: PhiType,
  length: (n: number) => boolean,
  re: RegExp,
  first: string,
): Detector {
  const firsts = charTable(first);
  return {
    type,
    triggers: [{ wordLength: (n, c) => length(n) && first.includes(c) }],
    detect(text, [starts], sink) {
      for (const s of starts) {
        if (s > 0 && isWordChar(text.charCodeAt(s - 1))) {
          continue;
        }
        let e = s;
        while (e < text.length && isWordChar(text.charCodeAt(e))) {
          e++;
        }
        if (
          inTable(firsts, text.charCodeAt(s)) &&
          length(Math.min(e - s, MAX_RUN)) &&
          length(e - s)
        ) {
          re.lastIndex = s;
          if (re.test(text) && re.lastIndex === e) {
            sink(type, s, e);
          }
        }
      }
    },
  };
}

const MONTH =
  "(?:[Jj]an(?:uary)?|JAN(?:UARY)?|[Ff]eb(?:ruary)?|FEB(?:RUARY)?|[Mm]ar(?:ch)?|MAR(?:CH)?|[Aa]pr(?:il)?|APR(?:IL)?" +
  "|May|MAY|[Jj]un(?:e)?|JUNE?|[Jj]ul(?:y)?|JULY?|[Aa]ug(?:ust)?|AUG(?:UST)?|[Ss]ep(?:t(?:ember)?)?|SEPT?(?:EMBER)?" +
  "|[Oo]ct(?:ober)?|OCT(?:OBER)?|[Nn]ov(?:ember)?|NOV(?:EMBER)?|[Dd]ec(?:ember)?|DEC(?:EMBER)?)";
const ORD = "(?:st|nd|rd|th)?";
const TIME = "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?";

/** Whether the first two numbers of "3/14/2023" can be a month and a day, in either order. */
function plausibleNumericDate(s: string): boolean {
  // Read in place: splitting every match cost more than the regex that found it.
  let i = 0;
  let a = 0;
  for (; isDigit(s.charCodeAt(i)); i++) {
    a = a * 10 + s.charCodeAt(i) - 48;
  }
  let b = 0;
  for (i++; isDigit(s.charCodeAt(i)); i++) {
    b = b * 10 + s.charCodeAt(i) - 48;
  }
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

/** Every spelling of MONTH, as the whole letter run a month date starts with. */
const MONTH_WORDS = [
  "jan",
  "january",
  "feb",
  "february",
  "mar",
  "march",
  "apr",
  "april",
  "may",
  "jun",
  "june",
  "jul",
  "july",
  "aug",
  "august",
  "sep",
  "sept",
  "september",
  "oct",
  "october",
  "nov",
  "november",
  "dec",
  "december",
];
const MONTH_INITIALS = "JjFfMmAaSsOoNnDd";

const MONTH_DAY_RE = /(?<![\d/.])(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])(?![\d/])/y;
const DATE_WORD_BEFORE =
  /\b(?:on|since|from|until|till|through|thru|to|by|dated|before|after|starting|effective|dos|date|admitted|discharged|seen|as of)[ \t]*:?[ \t]*$/i;

/** Month/day without a year collides with ratios (pain 7/10, strength 5/5): only after a word that introduces a date. */
const MONTH_DAY: Detector = {
  type: "DATE",
  triggers: [digitsThen((n) => n <= 2, "/")],
  detect(text, [starts], sink) {
    eachAt(MONTH_DAY_RE, text, starts, (m) => {
      if (DATE_WORD_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) {
        sink("DATE", m.index, m.index + m[0].length);
      }
    });
  },
};

const DATE_DETECTORS: Detector[] = [
  simple(
    "DATE",
    digitsThen((n) => n === 4, "-/."),
    new RegExp(
      `\\b(?:19|20)\\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])${TIME}(?!\\d|\\.\\d)`,
    ),
  ),
  simple(
    "DATE",
    digitsThen((n) => n <= 2, "/.-"),
    /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/.-]\d)\b/,
    plausibleNumericDate,
  ),
  simple(
    "DATE",
    { words: MONTH_WORDS },
    new RegExp(
      `\\b${MONTH}\\.?(?:[ -]\\d{1,2}${ORD}(?:(?:,[ \\t]?|[ -])\\d{4})?|,?[ ](?:of[ ])?\\d{4})\\b`,
    ),
  ),
  simple(
    "DATE",
    digitsThen((n) => n <= 2, "snrt -"),
    new RegExp(`\\b\\d{1,2}${ORD}(?:[ -]|[ ]of[ ])${MONTH}\\.?(?:(?:,?[ ]|-)\\d{4}|-\\d{2})?\\b`),
  ),
  simple(
    "DATE",
    digitsThen((n) => n <= 2, MONTH_INITIALS),
    new RegExp(`\\b\\d{1,2}${MONTH}\\d{2,4}\\b`),
  ),
  MONTH_DAY,
];

const AGE_LABELS = "age|aged";

const AGE_DETECTORS: Detector[] = [
  simple(
    "AGE",
    digitsThen((n) => n === 2 || n === 3, "- yY"),
    /\b(9\d|1[0-1]\d)(?=[- ]?(?:years?\b|yrs?\b|yo\b|y\.o\.|y\/o\b))/i,
  ),
  simple(
    "AGE",
    labelTrigger(AGE_LABELS),
    new RegExp(`\\b(?:${AGE_LABELS})[ \\t]*[:=]?[ \\t]*(9\\d|1[0-1]\\d)\\b`, "i"),
  ),
];

// Phone numbers are one detector so that a fax label turns the same match into FAX instead of double-reporting.
const PHONE_WORDS = ["phone", "tel", "telephone", "cell", "mobile", "pager", "fax", "call"];
const PHONE_RE = new RegExp(
  `(?:\\+1[-. ]?|\\b1[-. ])?(?:\\(\\d{3}\\)[-. ]?|\\b\\d{3}[-. ])\\d{3}[-. ]\\d{4}\\b(?:[ \\t]?(?:x|ext\\.?)[ \\t]?\\d{1,5}\\b)?|\\+[2-9]\\d{0,2}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}(?:[ .-]?\\d{2,4}){1,4}\\b|\\b(?:${PHONE_WORDS.join("|")})\\b[^\\d\\n]{0,12}\\b(\\d{3}[-.]\\d{4}|\\d{10,11})\\b`,
  "iy",
);
const FAX_BEFORE = /\b(?:fax|facsimile)\b[^\d\n]{0,16}$/i;

const PHONE: Detector = {
  type: "PHONE",
  also: ["FAX"],
  triggers: [
    {
      chars: "+(",
      digits: (n, c) => (n === 1 || n === 3) && c !== "" && "-. ".includes(c),
      words: PHONE_WORDS,
    },
  ],
  detect(text, [starts], sink) {
    eachAt(PHONE_RE, text, starts, (m) => {
      const s = reportedStart(m);
      const e = m.index + m[0].length;
      let digits = 0;
      for (let i = s; i < e; i++) {
        const c = text.charCodeAt(i);
        if (isDigit(c)) {
          digits++;
        }
      }
      if (digits < 7 || digits > 15) {
        return;
      }
      const before = text.slice(Math.max(0, s - 24), s);
      sink(FAX_BEFORE.test(before) ? "FAX" : "PHONE", s, e);
    });
  },
};

const EMAIL_LOCAL = charTable(`${LETTERS_DIGITS}._%+'-`);
const EMAIL_DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** Expands around each '@' instead of running a regex from every position: emails are rare, words are not. */
const EMAIL: Detector = {
  type: "EMAIL",
  triggers: [{ chars: "@" }],
  detect(text, [starts], sink) {
    for (const at of starts) {
      if (text.charCodeAt(at) !== 64) {
        continue;
      }
      let s = at;
      while (s > 0 && at - s < 128 && inTable(EMAIL_LOCAL, text.charCodeAt(s - 1))) {
        s--;
      }
      const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 256));
      if (s < at && domain !== null) {
        sink("EMAIL", s, at + 1 + domain[0].length);
      }
    }
  },
};

const TLD =
  "(?:com|org|net|edu|gov|mil|int|io|health|care|us|uk|ca|de|fr|nl|eu|info|biz|me|app|dev)";
const SCHEME_URL_RE = /\b(?:https?|ftp|sftp|file):\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/y;
/** Bare domains are found from their ".tld" and then extended leftwards. */
const TLD_RE = new RegExp(`\\.${TLD}(?![A-Za-z0-9-])`, "y");
const HOST_CHAR = charTable(`${LETTERS_DIGITS}.-`);
const PATH_RE = /[/?#][^\s<>"'`]*/y;

/** Every TLD starts with a lowercase letter: a '.' followed by anything else (a sentence end) cannot start one. */
function isTldStart(text: string, dot: number): boolean {
  const c = text.charCodeAt(dot + 1);
  return c >= 97 && c <= 122;
}

function trimUrl(text: string, start: number, end: number): number {
  while (end > start && ".,;:!?)]}".includes(text[end - 1])) {
    end--;
  }
  return end;
}

const URL: Detector = {
  type: "URL",
  triggers: [{ words: ["http", "https", "ftp", "sftp", "file", "www"] }, { chars: "." }],
  detect(text, [schemes, dots], sink) {
    eachAt(SCHEME_URL_RE, text, schemes, (m) =>
      sink("URL", m.index, trimUrl(text, m.index, m.index + m[0].length)),
    );
    eachAt(
      TLD_RE,
      text,
      dots.filter((d) => isTldStart(text, d)),
      (m) => {
        let s = m.index;
        while (s > 0 && inTable(HOST_CHAR, text.charCodeAt(s - 1))) {
          s--;
        }
        if (s === m.index || text[s] === "." || text[s] === "-") {
          return;
        }
        let e = m.index + m[0].length;
        PATH_RE.lastIndex = e;
        const path = PATH_RE.exec(text);
        if (path !== null) {
          e += path[0].length;
        }
        sink("URL", s, trimUrl(text, s, e));
      },
    );
  },
};

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4_RE = new RegExp(`\\b(?:${OCTET}\\.){3}${OCTET}\\b(?!\\.\\d)`, "y");
/** IPv6 needs two colons close together: found from those and validated by the platform parser. */
const IPV6_SEED = /:[0-9A-Fa-f]{0,4}:/y;
const IPV6_CHAR = charTable(`${HEX_DIGITS}:.`);
/** What IPV6_SEED needs after its first colon; most colons end a label ("BP: 120/80") and have a blank there. */
const SEED_NEXT = charTable(`${HEX_DIGITS}:`);

const IP: Detector = {
  type: "IP",
  triggers: [digitsThen((n) => n <= 3, "."), { chars: ":" }],
  detect(text, [octets, colons], sink) {
    eachAt(IPV4_RE, text, octets, (m) => sink("IP", m.index, m.index + m[0].length));
    let free = 0;
    for (const colon of colons) {
      if (colon < free || !inTable(SEED_NEXT, text.charCodeAt(colon + 1))) {
        continue;
      }
      IPV6_SEED.lastIndex = colon;
      const m = IPV6_SEED.exec(text);
      if (m === null) {
        continue;
      }
      let s = m.index;
      while (s > 0 && inTable(IPV6_CHAR, text.charCodeAt(s - 1))) {
        s--;
      }
      let e = m.index + m[0].length;
      while (e < text.length && inTable(IPV6_CHAR, text.charCodeAt(e))) {
        e++;
      }
      free = e;
      if (s > 0 && /\w/.test(text[s - 1])) {
        continue;
      }
      while (e > s && text[e - 1] === ".") {
        e--;
      }
      let zone = e;
      if (text[zone] === "%") {
        zone++;
        while (zone < text.length && /\w/.test(text[zone])) {
          zone++;
        }
      }
      if (!/\w/.test(text[zone] ?? "") && isIPv6(text.slice(s, e))) {
        sink("IP", s, zone);
      }
    }
  },
};

const MAC_RE = /[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b/y;

/**
 * A MAC address starts with a run of two word characters followed by its first separator: found from the
 * separators, far fewer than two-character runs. Every match is reported, overlapping ones too.
 */
const MAC_ADDRESS: Detector = {
  type: "DEVICE",
  triggers: [{ chars: ":-" }],
  detect(text, [separators], sink) {
    for (const at of separators) {
      const s = at - 2;
      if (
        s >= 0 &&
        isWordChar(text.charCodeAt(s)) &&
        isWordChar(text.charCodeAt(s + 1)) &&
        (s === 0 || !isWordChar(text.charCodeAt(s - 1)))
      ) {
        MAC_RE.lastIndex = s;
        if (MAC_RE.test(text)) {
          sink("DEVICE", s, MAC_RE.lastIndex);
        }
      }
    }
  },
};

/** An identifier value: at least 3 characters, at least one digit. */
const ID_VALUE = "((?=[A-Za-z-]*\\d)[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9](?:[ -]\\d{2,}(?![\\d.]))?)";
const LABEL_TAIL = "[ \\t]*(?:(?:number|no\\.?|num\\.?|nbr|#|id|is|of)[ \\t]*)*[:#=.-]?[ \\t]*";

/** `labels` (alternatives of a regex) followed by a value; the trigger is derived from the labels. */
function labelled(type: PhiType, labels: string, value = ID_VALUE): Detector {
  return simple(
    type,
    labelTrigger(labels),
    new RegExp(`\\b(?:${labels})(?![A-Za-z])${LABEL_TAIL}${value}`, "i"),
  );
}

/**
 * Labels followed by an identifier of the same shape, in priority order, scanned as one regex: at any position
 * the first label that matches decides the category ("patient ID" is an MRN, not a generic ID). The trigger is
 * derived from the labels (labelTrigger).
 */
const ID_LABELS: ReadonlyArray<[PhiType, string]> = [
  [
    "MRN",
    "mrn|medical record|med(?:ical)? rec(?:ord)?|mr(?=[ \\t]*(?:#|no\\b|number))|chart|hospital(?= number| no\\b| #)|unit number|patient id|pt id|emr(?: id)?|ehr(?: id)?",
  ],
  [
    "HEALTH_PLAN",
    "member(?=[ \\t]*(?:id|#|no\\b|number))|subscriber|policy|insurance(?: id| member)?|medicare(?: beneficiary)?(?: id| mbi)?|medicaid(?: id)?|mbi|health plan(?: beneficiary)?|beneficiary|group(?=[ \\t]*(?:#|no\\b|number))|plan(?=[ \\t]*(?:id|#|number))|payer id|hicn",
  ],
  [
    "ACCOUNT",
    "acct|account|billing(?= id| #| number)|encounter(?= id| #| number| no\\b)|visit(?= id| #| number| no\\b)|fin|invoice|guarantor(?= id| #| number)|iban|routing",
  ],
  [
    "LICENSE",
    "licen[cs]e(?![ \\t]*plate)|lic\\.?|dea|npi|certificate|cert\\.?|driver's licen[cs]e|drivers licen[cs]e|dl|board certification|registration(?= #| number| no\\b)|permit",
  ],
  [
    "DEVICE",
    "serial|s/n|sn|device(?: id| identifier| serial| udi)?|udi|imei|pacemaker(?: serial| id)?|implant(?: serial| id)?|model(?= #| number| no\\b)|lot(?= #| number| no\\b)|pump(?= id| serial| #)|monitor(?= id| serial| #)",
  ],
  [
    "ID",
    "id|identifier|(?:case|claim|reference|ref|order|requisition|confirmation|ticket|sample|record|employee|badge|student|passport|member)(?=[ \\t]*(?:id|#|no\\b|number))|specimen|accession|passport|barcode",
  ],
];
const ID_LABEL_RE = new RegExp(
  `\\b(?:${ID_LABELS.map(([, labels]) => `(${labels})`).join("|")})(?![A-Za-z])${LABEL_TAIL}${ID_VALUE}`,
  "iy",
);

const LABELLED_IDS: Detector = {
  type: "ID",
  also: ID_LABELS.map(([type]) => type),
  triggers: [labelTrigger(ID_LABELS.map(([, labels]) => labels).join("|"))],
  detect(text, [starts], sink) {
    eachAt(ID_LABEL_RE, text, starts, (m) => {
      let label = 0;
      while (m[label + 1] === undefined) {
        label++;
      }
      // The value ends the match.
      sink(ID_LABELS[label][0], endingGroupStart(m, ID_LABELS.length + 1), m.index + m[0].length);
    });
  },
};

const LABELLED: Detector[] = [
  LABELLED_IDS,
  labelled(
    "SSN",
    "ssn|ss#|social security(?: card)?|social sec\\.?",
    "(\\d{3}[- ]?\\d{2}[- ]?\\d{4})\\b",
  ),
  simple(
    "SSN",
    digitsThen((n) => n === 3, "- "),
    /\b\d{3}-\d{2}-\d{4}\b|\b\d{3} \d{2} \d{4}\b/,
  ),
  wordShaped(
    "HEALTH_PLAN",
    (n) => n === 11,
    /[1-9][AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y0-9]\d[AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y0-9]\d[AC-HJKMNP-RT-Yac-hjkmnp-rt-y]{2}\d{2}/y,
    "123456789",
  ),
  wordShaped("LICENSE", (n) => n === 9, /[ABFGMPRX][A-Z]\d{7}/y, "ABFGMPRX"),
  labelled(
    "VEHICLE",
    "licen[cs]e plate|plate|tag(?= #| number| no\\b)|vin|vehicle id(?:entification)?",
    "((?=[A-Za-z -]*\\d)[A-Za-z0-9]{1,4}[ -]?[A-Za-z0-9]{1,13})\\b",
  ),
  wordShaped(
    "VEHICLE",
    (n) => n === 17,
    /(?=[A-Z]*\d)(?=\d*[A-Z])[A-HJ-NPR-Z0-9]{17}/y,
    "ABCDEFGHJKLMNPRSTUVWXYZ0123456789",
  ),
  simple("DEVICE", { chars: "(" }, /\(01\)\d{14}(?:\(\d{2}\)[A-Za-z0-9]+)*/),
  MAC_ADDRESS,
  wordShaped("ID", (n) => n >= 8, /\d+/y, "0123456789"),
];

/** `"name": "Ada Byron"` or `"ssn": 123456789` quoted in text (serialised payloads, error messages). */
const JSON_PAIR_RE =
  /"([A-Za-z_][\w-]{0,40})"[ \t]*:[ \t]*(?:"((?:[^"\\\n]|\\.){1,500})"|(-?\d[\d.]*))/y;

const JSON_PAIRS: Detector = {
  type: "ID",
  also: PHI_TYPES_BY_KEY,
  triggers: [{ chars: '"' }],
  detect(text, [starts], sink) {
    eachAt(JSON_PAIR_RE, text, starts, (m) => {
      const type = phiTypeOfKey(m[1]);
      const value = m[2] ?? m[3];
      if (type !== undefined && (type !== "AGE" || Number(value) > 89)) {
        // The value ends the match, but for the closing quote of a string.
        const e = m.index + m[0].length - (m[2] === undefined ? 0 : 1);
        sink(type, e - value.length, e);
      }
    });
  },
};

export const PATTERN_DETECTORS: ReadonlyArray<Detector> = [
  ...DATE_DETECTORS,
  ...AGE_DETECTORS,
  PHONE,
  EMAIL,
  URL,
  IP,
  ...LABELLED,
  JSON_PAIRS,
];
