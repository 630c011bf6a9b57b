/**
 * Character classes, in one place for every detector, and the folding that lets them stay small.
 *
 * Detectors read a folded view of the text (`fold`), in which every character they care about is ASCII or
 * Latin-1: decomposed accents are composed (NFD "e" + U+0301 reads as "é"), every Unicode space reads as " ",
 * fullwidth and other decimal digits read as ASCII digits, fullwidth punctuation as ASCII, typographic apostrophes
 * and dashes as ' and -, and letters outside Latin-1 as the Latin-1 letter they carry an accent on (Ł -> L,
 * Ş -> S, İ -> I) or, with no such letter (Greek, Cyrillic), as a placeholder of the same case (Þ, þ). Findings
 * on the folded view map back to the original text through `from`, so offsets stay indices into the original.
 */

/** Regex class bodies of the letters of the folded view: capitals, lowercase letters, both. */
export const UPPER = "A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE";
export const LOWER = "a-z\\u00DF-\\u00F6\\u00F8-\\u00FF";
export const LETTER = `${UPPER}${LOWER}`;

/** A capital of the folded view: A-Z or a Latin-1 capital (U+00C0-U+00DE but for the multiplication sign). */
export function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** A lowercase letter of the folded view: a-z or a Latin-1 lowercase letter (U+00DF-U+00FF but for the division sign). */
export function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

export function isLetter(c: number): boolean {
  return isUpper(c) || isLower(c);
}

/** Whether `c` is a character `\w` matches: what `\b` separates and whole findings extend over. */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A space or a tab: what `[ \t]` matches. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Whether `text` holds only spaces and tabs between `from` and `to`, and at least one. */
export function onlyBlanks(text: string, from: number, to: number): boolean {
  if (to <= from) {
    return false;
  }
  for (let i = from; i < to; i++) {
    if (!isBlank(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/** An ASCII capital: what `[A-Z]` matches. */
export function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Any whitespace of the folded view. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/** What each UTF-16 code unit folds to; MARK for combining marks, which join the character before them. */
const MARK = 0xffff;
/** Not worked out yet (U+FFFE is a noncharacter: it folds to itself, worked out again each time it is met). */
const UNKNOWN = 0;
const FOLD = new Uint16Array(0x10000);

/** Letters outside Latin-1 with no canonical decomposition onto a Latin letter. */
const OWN_FOLDS: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  ı: "i",
  Ħ: "H",
  ħ: "h",
  Œ: "O",
  œ: "o",
  ſ: "s",
};

const LETTER_RE = /\p{L}/u;
const UPPER_RE = /\p{Lu}|\p{Lt}/u;
const LOWER_RE = /\p{Ll}/u;
const MARK_RE = /\p{M}/u;
const SPACE_RE = /\p{Zs}/u;
const DIGIT_RE = /\p{Nd}/u;

/** What `c` (at or above U+00A0, not a surrogate) folds to, worked out from its Unicode properties. */
function foldOf(c: number): number {
  const ch = String.fromCharCode(c);
  if (DIGIT_RE.test(ch)) {
    // Decimal digits come in runs of ten from 0 to 9.
    let zero = c;
    while (zero > 0 && DIGIT_RE.test(String.fromCharCode(zero - 1))) {
      zero--;
    }
    return 48 + ((c - zero) % 10);
  }
  if (SPACE_RE.test(ch)) {
    return 32;
  }
  if (MARK_RE.test(ch)) {
    return MARK;
  }
  if (c >= 0xff01 && c <= 0xff5e) {
    return c - 0xfee0;
  }
  if (c >= 0x100 && LETTER_RE.test(ch)) {
    const base = OWN_FOLDS[ch] ?? ch.normalize("NFD")[0];
    const b = base.charCodeAt(0);
    if (b < 0x100 && (isUpper(b) || isLower(b))) {
      return b;
    }
    if (UPPER_RE.test(ch)) {
      return 0xde;
    }
    if (LOWER_RE.test(ch)) {
      return 0xfe;
    }
  }
  return c;
}

/** FOLD[c], worked out the first time `c` is met: a table of every code unit would cost tens of ms at load. */
function foldCode(c: number): number {
  let f = FOLD[c];
  if (f === UNKNOWN) {
    f = c < 0xa0 || (c >= 0xd800 && c <= 0xdfff) ? c : foldOf(c);
    FOLD[c] = f;
  }
  return f;
}

(() => {
  for (const c of [0x2018, 0x2019, 0x201b, 0x2032, 0x02bc]) {
    FOLD[c] = 39;
  }
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63]) {
    FOLD[c] = 45;
  }
  FOLD[0x2028] = 10;
  FOLD[0x2029] = 10;
})();

export interface Folded {
  /** What the detectors read. */
  readonly text: string;
  /** Whether `text` differs from the original at all. */
  readonly changed: boolean;
  /**
   * Where each character of `text` starts in the original, and at `text.length` the original's length; undefined
   * when every character of `text` stands where it stood (nothing was composed).
   */
  readonly from?: Int32Array;
}

/** The folded view of `text` (see the file comment); the text itself when nothing in it folds. */
export function fold(text: string): Folded {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 0xa0 && foldCode(c) !== c) {
      break;
    }
    i++;
  }
  if (i === n) {
    return { text, changed: false };
  }
  const out = new Uint16Array(n);
  for (let k = 0; k < i; k++) {
    out[k] = text.charCodeAt(k);
  }
  // Made when the first combining mark joins a character: until then every character stands where it stood.
  let from: Int32Array | undefined;
  let k = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    const f = c < 0xa0 ? c : foldCode(c);
    if (f !== MARK || k === 0) {
      if (from !== undefined) {
        from[k] = i;
      }
      out[k++] = f === MARK ? c : f;
      i++;
      continue;
    }
    if (from === undefined) {
      from = new Int32Array(n + 1);
      for (let p = 0; p < k; p++) {
        from[p] = p;
      }
    }
    // Combining marks join the character before them: composed when NFC has one character for the group.
    let j = i;
    while (j < n && foldCode(text.charCodeAt(j)) === MARK) {
      j++;
    }
    const composed = text.slice(from[k - 1], j).normalize("NFC");
    if (composed.length === 1) {
      const g = foldCode(composed.charCodeAt(0));
      out[k - 1] = g === MARK ? composed.charCodeAt(0) : g;
    }
    i = j;
  }
  let folded = "";
  for (let p = 0; p < k; p += 8192) {
    // An array-like of char codes: fromCharCode takes a typed array through apply without a copy.
    folded += String.fromCharCode.apply(
      null,
      out.subarray(p, Math.min(k, p + 8192)) as unknown as number[],
    );
  }
  if (from !== undefined) {
    from[k] = n;
    return { text: folded, changed: true, from: from.subarray(0, k + 1) };
  }
  return { text: folded, changed: true };
}
