/**
 * Geography below state level: street addresses, PO boxes, the city and ZIP code of an address, and a city
 * named as where someone lives. A state on its own is not PHI under Safe Harbor and stays in the text.
 */
import { kw } from "./patterns";
import { isAsciiUpper, isBlank, isDigit, isLower } from "./chars";
import { Detector, eachAt, endingGroupStart, Trigger } from "./scan";
import { Sink } from "./types";

const WORD = "[A-Z\\u00C0-\\u00DE][A-Za-z\\u00DF-\\u00FF'.-]*";
const SUFFIX =
  "(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Plaza|Loop|Path|Pike|Row|Alley|Crescent|Close|Gardens)";
const UNIT =
  "(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Room|Rm|#)\\.?[ \\t]*#?[A-Za-z0-9-]+)?";
const STREET = `\\b\\d{1,6}[A-Za-z]?(?:[ \\t]+(?:[NSEW]|North|South|East|West)\\.?)?(?:[ \\t]+(?:${WORD}|\\d{1,3}(?:st|nd|rd|th))){1,4}[ \\t]+${SUFFIX}\\b\\.?${UNIT}`;
const PO_BOX = "\\b(?:P\\.?[ ]?O\\.?[ \\t]*Box|Post Office Box)[ \\t]+\\d+";
const STATES =
  "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR" +
  "|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming";
const CITY = `[A-Z][a-z\\u00DF-\\u00FF]+(?:[ \\t-][A-Z][a-z\\u00DF-\\u00FF]+){0,2}`;
const ZIP = "\\d{5}(?:-\\d{4})?";

/** Street (1), city (2), ZIP (3) of a full or partial address; each reported separately so the state survives. */
const ADDRESS_RE = new RegExp(
  `(${STREET}|${PO_BOX})(?:,?[ \\t]*(?:\\r?\\n[ \\t]*)?(${CITY}),[ \\t]*(?:${STATES})\\b(?:[ \\t,]+(${ZIP}))?)?`,
  "y",
);
const CITY_STATE_RE = new RegExp(`\\b(${CITY}),[ \\t]*(?:${STATES})(?:[ \\t,]+(${ZIP}))?\\b`, "y");
const STATE_ZIP_RE = new RegExp(`\\b(?:${STATES})[ \\t,]+(${ZIP})\\b`, "y");
const ZIP_LABEL_RE = new RegExp(
  `\\b(?:${kw("zip")}|${kw("postal")}|${kw("postcode")})(?:[ \\t]*${kw("code")})?[ \\t]*[:#]?[ \\t]*(${ZIP})\\b`,
  "y",
);
const RESIDENCE_WORDS = [
  "lives",
  "living",
  "lived",
  "resides",
  "residing",
  "resident",
  "moved",
  "relocated",
  "born",
  "raised",
  "home",
  "hometown",
  "visiting",
  "travelled",
  "traveled",
  "city",
  "town",
  "county",
];
const RESIDENCE_RE = new RegExp(
  `\\b(?:${RESIDENCE_WORDS.map(kw).join("|")})(?:[ \\t]+(?:in|to|at|from|of))?[ \\t]*:?[ \\t]+(?:the[ \\t]+)?(${CITY})\\b`,
  "y",
);
const COUNTY_RE = /\b[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?[ \t]+(?:County|Parish|Borough|Township)\b/y;
/** Words a residence phrase may be followed by that are not places ("lives in Assisted Living"). */
const NOT_PLACES = new Set([
  "The",
  "A",
  "An",
  "Assisted",
  "Nursing",
  "Group",
  "Home",
  "Shelter",
  "House",
  "Her",
  "His",
]);

/** Reports group `g` of `m` when it took part and starts the match. */
function atStart(m: RegExpExecArray, g: number, sink: Sink): void {
  if (m[g] !== undefined) {
    sink("LOCATION", m.index, m.index + m[g].length);
  }
}

/** Reports group `g` of `m` when it took part and ends the match. */
function atEnd(m: RegExpExecArray, g: number, sink: Sink): void {
  if (m[g] !== undefined) {
    sink("LOCATION", endingGroupStart(m, g), m.index + m[0].length);
  }
}

/** A letter of CITY after its capital. */
const isCityLower = isLower;
/** What starts a word of CITY and a state: an ASCII capital. */
const isUpper = isAsciiUpper;

/**
 * Whether ADDRESS_RE can match at `at`: a PO box starts with a P, a street number (digits, maybe a letter) is
 * followed by blanks and a capital or a digit (a direction, a street name, an ordinal). Most digit runs ("5 mg",
 * "120/80") fail this before the regex is tried.
 */
function mayStartAddress(text: string, at: number): boolean {
  if (text.charCodeAt(at) === 80) {
    return true;
  }
  let i = at;
  while (isDigit(text.charCodeAt(i))) {
    i++;
  }
  if (i === at) {
    return false;
  }
  // Setting bit 5 lowercases an ASCII capital.
  const letter = text.charCodeAt(i) | 32;
  if (letter >= 97 && letter <= 122) {
    i++;
  }
  if (!isBlank(text.charCodeAt(i))) {
    return false;
  }
  while (isBlank(text.charCodeAt(i))) {
    i++;
  }
  const next = text.charCodeAt(i);
  return isDigit(next) || isUpper(next) || (next >= 0xc0 && next <= 0xde);
}

/** What joins the words of a CITY. */
function isCityBlank(c: number): boolean {
  return isBlank(c) || c === 45;
}

/**
 * Appends to `out`, ascending, where a CITY_STATE_RE match ending its city at the comma `at` can start: at each
 * of the one to three capitalised words, joined by a blank or hyphen, that end there. Cities are found from
 * their comma because text has far fewer commas than capitals; a state must start with a capital after it.
 */
function cityStarts(text: string, at: number, out: number[]): void {
  let state = at + 1;
  while (isBlank(text.charCodeAt(state))) {
    state++;
  }
  if (text.charCodeAt(at) !== 44 || !isUpper(text.charCodeAt(state))) {
    return;
  }
  // Walks back to the first of the words; each is a capital and at least one lowercase letter.
  let first = -1;
  let end = at;
  for (let words = 0; words < 3; words++) {
    let s = end - 1;
    while (s >= 0 && isCityLower(text.charCodeAt(s))) {
      s--;
    }
    if (s === end - 1 || !isUpper(text.charCodeAt(s))) {
      break;
    }
    first = s;
    if (!isCityBlank(text.charCodeAt(s - 1))) {
      break;
    }
    end = s - 1;
  }
  if (first < 0) {
    return;
  }
  out.push(first);
  for (let i = first + 1; i < at; i++) {
    if (isCityBlank(text.charCodeAt(i))) {
      out.push(i + 1);
    }
  }
}

/** The first letter run of every state name (what STATE_ZIP_RE can start with). */
const STATE_WORDS = [...new Set(STATES.split("|").map((s) => s.split(" ")[0]))];

/**
 * Cities before a state are found from their comma, counties from the capitals when the text has one of the
 * county words; the other scans start at their own keywords.
 */
const TRIGGERS: ReadonlyArray<Trigger> = [
  {
    digits: (n, c) => n <= 6 && c !== "" && /[A-Za-z \t]/.test(c),
    words: ["p", "po", "post"],
    prefixes: ["pob"],
  },
  { chars: "," },
  { words: STATE_WORDS },
  { prefixes: ["zip", "postal", "postcode"] },
  { words: RESIDENCE_WORDS },
  { capitals: true },
  { words: ["county", "parish", "borough", "township"] },
];

export const LOCATIONS: Detector = {
  type: "LOCATION",
  triggers: TRIGGERS,
  detect(text, [streets, commas, states, zipLabels, residences, capitals, counties], sink) {
    const addresses = streets.filter((at) => mayStartAddress(text, at));
    eachAt(ADDRESS_RE, text, addresses, (m) => {
      atStart(m, 1, sink);
      if (m[2] !== undefined) {
        // Between the street and the city: a comma, blanks, a line break (each optional), none of which can start it.
        const city = m.index + m[0].indexOf(m[2], m[1].length);
        sink("LOCATION", city, city + m[2].length);
      }
      atEnd(m, 3, sink);
    });
    const cities: number[] = [];
    for (const at of commas) {
      cityStarts(text, at, cities);
    }
    eachAt(CITY_STATE_RE, text, cities, (m) => {
      atStart(m, 1, sink);
      atEnd(m, 2, sink);
    });
    // Every state starts with a capital: most of these starts are "in", "or", "me".
    const stateCapitals = states.filter((at) => isUpper(text.charCodeAt(at)));
    eachAt(STATE_ZIP_RE, text, stateCapitals, (m) => atEnd(m, 1, sink));
    eachAt(ZIP_LABEL_RE, text, zipLabels, (m) => atEnd(m, 1, sink));
    eachAt(RESIDENCE_RE, text, residences, (m) => {
      if (!NOT_PLACES.has(m[1].split(/[ \t-]/)[0])) {
        atEnd(m, 1, sink);
      }
    });
    if (counties.length > 0) {
      eachAt(COUNTY_RE, text, capitals, (m) => sink("LOCATION", m.index, m.index + m[0].length));
    }
  },
};
