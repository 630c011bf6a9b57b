/**
 * One pass over a text that tells every detector where a match of its could start, so that no detector runs a
 * regex from every position of the text. Each detector declares a Trigger: a condition that every one of its
 * matches satisfies at the match's first character (a keyword it starts with, the shape of the digit run it
 * starts with, a character). The scan reads each character once, looks the runs it finds up in tables built
 * when the detectors are declared, and hands each detector the ascending list of positions where its trigger
 * holds. A detector then tries its own (sticky) regex at those positions only, which finds exactly what a
 * global scan of the same regex would find, provided the trigger is a necessary condition
 * (tests/functions/phi/triggers.test.ts checks that on the corpus and on generated text).
 */
import { PhiType, Sink } from "./types";

export interface Trigger {
  /** ASCII letter runs, compared case-insensitively, that a match may start with as a whole run. */
  readonly words?: ReadonlyArray<string>;
  /** ASCII letter runs that a match may start in, when the run begins with one of these (case-insensitive). */
  readonly prefixes?: ReadonlyArray<string>;
  /** A capital letter (A-Z or Latin-1) not preceded by an ASCII letter. */
  readonly capitals?: boolean;
  /**
   * The start of a run of digits, by its length (runs longer than MAX_RUN are passed as MAX_RUN, so the answer
   * must not change past it) and the character after it ("" at the end of the text or for non-ASCII).
   */
  readonly digits?: (length: number, next: string) => boolean;
  /**
   * The start of a run of word characters ([A-Za-z0-9_], what `\b` separates), by its length (capped like
   * digit runs) and its first character.
   */
  readonly wordLength?: (length: number, first: string) => boolean;
  /** Single characters a match may start at. */
  readonly chars?: string;
}

/**
 * A detector: the categories it reports, the triggers of its scans, and the scans themselves, which read
 * `starts[i]`, the positions where `triggers[i]` holds, in place of every position of the text.
 */
export interface Detector {
  readonly type: PhiType;
  /** Extra categories this detector can report besides `type` (phone numbers labelled as fax). */
  readonly also?: ReadonlyArray<PhiType>;
  readonly triggers: ReadonlyArray<Trigger>;
  readonly detect: (text: string, starts: ReadonlyArray<Starts>, sink: Sink) => void;
}

/** Run lengths at or above this are looked up as this length. */
export const MAX_RUN = 24;

/** Candidate positions per trigger, ascending and distinct; valid until the next scan by the same TriggerSet. */
export type Starts = ReadonlyArray<number>;

const EMPTY: number[] = [];
const WORD = 1;
const DIGIT = 2;
const LETTER = 4;
const UPPER = 8;
/** Latin-1 capitals (not word characters for `\b`, but capitals for names). */
const LATIN_UPPER = 16;

const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  if (c >= 48 && c <= 57) {
    CLASS[c] = WORD | DIGIT;
  } else if (c >= 65 && c <= 90) {
    CLASS[c] = WORD | LETTER | UPPER;
  } else if (c >= 97 && c <= 122) {
    CLASS[c] = WORD | LETTER;
  } else if (c === 95) {
    CLASS[c] = WORD;
  } else if (c >= 0xc0 && c <= 0xde && c !== 0xd7) {
    CLASS[c] = LATIN_UPPER;
  }
}

/** A-Z or a-z: setting bit 5 lowercases an ASCII capital and leaves every other code outside a-z. */
function isAsciiLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

/** Index of the character after a digit run in the digit table: its code below 128, else OTHER. */
const OTHER = 128;
const NEXT_CLASSES = 129;

export class TriggerSet {
  /** Trie over lowercase a-z: child index per node and letter (0 = none), and what ends or starts there. */
  private readonly child: Int32Array;
  private readonly exact: number[][];
  private readonly prefix: number[][];
  private readonly capitals: number[];
  private readonly digits: number[][];
  private readonly wordLength: number[][];
  private readonly chars: number[][];
  private readonly lists: number[][];

  constructor(triggers: ReadonlyArray<Trigger>) {
    const keys = new Map<string, { exact: number[]; prefix: number[] }>();
    const key = (word: string) => {
      const k = word.toLowerCase();
      if (!/^[a-z]+$/.test(k)) {
        throw new Error(
          `trigger word "${word}" must be ASCII letters only: a letter run never holds anything else`,
        );
      }
      let entry = keys.get(k);
      if (entry === undefined) {
        entry = { exact: [], prefix: [] };
        keys.set(k, entry);
      }
      return entry;
    };
    triggers.forEach((t, d) => {
      t.words?.forEach((w) => key(w).exact.push(d));
      t.prefixes?.forEach((w) => key(w).prefix.push(d));
    });
    const children: number[] = new Array(26).fill(0);
    this.exact = [EMPTY];
    this.prefix = [EMPTY];
    for (const [word, entry] of keys) {
      let node = 0;
      for (let i = 0; i < word.length; i++) {
        const slot = node * 26 + word.charCodeAt(i) - 97;
        if (children[slot] === 0) {
          // Stored as index + 1: 0 means no child.
          children[slot] = this.exact.length + 1;
          this.exact.push(EMPTY);
          this.prefix.push(EMPTY);
          children.push(...new Array(26).fill(0));
        }
        node = children[slot] - 1;
      }
      this.exact[node] = [...new Set([...this.exact[node], ...entry.exact])];
      this.prefix[node] = [...new Set([...this.prefix[node], ...entry.prefix])];
    }
    this.child = Int32Array.from(children);

    const indices = (pick: (t: Trigger) => boolean): number[] => {
      const out: number[] = [];
      triggers.forEach((t, d) => {
        if (pick(t)) {
          out.push(d);
        }
      });
      return out.length === 0 ? EMPTY : out;
    };
    this.capitals = indices((t) => t.capitals === true);
    this.digits = [];
    for (let len = 0; len <= MAX_RUN; len++) {
      for (let next = 0; next < NEXT_CLASSES; next++) {
        const ch = next < OTHER ? String.fromCharCode(next) : "";
        this.digits.push(len === 0 ? EMPTY : indices((t) => t.digits?.(len, ch) === true));
      }
    }
    this.wordLength = [];
    for (let len = 0; len <= MAX_RUN; len++) {
      for (let first = 0; first < 128; first++) {
        const ch = String.fromCharCode(first);
        this.wordLength.push(
          len === 0 || (CLASS[first] & WORD) === 0
            ? EMPTY
            : indices((t) => t.wordLength?.(len, ch) === true),
        );
      }
    }
    this.chars = [];
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      this.chars.push(indices((t) => t.chars?.includes(ch) === true));
    }
    for (const t of triggers) {
      for (const ch of t.chars ?? "") {
        if (ch.charCodeAt(0) >= 128 || (CLASS[ch.charCodeAt(0)] & WORD) !== 0) {
          throw new Error(
            `trigger character "${ch}" must be ASCII and not a word character: words are found as runs`,
          );
        }
      }
      // Word runs are known only when they end, after the digit and letter runs inside them were reported: a
      // list that mixed the two would not be in ascending order.
      if (t.wordLength !== undefined && Object.keys(t).length > 1) {
        throw new Error(
          "a wordLength trigger must be on its own: declare a second trigger for the rest",
        );
      }
    }
    this.lists = triggers.map(() => []);
  }

  /** Positions where each trigger holds, in the order the triggers were given. */
  scan(text: string): ReadonlyArray<Starts> {
    const lists = this.lists;
    for (let d = 0; d < lists.length; d++) {
      // Truncating an array is a runtime call even when it is empty already.
      if (lists[d].length !== 0) {
        lists[d].length = 0;
      }
    }
    const { child, exact, prefix, digits, chars, capitals } = this;
    const n = text.length;
    // Start of the run of word characters the scan is in, or -1 between runs.
    let word = -1;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = c < 256 ? CLASS[c] : 0;
      if ((cls & DIGIT) !== 0) {
        let d = i + 1;
        let next = OTHER;
        while (d < n) {
          next = text.charCodeAt(d);
          if (next < 48 || next > 57) {
            break;
          }
          d++;
        }
        if (d === n || next >= 128) {
          next = OTHER;
        }
        const ds = digits[(d - i < MAX_RUN ? d - i : MAX_RUN) * NEXT_CLASSES + next];
        if (ds.length > 0) {
          this.push(ds, i);
        }
        if (word < 0) {
          word = i;
        }
        i = d;
        continue;
      }
      if ((cls & LETTER) !== 0) {
        // A letter run starts here: its first letter is not preceded by an ASCII letter.
        if ((cls & UPPER) !== 0 && capitals.length > 0) {
          this.push(capitals, i);
        }
        // Walk the trie while it has a branch for the letters read, then only skip to the end of the run.
        let node = 0;
        let l = i;
        while (l < n) {
          const k = (text.charCodeAt(l) | 32) - 97;
          if (k < 0 || k > 25) {
            break;
          }
          l++;
          node = child[node * 26 + k] - 1;
          if (node < 0) {
            while (l < n && isAsciiLetter(text.charCodeAt(l))) {
              l++;
            }
            break;
          }
          const pre = prefix[node];
          if (pre.length > 0) {
            this.push(pre, i);
          }
        }
        if (node > 0) {
          const ex = exact[node];
          if (ex.length > 0) {
            this.push(ex, i);
          }
        }
        if (word < 0) {
          word = i;
        }
        i = l;
        continue;
      }
      if (c === 95) {
        if (word < 0) {
          word = i;
        }
        i++;
        continue;
      }
      if (word >= 0) {
        this.wordEnds(text, word, i);
        word = -1;
      }
      if (c < 128) {
        const ds = chars[c];
        if (ds.length > 0) {
          this.push(ds, i);
        }
      } else if ((cls & LATIN_UPPER) !== 0 && capitals.length > 0) {
        const p = i > 0 ? text.charCodeAt(i - 1) : 0;
        if (p >= 128 || (CLASS[p] & LETTER) === 0) {
          this.push(capitals, i);
        }
      }
      i++;
    }
    if (word >= 0) {
      this.wordEnds(text, word, n);
    }
    return lists;
  }

  /** Reports the run of word characters [start, end) to the triggers on its length and first character. */
  private wordEnds(text: string, start: number, end: number): void {
    const len = end - start < MAX_RUN ? end - start : MAX_RUN;
    const wl = this.wordLength[len * 128 + text.charCodeAt(start)];
    if (wl.length > 0) {
      this.push(wl, start);
    }
  }

  private push(ds: number[], at: number): void {
    for (let k = 0; k < ds.length; k++) {
      const l = this.lists[ds[k]];
      if (l.length === 0 || l[l.length - 1] !== at) {
        l.push(at);
      }
    }
  }

  /** Every position of `text`: what a scan without triggers would try (for tests and comparisons). */
  static everywhere(text: string): Starts {
    return Array.from({ length: text.length }, (_, i) => i);
  }
}

/**
 * Calls `fn` with each match of the sticky regex `re` that starts at one of `starts`, skipping starts inside the
 * previous match: what a global scan finds, when every match starts at one of `starts`.
 */
export function eachAt(
  re: RegExp,
  text: string,
  starts: Starts,
  fn: (m: RegExpExecArray) => void,
): void {
  let free = 0;
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k];
    if (at < free) {
      continue;
    }
    re.lastIndex = at;
    const m = re.exec(text);
    if (m !== null) {
      fn(m);
      free = at + Math.max(1, m[0].length);
    }
  }
}

/** Whether `text` holds only spaces and tabs between `from` and `to`, and at least one. */
export function onlyBlanks(text: string, from: number, to: number): boolean {
  if (to <= from) {
    return false;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) {
      return false;
    }
  }
  return true;
}

/** `re` as a sticky regex (same source and flags, `g` dropped): it matches only where it is put. */
export function sticky(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace("g", "") + "y");
}
