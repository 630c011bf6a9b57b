/**
 * Pattern detectors for the structured Safe Harbor identifiers. Every regex is compiled once at module load;
 * each detector makes one pass over the text and reports spans through a sink.
 */
import { isIPv6 } from "net";
import { KEYED_TYPES as PHI_TYPES_BY_KEY, phiTypeOfKey } from "./keys";
import { PhiType, Sink } from "./types";

export interface Detector {
  readonly type: PhiType;
  /** Extra categories this detector can report besides `type` (phone numbers labelled as fax). */
  readonly also?: ReadonlyArray<PhiType>;
  readonly detect: (text: string, sink: Sink) => void;
}

/** "patient" -> "(?:[Pp]atient|PATIENT)": keywords in three casings while the rest of a regex stays case-sensitive. */
export function kw(word: string): string {
  const first = word[0];
  return `(?:[${first.toUpperCase()}${first.toLowerCase()}]${word.slice(1)}|${word.toUpperCase()})`;
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    fn(m);
    if (m[0].length === 0) {
      re.lastIndex++;
    }
  }
}

/**
 * Reports the whole match, or capture group 1 when the regex has one (labels and context stay unmasked). `need`,
 * a cheap test that every match implies, skips the scan of texts that cannot match.
 */
function simple(
  type: PhiType,
  re: RegExp,
  accept?: (s: string) => boolean,
  need?: { test(text: string): boolean },
): Detector {
  return {
    type,
    detect(text, sink) {
      if (need !== undefined && !need.test(text)) {
        return;
      }
      each(re, text, (m) => {
        const idx = m.indices?.[1];
        const [s, e] = idx ?? [m.index, m.index + m[0].length];
        if (accept === undefined || accept(text.slice(s, e))) {
          sink(type, s, e);
        }
      });
    },
  };
}

/**
 * Maximal runs of word characters ([A-Za-z0-9_], what `\b` separates), found once per text by a character loop:
 * identifiers bounded by `\b` on both sides are whole runs, so a run's length rules most of them out at once.
 */
let runsOf = "";
let runs: number[] = [];

function wordRuns(text: string): number[] {
  if (text === runsOf) {
    return runs;
  }
  const out: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (word) {
      if (start < 0) {
        start = i;
      }
    } else if (start >= 0) {
      out.push(start, i);
      start = -1;
    }
  }
  if (start >= 0) {
    out.push(start, text.length);
  }
  runsOf = text;
  runs = out;
  return out;
}

/**
 * `\b<re>\b` where `re` (sticky) must cover a whole run of word characters whose length passes `length`; with
 * `wholeRun` false, `re` starts at such a run and reports its own extent.
 */
function wordShaped(
  type: PhiType,
  length: (n: number) => boolean,
  re: RegExp,
  wholeRun = true,
): Detector {
  return {
    type,
    detect(text, sink) {
      const r = wordRuns(text);
      for (let i = 0; i < r.length; i += 2) {
        const s = r[i];
        const e = r[i + 1];
        if (length(e - s)) {
          re.lastIndex = s;
          if (re.test(text) && (!wholeRun || re.lastIndex === e)) {
            sink(type, s, re.lastIndex);
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

function plausibleNumericDate(s: string): boolean {
  const parts = s.split(/[/.-]/).map(Number);
  const [a, b] = parts;
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

const MONTH_DAY_RE = /(?<![\d/.])(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])(?![\d/])/g;
/**
 * Every spelling of MONTH starts with one of these, in some casing: texts without any cannot hold a month date.
 * Three detectors ask in a row about the same text, so the last answer is kept.
 */
const MONTH_HINT_RE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
let monthHintOf: string | undefined;
let monthHint = false;
const MONTH_HINT = {
  test(text: string): boolean {
    if (text !== monthHintOf) {
      monthHint = MONTH_HINT_RE.test(text);
      monthHintOf = text;
    }
    return monthHint;
  },
};
const DATE_WORD_BEFORE =
  /\b(?:on|since|from|until|till|through|thru|to|by|dated|before|after|starting|effective|dos|date|admitted|discharged|seen|as of)[ \t]*:?[ \t]*$/i;

/** Month/day without a year collides with ratios (pain 7/10, strength 5/5): only after a word that introduces a date. */
const MONTH_DAY: Detector = {
  type: "DATE",
  detect(text, sink) {
    each(MONTH_DAY_RE, text, (m) => {
      if (DATE_WORD_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) {
        sink("DATE", m.index, m.index + m[0].length);
      }
    });
  },
};

const DATE_DETECTORS: Detector[] = [
  simple(
    "DATE",
    new RegExp(
      `\\b(?:19|20)\\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])${TIME}(?!\\d|\\.\\d)`,
      "g",
    ),
  ),
  simple("DATE", /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/.-]\d)\b/g, plausibleNumericDate),
  simple(
    "DATE",
    new RegExp(
      `\\b${MONTH}\\.?(?:[ -]\\d{1,2}${ORD}(?:(?:,[ \\t]?|[ -])\\d{4})?|,?[ ](?:of[ ])?\\d{4})\\b`,
      "g",
    ),
    undefined,
    MONTH_HINT,
  ),
  simple(
    "DATE",
    new RegExp(
      `\\b\\d{1,2}${ORD}(?:[ -]|[ ]of[ ])${MONTH}\\.?(?:(?:,?[ ]|-)\\d{4}|-\\d{2})?\\b`,
      "g",
    ),
    undefined,
    MONTH_HINT,
  ),
  simple("DATE", new RegExp(`\\b\\d{1,2}${MONTH}\\d{2,4}\\b`, "g"), undefined, MONTH_HINT),
  MONTH_DAY,
];

const AGE_DETECTORS: Detector[] = [
  simple("AGE", /\b(9\d|1[0-1]\d)(?=[- ]?(?:years?\b|yrs?\b|yo\b|y\.o\.|y\/o\b))/dgi),
  simple("AGE", /\b(?:age|aged)[ \t]*[:=]?[ \t]*(9\d|1[0-1]\d)\b/dgi),
];

// Phone numbers are one detector so that a fax label turns the same match into FAX instead of double-reporting.
const PHONE_RE =
  /(?:\+1[-. ]?|\b1[-. ])?(?:\(\d{3}\)[-. ]?|\b\d{3}[-. ])\d{3}[-. ]\d{4}\b(?:[ \t]?(?:x|ext\.?)[ \t]?\d{1,5}\b)?|\+[2-9]\d{0,2}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}\b|\b(?:phone|tel|telephone|cell|mobile|pager|fax|call)\b[^\d\n]{0,12}\b(\d{3}[-.]\d{4}|\d{10,11})\b/dgi;
/** Each alternative of PHONE_RE holds a '+', or three digits, a separator and four digits, or ten digits. */
const PHONE_HINT = /\+|\d{3}[-. ]\d{4}|\d{10}/;
const FAX_BEFORE = /\b(?:fax|facsimile)\b[^\d\n]{0,16}$/i;

const PHONE: Detector = {
  type: "PHONE",
  also: ["FAX"],
  detect(text, sink) {
    if (!PHONE_HINT.test(text)) {
      return;
    }
    each(PHONE_RE, text, (m) => {
      const [s, e] = m.indices?.[1] ?? [m.index, m.index + m[0].length];
      const digits = text.slice(s, e).replace(/\D/g, "").length;
      if (digits < 7 || digits > 15) {
        return;
      }
      const before = text.slice(Math.max(0, s - 24), s);
      sink(FAX_BEFORE.test(before) ? "FAX" : "PHONE", s, e);
    });
  },
};

const EMAIL_LOCAL = /[A-Za-z0-9._%+'-]/;
const EMAIL_DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** Expands around each '@' instead of running a regex from every position: emails are rare, words are not. */
const EMAIL: Detector = {
  type: "EMAIL",
  detect(text, sink) {
    let at = text.indexOf("@");
    while (at !== -1) {
      let s = at;
      while (s > 0 && at - s < 128 && EMAIL_LOCAL.test(text[s - 1])) {
        s--;
      }
      const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 256));
      if (s < at && domain !== null) {
        sink("EMAIL", s, at + 1 + domain[0].length);
      }
      at = text.indexOf("@", at + 1);
    }
  },
};

const TLD =
  "(?:com|org|net|edu|gov|mil|int|io|health|care|us|uk|ca|de|fr|nl|eu|info|biz|me|app|dev)";
const SCHEME_URL_RE = /\b(?:https?|ftp|sftp|file):\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/g;
/** Bare domains are found from their ".tld" (a literal, so the scan is fast) and then extended leftwards. */
const TLD_RE = new RegExp(`\\.${TLD}(?![A-Za-z0-9-])`, "g");
const HOST_CHAR = /[A-Za-z0-9.-]/;
const PATH_RE = /[/?#][^\s<>"'`]*/y;

function trimUrl(text: string, start: number, end: number): number {
  while (end > start && ".,;:!?)]}".includes(text[end - 1])) {
    end--;
  }
  return end;
}

const URL: Detector = {
  type: "URL",
  detect(text, sink) {
    if (text.includes("://") || text.includes("www.")) {
      each(SCHEME_URL_RE, text, (m) =>
        sink("URL", m.index, trimUrl(text, m.index, m.index + m[0].length)),
      );
    }
    each(TLD_RE, text, (m) => {
      let s = m.index;
      while (s > 0 && HOST_CHAR.test(text[s - 1])) {
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
    });
  },
};

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4_RE = new RegExp(`\\b(?:${OCTET}\\.){3}${OCTET}\\b(?!\\.\\d)`, "g");
const IPV4_HINT = /\d\.\d/;
/** IPv6 needs two colons close together: found from those (literal, fast) and validated by the platform parser. */
const IPV6_SEED = /:[0-9A-Fa-f]{0,4}:/g;
const IPV6_CHAR = /[0-9A-Fa-f:.]/;

const IP: Detector = {
  type: "IP",
  detect(text, sink) {
    if (IPV4_HINT.test(text)) {
      each(IPV4_RE, text, (m) => sink("IP", m.index, m.index + m[0].length));
    }
    IPV6_SEED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = IPV6_SEED.exec(text)) !== null) {
      let s = m.index;
      while (s > 0 && IPV6_CHAR.test(text[s - 1])) {
        s--;
      }
      let e = m.index + m[0].length;
      while (e < text.length && IPV6_CHAR.test(text[e])) {
        e++;
      }
      IPV6_SEED.lastIndex = e;
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

/** An identifier value: at least 3 characters, at least one digit. */
const ID_VALUE = "((?=[A-Za-z-]*\\d)[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9](?:[ -]\\d{2,}(?![\\d.]))?)";
const LABEL_TAIL = "[ \\t]*(?:(?:number|no\\.?|num\\.?|nbr|#|id|is|of)[ \\t]*)*[:#=.-]?[ \\t]*";

function labelled(type: PhiType, labels: string, value = ID_VALUE): Detector {
  return simple(type, new RegExp(`\\b(?:${labels})(?![A-Za-z])${LABEL_TAIL}${value}`, "dgi"));
}

/**
 * Labels followed by an identifier of the same shape, in priority order, scanned as one regex: at any position
 * the first label that matches decides the category ("patient ID" is an MRN, not a generic ID).
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
    "licen[cs]e(?![ \\t]*plate)|lic\\.?|dea|npi|certificate|cert\\.?|driver'?s licen[cs]e|dl|board certification|registration(?= #| number| no\\b)|permit",
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
  "dgi",
);

const LABELLED_IDS: Detector = {
  type: "ID",
  also: ID_LABELS.map(([type]) => type),
  detect(text, sink) {
    each(ID_LABEL_RE, text, (m) => {
      const label = ID_LABELS.findIndex((_, i) => m[i + 1] !== undefined);
      const [s, e] = m.indices![ID_LABELS.length + 1];
      sink(ID_LABELS[label][0], s, e);
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
  simple("SSN", /\b\d{3}-\d{2}-\d{4}\b|\b\d{3} \d{2} \d{4}\b/g),
  wordShaped(
    "HEALTH_PLAN",
    (n) => n === 11,
    /[1-9][AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y0-9]\d[AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y0-9]\d[AC-HJKMNP-RT-Yac-hjkmnp-rt-y]{2}\d{2}/y,
  ),
  wordShaped("LICENSE", (n) => n === 9, /[ABFGMPRX][A-Z]\d{7}/y),
  labelled(
    "VEHICLE",
    "licen[cs]e plate|plate|tag(?= #| number| no\\b)|vin|vehicle id(?:entification)?",
    "((?=[A-Za-z -]*\\d)[A-Za-z0-9]{1,4}[ -]?[A-Za-z0-9]{1,13})\\b",
  ),
  wordShaped("VEHICLE", (n) => n === 17, /(?=[A-Z]*\d)(?=\d*[A-Z])[A-HJ-NPR-Z0-9]{17}/y),
  simple("DEVICE", /\(01\)\d{14}(?:\(\d{2}\)[A-Za-z0-9]+)*/g),
  // A MAC address starts with a two-character run (the separators are not word characters).
  wordShaped("DEVICE", (n) => n === 2, /[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b/y, false),
  wordShaped("ID", (n) => n >= 8, /\d+/y),
];

/** `"name": "Ada Byron"` or `"ssn": 123456789` quoted in text (serialised payloads, error messages). */
const JSON_PAIR_RE =
  /"([A-Za-z_][\w-]{0,40})"[ \t]*:[ \t]*(?:"((?:[^"\\\n]|\\.){1,500})"|(-?\d[\d.]*))/dg;

const JSON_PAIRS: Detector = {
  type: "ID",
  also: PHI_TYPES_BY_KEY,
  detect(text, sink) {
    if (!text.includes('"')) {
      return;
    }
    each(JSON_PAIR_RE, text, (m) => {
      const type = phiTypeOfKey(m[1]);
      const idx = m.indices?.[2] ?? m.indices?.[3];
      if (
        type !== undefined &&
        idx !== undefined &&
        (type !== "AGE" || Number(m[3] ?? m[2]) > 89)
      ) {
        sink(type, idx[0], idx[1]);
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
