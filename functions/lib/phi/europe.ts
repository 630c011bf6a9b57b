/**
 * European identifiers and formats: national identifiers with their check digits, identifiers after labels in
 * German, French, Spanish, Italian, Dutch and English, national phone numbers, written dates, ages over 89,
 * street addresses, postcodes and residence phrases. Detectors read the folded view (chars.ts): accents are
 * composed, spaces and digits are ASCII. Each detector declares its trigger once, next to its regex, through
 * `rule`; the words of labels and keywords are listed once and both the regex and the trigger are built from
 * them.
 */
import {
  validBsn,
  validCodiceFiscale,
  validDniNie,
  validIban,
  validKvnr,
  validNhs,
  validNir,
  validPpsn,
} from "./checks";
import { isDigit, isLetter, isUpper, isWordChar, LETTER, LOWER, UPPER } from "./chars";
import { EUROPE } from "./gazetteer";
import { Detector, eachAt, Trigger } from "./scan";
import { PhiType, Sink } from "./types";

/** "sécurité sociale" -> a regex source matching it in any case, with any run of blanks between words. */
export function ci(phrase: string): string {
  let out = "";
  for (const ch of phrase) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (ch === " ") {
      out += "[ \\t]+";
    } else if (lo !== up && lo.length === 1 && up.length === 1) {
      out += `[${lo}${up}]`;
    } else {
      out += ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    }
  }
  return out;
}

/** The ASCII letter run a phrase starts with, lowercased ("sécurité" -> "s"): the word its trigger waits for. */
export function leadingRun(phrase: string): string {
  return (/^[A-Za-z]*/.exec(phrase) ?? [""])[0].toLowerCase();
}

/** Trigger words for phrases: the leading runs that are not empty. */
function wordsOf(phrases: ReadonlyArray<string>): string[] {
  return [...new Set(phrases.map(leadingRun).filter((w) => w.length > 0))];
}

/** Whether the digit run at `at` has the shape `shape` wants: its length and the ASCII character after it. */
function digitShape(
  text: string,
  at: number,
  shape: (n: number, next: string) => boolean,
): boolean {
  let end = at;
  while (end < text.length && isDigit(text.charCodeAt(end))) {
    end++;
  }
  return shape(end - at, end < text.length && text.charCodeAt(end) < 128 ? text[end] : "");
}

/**
 * A detector from one sticky regex: what it reports is decided by `report` for each match. `quick`, when given, is
 * a cheap test of a character or two at a start, tried before the regex.
 *
 * A trigger on digit runs alone is a shape the detector requires, not only a hint: the scan hands the detector the
 * runs of that shape, and the detector checks the shape again at every start it is handed (`digitShape`), so what
 * it finds does not depend on the positions it is tried at. The trigger is thus a necessary condition by
 * construction, and triggers.test.ts, which also tries every detector at every position, compares like with like.
 */
function rule(
  type: PhiType,
  trigger: Trigger,
  re: RegExp,
  report: (m: RegExpExecArray, text: string, sink: Sink) => void,
  also?: ReadonlyArray<PhiType>,
  quick?: (text: string, at: number) => boolean,
): Detector {
  const at = new RegExp(re.source, re.flags.replace("g", "") + "y");
  const shape = Object.keys(trigger).length === 1 ? trigger.digits : undefined;
  const accept =
    shape === undefined
      ? quick
      : (text: string, s: number) =>
          digitShape(text, s, shape) && (quick === undefined || quick(text, s));
  return {
    type,
    also,
    triggers: [trigger],
    detect(text, [starts], sink) {
      eachAt(at, text, starts, (m) => report(m, text, sink), accept);
    },
  };
}

const isCapital = (c: number): boolean => c >= 65 && c <= 90;

/** Reports group `g` (which must end the match) as `type`. */
function tail(type: PhiType, g = 1) {
  return (m: RegExpExecArray, _text: string, sink: Sink) => {
    if (m[g] !== undefined) {
      const end = m.index + m[0].length;
      sink(type, end - m[g].length, end);
    }
  };
}

function whole(type: PhiType, valid?: (s: string) => boolean) {
  return (m: RegExpExecArray, _text: string, sink: Sink) => {
    if (valid === undefined || valid(m[0])) {
      sink(type, m.index, m.index + m[0].length);
    }
  };
}

const NOT_AFTER = "(?![A-Za-z0-9\\u00C0-\\u00FF])";
const NOT_BEFORE = "(?<![A-Za-z0-9\\u00C0-\\u00FF])";

// ---------------------------------------------------------------------------------------------------------------
// Identifiers after a label
// ---------------------------------------------------------------------------------------------------------------

/**
 * Labels of identifiers in the six languages, by category, in priority order: at one position the first category
 * whose label matches decides. Written lowercase; any case matches.
 */
export const EU_ID_LABELS: ReadonlyArray<readonly [PhiType, ReadonlyArray<string>]> = [
  [
    "MRN",
    [
      "fallnummer",
      "fall-nr",
      "patientennummer",
      "patienten-nr",
      "patienten-id",
      "aufnahmenummer",
      "ipp",
      "n° de dossier",
      "numéro de dossier",
      "dossier",
      "nda",
      "nhc",
      "historia clínica",
      "número de historia",
      "cartella clinica",
      "n. cartella",
      "nosologico",
      "patiëntnummer",
      "patientnummer",
      "ziekenhuisnummer",
      "hospital no",
      "hospital number",
      "hospital num",
      "unit no",
    ],
  ],
  [
    "HEALTH_PLAN",
    [
      "krankenversichertennummer",
      "versichertennummer",
      "versicherten-nr",
      "kvnr",
      "carte vitale",
      "tarjeta sanitaria individual",
      "tarjeta sanitaria",
      "tsi",
      "cip",
      "tessera sanitaria",
      "nhs number",
      "nhs no",
      "nhs",
      "chi number",
      "chi no",
      "ihi",
      "polisnummer",
      "verzekerdennummer",
    ],
  ],
  [
    "SSN",
    [
      "n° de sécurité sociale",
      "numéro de sécurité sociale",
      "sécurité sociale",
      "nir",
      "insee",
      "bsn",
      "burgerservicenummer",
      "ppsn",
      "pps number",
      "pps no",
      "national insurance number",
      "national insurance no",
      "sozialversicherungsnummer",
      "sv-nummer",
      "rentenversicherungsnummer",
      "nuss",
      "seguridad social",
      "naf",
    ],
  ],
  [
    "ID",
    [
      "dni",
      "nie",
      "nif",
      "codice fiscale",
      "cod. fisc.",
      "c.f.",
      "personalausweis",
      "ausweisnummer",
      "ausweis-nr",
      "carte d'identité",
      "cni",
      "passeport",
      "reisepass",
      "paspoort",
      "pasaporte",
      "passaporto",
      "carta d'identità",
      "identiteitskaart",
      "steuer-id",
      "steueridentifikationsnummer",
    ],
  ],
  [
    "ACCOUNT",
    [
      "iban",
      "kontonummer",
      "konto-nr",
      "numéro de compte",
      "número de cuenta",
      "conto corrente",
      "rekeningnummer",
      "account no",
    ],
  ],
  [
    "LICENSE",
    [
      "lanr",
      "bsnr",
      "efn",
      "rpps",
      "adeli",
      "número de colegiado",
      "colegiado",
      "ordine dei medici",
      "iscrizione albo",
      "big-nummer",
      "big-registratie",
      "big",
      "agb-code",
      "agb",
      "gmc number",
      "gmc no",
      "gmc",
      "imc number",
      "imc no",
      "imc",
      "nmc pin",
      "nmc",
    ],
  ],
  [
    "VEHICLE",
    [
      "amtliches kennzeichen",
      "kfz-kennzeichen",
      "kennzeichen",
      "immatriculée",
      "immatriculé",
      "immatriculation",
      "plaque",
      "matrícula del vehículo",
      "matrícula",
      "targa",
      "kenteken",
      "vehicle registration",
      "registration plate",
      "number plate",
      "reg no",
    ],
  ],
];

/** What may stand between a label and its value: "Nr.", "n°", "number", a colon... */
const LABEL_GAP =
  "\\.?[ \\t-]*(?:(?:[nN][°ºr.o]\\.?|[nN]r\\.?|[nN]o\\.?|[nN]\\.|[nN]ummer|[nN]umber|[nN]uméro|[nN]úmero|[nN]umero|#)[ \\t]*)?(?:[:#=]|[nN]\\.)?[ \\t]*";
/**
 * An identifier value: letters in capitals and digits, in groups joined by '.', '/', '-' or a single blank
 * before a short group; at least one digit. It stops at a lowercase word, a comma, a bracket, a sentence end.
 */
const ID_VALUE = `((?=[A-Z0-9 ./-]{0,48}\\d)[A-Z0-9]+(?:(?:[/-]|\\.(?=[A-Z0-9])|[ ](?=[A-Z0-9]{1,6}(?![${LETTER}])))[A-Z0-9]+){0,9})(?![${LOWER}])`;

/**
 * One sticky regex per trigger word: the labels whose first letter run is that word, each in a group of its own
 * (`types` gives each group's category), then the gap and the value. A label is thus tried only where its own
 * first word stands, not as one alternative among every label's.
 */
const ID_LABELS_BY_WORD: ReadonlyMap<string, { re: RegExp; types: PhiType[] }> = (() => {
  const byWord = new Map<string, Array<[PhiType, string]>>();
  for (const [type, labels] of EU_ID_LABELS) {
    for (const label of labels) {
      const word = leadingRun(label);
      byWord.set(word, [...(byWord.get(word) ?? []), [type, label]]);
    }
  }
  const out = new Map<string, { re: RegExp; types: PhiType[] }>();
  for (const [word, labels] of byWord) {
    const re = new RegExp(
      `${NOT_BEFORE}(?:${labels.map(([, label]) => `(${ci(label)})`).join("|")})(?![${LETTER}])${LABEL_GAP}${ID_VALUE}`,
      "y",
    );
    out.set(word, { re, types: labels.map(([type]) => type) });
  }
  return out;
})();

/** The ASCII letter run at `at`, lowercased. */
function runAt(text: string, at: number): string {
  let end = at;
  while (end < text.length && ((text.charCodeAt(end) | 32) - 97) >>> 0 < 26) {
    end++;
  }
  return text.slice(at, end).toLowerCase();
}

const LABELLED_IDS: Detector = {
  type: "ID",
  also: EU_ID_LABELS.map(([type]) => type),
  triggers: [{ words: [...ID_LABELS_BY_WORD.keys()] }],
  detect(text, [starts], sink) {
    let free = 0;
    for (const at of starts) {
      const entry = at < free ? undefined : ID_LABELS_BY_WORD.get(runAt(text, at));
      if (entry === undefined) {
        continue;
      }
      entry.re.lastIndex = at;
      const m = entry.re.exec(text);
      if (m === null) {
        continue;
      }
      let label = 0;
      while (m[label + 1] === undefined) {
        label++;
      }
      const value = m[entry.types.length + 1];
      const end = m.index + m[0].length;
      sink(entry.types[label], end - value.length, end);
      free = end;
    }
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Identifiers by shape and check digits
// ---------------------------------------------------------------------------------------------------------------

const CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * IBANs: two capitals, two check digits, then the account in groups of four or written through. Found from the
 * digit run after the country (followed by a blank or a capital, or of 13 digits or more when the account is all
 * digits), so that no capitalised word has to be looked at.
 */
const IBAN_RE = new RegExp(
  `${NOT_BEFORE}[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?${NOT_AFTER}`,
  "y",
);

/** The digit run after an IBAN's country: followed by a blank or a capital, or 13 digits or more. */
const IBAN_RUN = (n: number, c: string): boolean =>
  (n >= 2 && (c === " " || CAPITALS.includes(c))) || n >= 13;

const IBAN: Detector = {
  type: "ACCOUNT",
  triggers: [{ digits: IBAN_RUN }],
  detect(text, [digitRuns], sink) {
    const starts: number[] = [];
    for (const at of digitRuns) {
      if (
        at >= 2 &&
        isCapital(text.charCodeAt(at - 1)) &&
        isCapital(text.charCodeAt(at - 2)) &&
        digitShape(text, at, IBAN_RUN)
      ) {
        starts.push(at - 2);
      }
    }
    eachAt(IBAN_RE, text, starts, (m) => {
      if (validIban(m[0])) {
        sink("ACCOUNT", m.index, m.index + m[0].length);
      }
    });
  },
};

const CHECKED: Detector[] = [
  IBAN,
  rule(
    "HEALTH_PLAN",
    { wordLength: (n, c) => n === 10 && CAPITALS.includes(c) },
    new RegExp(`${NOT_BEFORE}[A-Z]\\d{9}${NOT_AFTER}`),
    whole("HEALTH_PLAN", validKvnr),
    undefined,
    (text, at) => isDigit(text.charCodeAt(at + 1)),
  ),
  rule(
    "ID",
    { wordLength: (n, c) => n === 16 && CAPITALS.includes(c) },
    new RegExp(
      `${NOT_BEFORE}[A-Z]{6}[\\dLMNPQRSTUV]{2}[A-EHLMPR-T][\\dLMNPQRSTUV]{2}[A-Z][\\dLMNPQRSTUV]{3}[A-Z]${NOT_AFTER}`,
    ),
    whole("ID", validCodiceFiscale),
  ),
  rule(
    "ID",
    { digits: (n) => n === 8 || n === 7 },
    new RegExp(`${NOT_BEFORE}\\d{8}[ -]?[A-Z]${NOT_AFTER}`),
    whole("ID", validDniNie),
  ),
  rule(
    "ID",
    { words: ["x", "y", "z"] },
    new RegExp(`${NOT_BEFORE}[XYZ][ -]?\\d{7}[ -]?[A-Z]${NOT_AFTER}`),
    whole("ID", validDniNie),
  ),
  rule(
    "SSN",
    { digits: (n, c) => (n === 1 && c === " ") || n === 15 || n === 13 },
    new RegExp(
      `${NOT_BEFORE}[12][ ]?\\d{2}[ ]?\\d{2}[ ]?(?:\\d{2}|2[AB])[ ]?\\d{3}[ ]?\\d{3}[ ]?\\d{2}${NOT_AFTER}`,
    ),
    whole("SSN", validNir),
    undefined,
    (text, at) => text[at] === "1" || text[at] === "2",
  ),
  rule(
    "SSN",
    { digits: (n, c) => n === 9 || (n === 3 && c === ".") },
    new RegExp(`${NOT_BEFORE}(?:\\d{9}|\\d{3}\\.\\d{3}\\.\\d{3})${NOT_AFTER}`),
    whole("SSN", validBsn),
  ),
  rule(
    "HEALTH_PLAN",
    { digits: (n, c) => n === 10 || (n === 3 && (c === " " || c === "-")) },
    new RegExp(`${NOT_BEFORE}\\d{3}[ -]?\\d{3}[ -]?\\d{4}${NOT_AFTER}`),
    whole("HEALTH_PLAN", validNhs),
  ),
  rule(
    "SSN",
    { digits: (n) => n === 7 },
    new RegExp(`${NOT_BEFORE}\\d{7}[A-W][A-IW]?${NOT_AFTER}`),
    whole("SSN", validPpsn),
  ),
];

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers in national formats (international ones, "+49 ...", are found in patterns.ts)
// ---------------------------------------------------------------------------------------------------------------

const NATIONAL_PHONE_RE = new RegExp(
  `${NOT_BEFORE}(?:0\\d{1,4}(?:[ ./-]?\\d{2,8}){1,5}|0\\d{1,4}[ ]?\\(\\d{1,4}\\)[ ]?\\d{3,8}|[3689]\\d{2}(?:[ .]\\d{2,4}){2,3})${NOT_AFTER}`,
);
/** A numeric date: its digits are no phone number. */
const NUMERIC_DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;

const NATIONAL_PHONE: Detector = rule(
  "PHONE",
  // An area code or a first group followed by a separator, or a number written without separators.
  {
    digits: (n, c) => (n >= 2 && n <= 5 && c !== "" && " ./-(".includes(c)) || (n >= 9 && n <= 12),
  },
  NATIONAL_PHONE_RE,
  (m, text, sink) => {
    const s = m[0];
    let digits = 0;
    for (let i = 0; i < s.length; i++) {
      if (isDigit(s.charCodeAt(i))) {
        digits++;
      }
    }
    const first = s.charCodeAt(0);
    // A number without its trunk 0 is a phone number only as a Spanish (6, 8, 9) or Italian (3) line: 9-10 digits.
    const ok = first === 48 ? digits >= 9 && digits <= 13 : digits === 9 || digits === 10;
    if (ok && !NUMERIC_DATE.test(s)) {
      sink(faxBefore(text, m.index) ? "FAX" : "PHONE", m.index, m.index + s.length);
    }
  },
  ["FAX"],
  // A national number starts with its trunk 0, or is a Spanish (6, 8, 9) or Italian (3) line.
  (text, at) => "03689".includes(text[at]),
);

const FAX_WORD = /(?:fax|télécopie|telefax)[^\d\n]{0,12}$/i;

function faxBefore(text: string, at: number): boolean {
  return FAX_WORD.test(text.slice(Math.max(0, at - 24), at));
}

// ---------------------------------------------------------------------------------------------------------------
// Dates written out, ages over 89
// ---------------------------------------------------------------------------------------------------------------

/** Month names and abbreviations of the five languages (English ones are in patterns.ts). */
export const EU_MONTHS = [
  // de
  "januar jänner februar märz april mai juni juli august september oktober november dezember",
  "jan feb mär mrz apr jun jul aug sep sept okt nov dez",
  // fr
  "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
  "janv févr fév avr juil sept oct nov déc",
  // es
  "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
  "ene abr ago dic",
  // it
  "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
  "gen giu lug ott",
  // nl
  "januari februari maart april mei juni juli augustus september oktober november december",
  "mrt",
].flatMap((line) => line.split(" "));

const MONTH_SET = new Set(EU_MONTHS);
/** A word that may be a month: the regexes take any word and `monthDate` checks it against EU_MONTHS. */
const MONTH_WORD = `([${LETTER}]{3,10})(?![${LETTER}])`;
const DAY_MONTH_RE = new RegExp(
  `${NOT_BEFORE}(?:[12]\\d|3[01]|0?[1-9])(?:\\.|er|º|°|ª)?[ ]?(?:de[ ]|del[ ])?${MONTH_WORD}\\.?(?:,?[ ](?:de[ ]|del[ ])?(?:1[89]|20)\\d{2}(?!\\d))?`,
);
const MONTH_YEAR_RE = new RegExp(
  `${NOT_BEFORE}${MONTH_WORD}\\.?[ ](?:de[ ]|del[ ])?(?:1[89]|20)\\d{2}(?!\\d)`,
);

/** Reports the match when its group 1 is a month name or abbreviation. */
function monthDate(m: RegExpExecArray, _text: string, sink: Sink): void {
  if (MONTH_SET.has(m[1].toLowerCase())) {
    sink("DATE", m.index, m.index + m[0].length);
  }
}

const AGE_WORDS = [
  "jahre",
  "jahren",
  "jährig",
  "jährige",
  "jähriger",
  "jährigen",
  "j.",
  "ans",
  "años",
  "anni",
  "anno",
  "jaar",
  "jarige",
  "years",
  "year",
  "yrs",
];
const AGE_RE = new RegExp(
  `${NOT_BEFORE}(9\\d|1[01]\\d)(?=[ ]?-?[ ]?(?:${AGE_WORDS.map(ci).join("|")})(?![${LETTER}]))`,
);

const DATES_AGES: Detector[] = [
  rule(
    "DATE",
    { digits: (n, c) => n <= 2 && (c === "" || c === "." || c === " " || c === "e") },
    DAY_MONTH_RE,
    monthDate,
  ),
  rule("DATE", { words: wordsOf(EU_MONTHS) }, MONTH_YEAR_RE, monthDate),
  rule(
    "AGE",
    { digits: (n, c) => (n === 2 || n === 3) && (c === " " || c === "-") },
    AGE_RE,
    tail("AGE"),
  ),
];

// ---------------------------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------------------------

const NAME_WORD = `(?:'s-)?[${UPPER}](?:[${LETTER}'-]+|(?=[ ][${UPPER}]))`;
/** A city after its postcode: one to four words, small joining words allowed ("Frankfurt am Main"). */
const CITY = `${NAME_WORD}(?:[ -](?:am|im|an[ ]der|sur|sous|en|de|del|de[ ]la|di|[${UPPER}][${LETTER}'-]+)){0,3}`;

/** Labels after which the rest of the line, up to a bracket or a sentence end, is an address. */
export const ADDRESS_LABELS = [
  "anschrift",
  "adresse",
  "wohnadresse",
  "wohnort",
  "domicile",
  "domicilio",
  "dirección",
  "residenza",
  "indirizzo",
  "adres",
  "woonadres",
  "address",
  "home address",
];
const ADDRESS_LABEL_RE = new RegExp(
  `${NOT_BEFORE}(?:${ADDRESS_LABELS.map(ci).join("|")})(?![${LETTER}])[ \\t]*:[ \\t]*(?=[${LETTER}0-9])`,
  "y",
);
/** Abbreviations whose full stop does not end an address ("Bahnhofstr. 5", "Avda. Andalucía"). */
const ABBREVIATIONS = new Set(
  "str av avda avd pza pl bd blvd st rd ave ln dr ct sq c g p s sta sto sr n nr no".split(" "),
);

/** Where a labelled address that starts at `from` ends: a bracket, ';', a line end or a sentence end. */
function addressEnd(text: string, from: number): number {
  let i = from;
  const limit = Math.min(text.length, from + 160);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 59 || c === 10 || c === 13) {
      break;
    }
    if (
      c === 46 &&
      (i + 1 >= text.length || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)
    ) {
      let w = i;
      while (w > from && isLetter(text.charCodeAt(w - 1))) {
        w--;
      }
      if (!ABBREVIATIONS.has(text.slice(w, i).toLowerCase())) {
        break;
      }
    }
    i++;
  }
  while (i > from && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 44)) {
    i--;
  }
  return i;
}

/** A region, country or state on its own, or a state code with a ZIP code ("MA 01970": group 1 is the ZIP). */
const STATE_ZIP = /^([A-Z]{2})[ ]+(\d{5}(?:-\d{4})?)$/;

/**
 * Reports a labelled address `text[from, end)` less the parts at its end that are above the Safe Harbor cut
 * (", MA", ", Bayern", ", France"), which stay in the text; a ZIP code after a state is reported on its own.
 */
function reportAddress(text: string, from: number, end: number, sink: Sink): void {
  for (;;) {
    const comma = text.lastIndexOf(",", end - 1);
    if (comma <= from) {
      break;
    }
    const part = text.slice(comma + 1, end).trim();
    const zip = STATE_ZIP.exec(part);
    if (EUROPE.regions.has(part) || EUROPE.stateCodes.has(part)) {
      end = comma;
    } else if (zip !== null && EUROPE.stateCodes.has(zip[1])) {
      sink("LOCATION", end - zip[2].length, end);
      end = comma;
    } else {
      break;
    }
  }
  if (end > from) {
    sink("LOCATION", from, end);
  }
}

const LABELLED_ADDRESS: Detector = {
  type: "LOCATION",
  triggers: [{ words: wordsOf(ADDRESS_LABELS) }],
  detect(text, [starts], sink) {
    eachAt(ADDRESS_LABEL_RE, text, starts, (m) => {
      const from = m.index + m[0].length;
      reportAddress(text, from, addressEnd(text, from), sink);
    });
  },
};

/** Street words that end a street's name (German, Dutch): "Hauptstraße", "Berliner Str.", "Kerkstraat". */
export const STREET_ENDINGS =
  "straße strasse str. weg allee platz gasse ring damm ufer steig chaussee markt straat gracht laan kade plein singel dijk steeg hof plantsoen dreef wal".split(
    " ",
  );
const ENDING_ALT = STREET_ENDINGS.map((e) => ci(e)).join("|");
/** The street name before a house number, ending with one of STREET_ENDINGS (matched on the text before it). */
const STREET_BEFORE_RE = new RegExp(
  `(?:^|[^${LETTER}0-9'.-])((?:(?:[Aa]m|[Ii]m|[Aa]uf[ ]dem|[Aa]n[ ]der|[Zz]um|[Zz]ur|[Ll]aan[ ]van|[Vv]an|[Dd]e|[Tt]er|[Ss]int)[ ])?(?:[${UPPER}][${LETTER}'.-]*[ ]){0,2}(?:[${UPPER}][${LETTER}'-]*)?(?:${ENDING_ALT})[ ])$`,
);
/** "Am Mühlbach 3", "Im Winkel 2": a German street named with a preposition, followed by its number. */
const PREPOSITION_STREET_RE = new RegExp(
  `(?:^|[^${LETTER}0-9'.-])((?:[Aa]m|[Ii]m|[Aa]uf[ ]dem|[Aa]n[ ]der|[Zz]um|[Zz]ur|[Ii]n[ ]der|[Uu]nter[ ]den)[ ][${UPPER}][${LETTER}'-]+[ ])$`,
);
const HOUSE_NUMBER_RE =
  /\d{1,4}(?:[ ]?[a-zA-Z](?![a-zA-Z]))?(?:[ ]?-[ ]?[A-Z0-9]{1,4}(?![a-zA-Z0-9]))?/y;

/** The last three characters of each of STREET_ENDINGS ("aße", "tr.", "weg"). */
const ENDING_LAST3 = new Set(STREET_ENDINGS.map((e) => e.slice(-3)));

/** The last words of the prepositions PREPOSITION_STREET_RE starts with. */
const PREPOSITION_ENDS = new Set(["am", "im", "dem", "der", "zum", "zur", "den"]);

/**
 * Whether the words before the blank at `blank` can end a street name: the word ends with a street word, or it is
 * capitalised after a preposition. Most numbers ("5 mg", "BP 120") fail this before a regex is tried.
 */
function mayEndStreet(text: string, blank: number): boolean {
  let w = blank;
  while (w > 0 && (isLetter(text.charCodeAt(w - 1)) || text.charCodeAt(w - 1) === 46)) {
    w--;
  }
  if (w === blank) {
    return false;
  }
  // Every street word is three characters or more: its last three, lowercased, say whether one can end here.
  if (blank - w >= 3) {
    const last3 = text.slice(blank - 3, blank).toLowerCase();
    if (ENDING_LAST3.has(last3)) {
      const word = text.slice(w, blank).toLowerCase();
      for (const ending of STREET_ENDINGS) {
        if (word.endsWith(ending)) {
          return true;
        }
      }
    }
  }
  if (!isUpper(text.charCodeAt(w)) || w < 3 || text.charCodeAt(w - 1) !== 32) {
    return false;
  }
  let p = w - 1;
  while (p > 0 && isLetter(text.charCodeAt(p - 1))) {
    p--;
  }
  return PREPOSITION_ENDS.has(text.slice(p, w - 1).toLowerCase());
}
const AFTER_PREPOSITION_STREET = /^(?:[ ]?[,;)\n]|[ ]\d{4,5}(?!\d)|$)/;

/** A German or Dutch street ending in a street word, or named with a preposition, found from its house number. */
const HOUSE_NUMBER_RUN = (n: number): boolean => n <= 4;

const SUFFIX_STREET: Detector = {
  type: "LOCATION",
  triggers: [{ digits: HOUSE_NUMBER_RUN }],
  detect(text, [starts], sink) {
    let free = 0;
    for (const at of starts) {
      if (
        !digitShape(text, at, HOUSE_NUMBER_RUN) ||
        at < free ||
        text.charCodeAt(at - 1) !== 32 ||
        !mayEndStreet(text, at - 1)
      ) {
        continue;
      }
      HOUSE_NUMBER_RE.lastIndex = at;
      const n = HOUSE_NUMBER_RE.exec(text);
      if (n === null) {
        continue;
      }
      const end = at + n[0].length;
      const before = text.slice(Math.max(0, at - 64), at);
      const street = STREET_BEFORE_RE.exec(before);
      const prep =
        street === null && AFTER_PREPOSITION_STREET.test(text.slice(end, end + 8))
          ? PREPOSITION_STREET_RE.exec(before)
          : null;
      const found = street ?? prep;
      if (found !== null) {
        sink("LOCATION", at - found[1].length, end);
        free = end;
      }
    }
  },
};

/** Street types written before the name: French after the number, Spanish and Italian before it. */
const FR_TYPES =
  "rue avenue av. bd boulevard place allée chemin impasse quai route cours square voie passage faubourg";
const FR_STREET_RE = new RegExp(
  `${NOT_BEFORE}\\d{1,4}(?:[ ]?(?:bis|ter|[A-D](?![${LETTER}])))?,?[ ](?:${FR_TYPES.split(" ").map(ci).join("|")})[ ](?:(?:de[ ]la|de[ ]l'|des|du|de|d'|la|le|les|l')[ ]?)?${NAME_WORD}(?:[ -](?:de|du|des|la|le|d'|${NAME_WORD}))*`,
);
/** The first letters of FR_TYPES, of "bis" and "ter", both cases, and the capitals A-D a house number can carry. */
const FR_AHEAD = new Set([..."rabpciqsvftRABPCIQSVFTD"]);

/**
 * Whether what follows the number at `at` can be a French street type: past the digits, a blank or a comma and
 * then one of FR_AHEAD ("5 mg", "12 ans" fail here, before the regex).
 */
function frenchStreetAhead(text: string, at: number): boolean {
  let i = at;
  while (isDigit(text.charCodeAt(i))) {
    i++;
  }
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 44) {
    i++;
  }
  return i > at && FR_AHEAD.has(text[i]);
}

const SOUTH_TYPES =
  "calle c/ avenida avda. avda av. paseo plaza pza. camino carretera ronda travesía rambla via viale corso piazza p.zza piazzale vicolo largo strada lungomare contrada";
const SOUTH_STREET_RE = new RegExp(
  `${NOT_BEFORE}(?:${SOUTH_TYPES.split(" ").map(ci).join("|")})[ ]?(?:(?:de|del|de[ ]la|de[ ]los|de[ ]las|della|dei|degli|delle|dello|di|da|San|Santa|Sant'|[${UPPER}]\\.)[ ]?)*${NAME_WORD}(?:[ ](?:de|del|la|las|los|della|dei|di|y|e|[IVX]+(?![${LETTER}])|[${UPPER}][${LETTER}'-]*\\.?))*,?[ ](?:[nN]\\.?[ ]?|[nN]º[ ]?)?\\d{1,4}(?:[ ]?[a-zA-Z](?![${LETTER}])|/[A-Z0-9]+|[ ]?bis)?(?:,[ ]?\\d{1,2}(?!\\d)[ºª°]?(?:[ ]?[A-Z](?![${LETTER}])|[ ](?:izq|dcha|izda|dcha)\\.?)?)?`,
);

const STREETS: Detector[] = [
  rule(
    "LOCATION",
    { digits: (n, c) => n <= 4 && (c === " " || c === "," || c === "" || /[A-Db-t]/.test(c)) },
    FR_STREET_RE,
    whole("LOCATION"),
    undefined,
    frenchStreetAhead,
  ),
  rule("LOCATION", { words: wordsOf(SOUTH_TYPES.split(" ")) }, SOUTH_STREET_RE, whole("LOCATION")),
  SUFFIX_STREET,
];

/** Postcodes and the city after them, after a comma, a colon or at a line start ("…, 80331 München"). */
const POSTCODE_CITY_RE = new RegExp(
  `(?<=(?:^|\\n|[,:][ ]?|[ ]{2})(?:[A-Z]{1,2}-)?)(\\d{5}|\\d{4}[ ]?[A-Z]{2})[ ](${CITY})`,
);
const UK_POSTCODE_RE = new RegExp(
  `${NOT_BEFORE}(?:[A-Z]{1,2}\\d[A-Z\\d]?[ ]?\\d[ABD-HJLNP-UW-Z]{2}|(?:[AC-FHKNPRTV-Y]\\d{2}|D6W)[ ]?(?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4})${NOT_AFTER}`,
);
/** The town before a UK or Irish postcode: "London, SW1A 1AA", "Dublin 2, D02 X285". */
const TOWN_BEFORE_RE = new RegExp(
  `(?:^|[ ,])(${NAME_WORD}(?:[ ](?:[${UPPER}][${LETTER}'-]+|\\d{1,2}))?),[ ]$`,
);

/** A continental postcode: a run of 5 or 4 digits. */
const POSTCODE_RUN = (n: number): boolean => n === 5 || n === 4;
const isPostcodeRun = (text: string, at: number): boolean => digitShape(text, at, POSTCODE_RUN);
/** The digit run inside a UK or Irish postcode: 6 digits at most, followed by a blank or a capital. */
const UK_POSTCODE_RUN = (n: number, c: string): boolean =>
  n <= 6 && (c === " " || CAPITALS.includes(c));

const POSTCODES: Detector[] = [
  {
    type: "LOCATION",
    triggers: [{ digits: POSTCODE_RUN }],
    detect(text, [starts], sink) {
      eachAt(
        POSTCODE_CITY_RE_Y,
        text,
        starts,
        (m) => {
          if (EUROPE.regions.has(m[2])) {
            sink("LOCATION", m.index, m.index + m[1].length);
            return;
          }
          sink("LOCATION", m.index, m.index + m[0].length);
        },
        isPostcodeRun,
      );
    },
  },
  {
    type: "LOCATION",
    // Every postcode has a digit run as its second or third character, followed by a blank
    // or a capital; the postcode starts at the one or two capitals before it.
    triggers: [{ digits: UK_POSTCODE_RUN }],
    detect(text, [digitRuns], sink) {
      const starts: number[] = [];
      for (const at of digitRuns) {
        if (isCapital(text.charCodeAt(at - 1)) && digitShape(text, at, UK_POSTCODE_RUN)) {
          const two = isCapital(text.charCodeAt(at - 2));
          const start = two ? at - 2 : at - 1;
          if (start === 0 || !isWordChar(text.charCodeAt(start - 1))) {
            starts.push(start);
          }
        }
      }
      eachAt(UK_POSTCODE_RE_Y, text, starts, (m) => {
        sink("LOCATION", m.index, m.index + m[0].length);
        const town = TOWN_BEFORE_RE.exec(text.slice(Math.max(0, m.index - 40), m.index));
        if (town !== null && !EUROPE.regions.has(town[1])) {
          sink(
            "LOCATION",
            m.index - town[0].length + (town[0].length - town[1].length - 2),
            m.index - 2,
          );
        }
      });
    },
  },
];
const POSTCODE_CITY_RE_Y = new RegExp(POSTCODE_CITY_RE.source, "y");
const UK_POSTCODE_RE_Y = new RegExp(UK_POSTCODE_RE.source, "y");

/** Phrases after which a town is named as where someone lives. */
export const RESIDENCE_PHRASES = [
  "wohnhaft in",
  "wohnt in",
  "lebt in",
  "habite à",
  "habite a",
  "domicilié à",
  "domiciliée à",
  "vit à",
  "vive en",
  "reside en",
  "residente en",
  "abita a",
  "vive a",
  "residente a",
  "woont in",
  "woonachtig in",
  "woonachtig te",
  "lives in",
  "resides in",
  "living in",
];
const RESIDENCE_RE = new RegExp(
  `${NOT_BEFORE}(?:${RESIDENCE_PHRASES.map(ci).join("|")})[ ]+(${CITY})`,
);

const RESIDENCE: Detector = rule(
  "LOCATION",
  { words: wordsOf(RESIDENCE_PHRASES) },
  RESIDENCE_RE,
  (m, _text, sink) => {
    if (!EUROPE.regions.has(m[1]) && !EUROPE.notPlaces.has(m[1].split(/[ -]/)[0])) {
      tail("LOCATION")(m, _text, sink);
    }
  },
);

export const EUROPE_DETECTORS: ReadonlyArray<Detector> = [
  LABELLED_IDS,
  ...CHECKED,
  NATIONAL_PHONE,
  ...DATES_AGES,
  LABELLED_ADDRESS,
  ...STREETS,
  ...POSTCODES,
  RESIDENCE,
];
