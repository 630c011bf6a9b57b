/**
 * Geography below state level: street addresses, PO boxes, the city and ZIP code of an address, and a city
 * named as where someone lives. A state on its own is not PHI under Safe Harbor and stays in the text.
 */
import { kw } from "./patterns";
import { Detector, eachAt, Starts, Trigger } from "./scan";
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
  "dy",
);
const CITY_STATE_RE = new RegExp(`\\b(${CITY}),[ \\t]*(?:${STATES})(?:[ \\t,]+(${ZIP}))?\\b`, "dy");
const STATE_ZIP_RE = new RegExp(`\\b(?:${STATES})[ \\t,]+(${ZIP})\\b`, "dy");
const ZIP_LABEL_RE = new RegExp(
  `\\b(?:${kw("zip")}|${kw("postal")}|${kw("postcode")})(?:[ \\t]*${kw("code")})?[ \\t]*[:#]?[ \\t]*(${ZIP})\\b`,
  "dy",
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
  "dy",
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

function groups(
  re: RegExp,
  text: string,
  starts: Starts,
  sink: Sink,
  accept?: (s: string) => boolean,
): void {
  eachAt(re, text, starts, (m) => {
    for (let g = 1; g < m.length; g++) {
      const idx = m.indices?.[g];
      if (idx !== undefined && (accept === undefined || accept(m[g]))) {
        sink("LOCATION", idx[0], idx[1]);
      }
    }
  });
}

function isCityLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** What joins the words of a CITY. */
function isCityBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 45;
}

/**
 * Appends to `out`, ascending, where a CITY_STATE_RE match ending its city at the comma `at` can start: at each
 * of the one to three capitalised words, joined by a blank or hyphen, that end there. Cities are found from
 * their comma because text has far fewer commas than capitals; a state must start with a capital after it.
 */
function cityStarts(text: string, at: number, out: number[]): void {
  let state = at + 1;
  while (text.charCodeAt(state) === 32 || text.charCodeAt(state) === 9) {
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
    groups(ADDRESS_RE, text, streets, sink);
    const cities: number[] = [];
    for (const at of commas) {
      cityStarts(text, at, cities);
    }
    groups(CITY_STATE_RE, text, cities, sink);
    groups(STATE_ZIP_RE, text, states, sink);
    groups(ZIP_LABEL_RE, text, zipLabels, sink);
    groups(
      RESIDENCE_RE,
      text,
      residences,
      sink,
      (city) => !NOT_PLACES.has(city.split(/[ \t-]/)[0]),
    );
    if (counties.length > 0) {
      eachAt(COUNTY_RE, text, capitals, (m) => sink("LOCATION", m.index, m.index + m[0].length));
    }
  },
};
