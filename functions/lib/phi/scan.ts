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
import { isDigit, isLower, isUpper, isWordChar } from "./chars";
import { PhiType, Sink } from "./types";

export interface Trigger {
  /** ASCII letter runs, compared case-insensitively, that a match may start with as a whole run. */
  readonly words?: ReadonlyArray<string>;
  /** ASCII letter runs that a match may start in, when the run begins with one of these (case-insensitive). */
  readonly prefixes?: ReadonlyArray<string>;
  /**
   * The start of a capitalised word: a capital letter (A-Z or Latin-1) not preceded by an ASCII letter and followed
   * by a lowercase letter (a-z or Latin-1 U+00DF-U+00FF) or an apostrophe ("Smith", "O'Brien", not "BP", "[NAME]").
   */
  readonly capitals?: boolean;
  /**
   * With `capitals`: words, written as a capital and lowercase ASCII letters ("The"), whose start does not fire
   * it when the letter run is exactly the word as written and no hyphen, apostrophe or Latin-1 letter follows it
   * (so that no longer token starts there). For the words a detector would read and then drop.
   */
  readonly capitalsExcept?: ReadonlyArray<string>;
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

/** The lists (by index) one table entry appends the position to: distinct, so no list receives a position twice. */
type Targets = ReadonlyArray<number>;

/**
 * No list. Built by emptying a one-index array: an empty literal could get another elements kind (and map) than
 * the other Targets, and every load from a Targets in the scan would be polymorphic.
 */
const NONE: Targets = [0].slice(1);
const WORD = 1;
const DIGIT = 2;
const LETTER = 4;
const UPPER = 8;
/** Latin-1 capitals (not word characters for `\b`, but capitals for names). */
const LATIN_UPPER = 16;

/** The character classes of chars.ts, for the codes below 256, as one table the scan reads with one load. */
const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  if (isDigit(c)) {
    CLASS[c] = WORD | DIGIT;
  } else if (c < 128 && isUpper(c)) {
    CLASS[c] = WORD | LETTER | UPPER;
  } else if (c < 128 && isLower(c)) {
    CLASS[c] = WORD | LETTER;
  } else if (isWordChar(c)) {
    CLASS[c] = WORD;
  } else if (isUpper(c)) {
    CLASS[c] = LATIN_UPPER;
  }
}

/** Index of the character after a digit run in the digit table: its code below 128, else OTHER. */
const OTHER = 128;
const NEXT_CLASSES = 129;

/**
 * Trie nodes take 32 slots of `child` (26 used) so that a node's slot base, `node << 5`, is also what the walk
 * carries, and `base >> 4` is the node's first entry in the letter table (2 per node: the run starts a
 * capitalised word or not).
 */
const STRIDE_SHIFT = 5;
const LETTERS_SHIFT = 4;

function union(...sets: ReadonlyArray<ReadonlyArray<number>>): number[] {
  return [...new Set(sets.flat())].sort((a, b) => a - b);
}

/** Step 1: refuses triggers the scan could not honour, saying why. */
function checkTriggers(triggers: ReadonlyArray<Trigger>): void {
  for (const t of triggers) {
    for (const w of [...(t.words ?? []), ...(t.prefixes ?? [])]) {
      if (!/^[a-z]+$/.test(w.toLowerCase())) {
        throw new Error(
          `trigger word "${w}" must be ASCII letters only: a letter run never holds anything else`,
        );
      }
    }
    if (t.capitalsExcept !== undefined && t.capitals !== true) {
      throw new Error("capitalsExcept needs capitals: true on the same trigger");
    }
    for (const w of t.capitalsExcept ?? []) {
      if (!/^[A-Z][a-z]*$/.test(w)) {
        throw new Error(
          `capitalsExcept word "${w}" must be a capital and lowercase ASCII letters: only such a run starts a capitalised word`,
        );
      }
    }
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
}

/** The words of the triggers: per lowercase word, the triggers it fires as a whole run and as a prefix. */
interface WordKeys {
  readonly keys: Map<string, { exact: number[]; prefix: number[] }>;
  /** Per lowercase capitalsExcept word, the triggers that except it. */
  readonly exceptions: Map<string, number[]>;
}

/** Step 2: every word, prefix and excepted word, lowercased, with the triggers it belongs to. */
function wordKeys(triggers: ReadonlyArray<Trigger>): WordKeys {
  const keys = new Map<string, { exact: number[]; prefix: number[] }>();
  const key = (word: string) => {
    const k = word.toLowerCase();
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
  // The excepted words become trie nodes too: a run that is one then ends in a node of its own.
  const exceptions = new Map<string, number[]>();
  triggers.forEach((t, d) => {
    for (const w of t.capitalsExcept ?? []) {
      key(w);
      const k = w.toLowerCase();
      exceptions.set(k, union(exceptions.get(k) ?? [], [d]));
    }
  });
  return { keys, exceptions };
}

/** The trie of the words, as the scan walks it. */
interface Trie {
  /** Per node slot and letter, the next node's slot base (0 = no child yet: the root is nobody's child). */
  readonly children: number[];
  readonly parent: number[];
  /** The letters that lead to each node. */
  readonly spelled: string[];
  /** Per node, the triggers whose word it is and those whose prefix it is. */
  readonly exact: number[][];
  readonly prefix: number[][];
  /** Per node (dead nodes included), the prefixes a run reaching it starts with. */
  readonly prefixed: number[][];
  /** How many nodes are real (the rest are dead nodes). */
  readonly real: number;
}

/** Step 3: the trie of the words and prefixes. */
function buildTrie(keys: WordKeys["keys"]): Trie {
  const children: number[] = new Array(1 << STRIDE_SHIFT).fill(0);
  const parent = [0];
  const spelled = [""];
  const exact: number[][] = [[]];
  const prefix: number[][] = [[]];
  for (const [word, entry] of keys) {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = (node << STRIDE_SHIFT) + word.charCodeAt(i) - 97;
      if (children[slot] === 0) {
        children[slot] = parent.length << STRIDE_SHIFT;
        spelled.push(spelled[node] + word[i]);
        parent.push(node);
        exact.push([]);
        prefix.push([]);
        children.push(...new Array(1 << STRIDE_SHIFT).fill(0));
      }
      node = children[slot] >> STRIDE_SHIFT;
    }
    exact[node] = union(exact[node], entry.exact);
    prefix[node] = union(prefix[node], entry.prefix);
  }
  // The prefixes a run reaching a node starts with: its own and its ancestors' (parents come first).
  const prefixed: number[][] = [[]];
  for (let node = 1; node < parent.length; node++) {
    prefixed.push(union(prefixed[parent[node]], prefix[node]));
  }
  return { children, parent, spelled, exact, prefix, prefixed, real: parent.length };
}

/**
 * Step 4: a run that leaves the trie goes on in a dead node (one per set of prefixes met on the way) that loops to
 * itself on every letter, so that the walk reads each letter of the run the same way, with one exit.
 */
function addDeadNodes(trie: Trie): void {
  const { children, prefixed, real } = trie;
  const dead = new Map<string, number>();
  for (let node = 0; node < real; node++) {
    const k = prefixed[node].join(",");
    let to = dead.get(k);
    if (to === undefined) {
      to = prefixed.length << STRIDE_SHIFT;
      dead.set(k, to);
      prefixed.push(prefixed[node]);
      children.push(...new Array(26).fill(to), ...new Array((1 << STRIDE_SHIFT) - 26).fill(0));
    }
    for (let k = 0; k < 26; k++) {
      if (children[(node << STRIDE_SHIFT) + k] === 0) {
        children[(node << STRIDE_SHIFT) + k] = to;
      }
    }
  }
}

/** The scan's lookup tables, each entry the triggers it fires (before they become lists). */
interface Tables {
  readonly letters: number[][];
  readonly exceptAt: Uint8Array;
  readonly excepted: number[][];
  readonly digits: number[][];
  readonly wordLength: number[][];
  readonly chars: number[][];
  readonly capitals: number[];
}

/** Step 5: what each letter run, digit run, word run and character fires. */
function buildTables(
  triggers: ReadonlyArray<Trigger>,
  trie: Trie,
  exceptions: WordKeys["exceptions"],
): Tables {
  const indices = (pick: (t: Trigger) => boolean): number[] => {
    const out: number[] = [];
    triggers.forEach((t, d) => {
      if (pick(t)) {
        out.push(d);
      }
    });
    return out;
  };
  const capitals = indices((t) => t.capitals === true);
  const { prefixed, exact, spelled, real } = trie;
  const letters: number[][] = [];
  const exceptAt = new Uint8Array(prefixed.length);
  const excepted: number[][] = [];
  for (let node = 0; node < prefixed.length; node++) {
    // A run that ends in a trie node is that whole word.
    const ended = node < real ? union(prefixed[node], exact[node]) : prefixed[node];
    letters.push(ended, union(ended, capitals));
    const except = node > 0 && node < real ? exceptions.get(spelled[node]) : undefined;
    excepted.push(
      except === undefined
        ? []
        : union(
            ended,
            capitals.filter((d) => !except.includes(d)),
          ),
    );
    exceptAt[node] = except === undefined ? 0 : 1;
  }
  const digits: number[][] = [];
  for (let len = 0; len <= MAX_RUN; len++) {
    for (let next = 0; next < NEXT_CLASSES; next++) {
      const ch = next < OTHER ? String.fromCharCode(next) : "";
      digits.push(len === 0 ? [] : indices((t) => t.digits?.(len, ch) === true));
    }
  }
  const wordLength: number[][] = [];
  for (let len = 0; len <= MAX_RUN; len++) {
    for (let first = 0; first < 128; first++) {
      const ch = String.fromCharCode(first);
      wordLength.push(
        len === 0 || (CLASS[first] & WORD) === 0
          ? []
          : indices((t) => t.wordLength?.(len, ch) === true),
      );
    }
  }
  const chars: number[][] = [];
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    chars.push(indices((t) => t.chars?.includes(ch) === true));
  }
  return { letters, exceptAt, excepted, digits, wordLength, chars, capitals };
}

/**
 * Step 6: one list per distinct trigger. Two triggers in exactly the same entries of every table receive the
 * same positions on every text: they share a list. Returns, per trigger, the index of its list, and the number of
 * lists.
 */
function shareLists(
  count: number,
  tables: Tables,
): { listOf: number[]; lists: number; targets: (entry: ReadonlyArray<number>) => Targets } {
  const entries = [
    ...tables.letters,
    ...tables.excepted,
    ...tables.digits,
    ...tables.wordLength,
    ...tables.chars,
    tables.capitals,
  ];
  const signatures: number[][] = Array.from({ length: count }, () => []);
  entries.forEach((entry, e) => entry.forEach((d) => signatures[d].push(e)));
  const bySignature = new Map<string, number>();
  const listOf = signatures.map((sig) => {
    const k = sig.join(",");
    let list = bySignature.get(k);
    if (list === undefined) {
      list = bySignature.size;
      bySignature.set(k, list);
    }
    return list;
  });
  // Equal entries share one Targets array: a few dozen objects for the scan to touch, not thousands.
  const targetsByKey = new Map<string, Targets>();
  const targets = (entry: ReadonlyArray<number>): Targets => {
    const lists = [...new Set(entry.map((d) => listOf[d]))].sort((a, b) => a - b);
    if (lists.length === 0) {
      return NONE;
    }
    const k = lists.join(",");
    let t = targetsByKey.get(k);
    if (t === undefined) {
      t = lists;
      targetsByKey.set(k, t);
    }
    return t;
  };
  return { listOf, lists: bySignature.size, targets };
}

export class TriggerSet {
  /** Trie over lowercase a-z: the next node's slot base per node slot and letter, a dead node off the words. */
  private readonly child: Int32Array;
  /**
   * What a letter run fires, by the node its walk ended in (2 entries per node: the run starts a capitalised word
   * or not): the prefixes met on the way, the whole word when it is a trie node, the capitals when capitalised.
   */
  private readonly letters: Targets[];
  /** Per node: 1 when it is a word of some capitalsExcept (what `excepted` then fires instead). */
  private readonly exceptAt: Uint8Array;
  /** Per node of a capitalsExcept word: the capitalised entry without the triggers that except the word. */
  private readonly excepted: Targets[];
  private readonly digits: Targets[];
  private readonly wordLength: Targets[];
  /** Word runs shorter than this fire nothing (no trigger wants short words): most runs end without a lookup. */
  private readonly shortestWord: number;
  private readonly chars: Targets[];
  /** What a Latin-1 capital not preceded by an ASCII letter fires. */
  private readonly latin: Targets;
  /** How many lists a scan fills: one per distinct trigger. */
  private readonly listCount: number;
  /** Per trigger, the index of the list it receives. */
  private readonly listOf: ReadonlyArray<number>;

  /** Builds the scan's tables from the triggers, in the named steps above. */
  constructor(triggers: ReadonlyArray<Trigger>) {
    checkTriggers(triggers);
    const { keys, exceptions } = wordKeys(triggers);
    const trie = buildTrie(keys);
    addDeadNodes(trie);
    this.child = Int32Array.from(trie.children);
    const tables = buildTables(triggers, trie, exceptions);
    const { listOf, lists, targets } = shareLists(triggers.length, tables);
    this.listOf = listOf;
    this.listCount = lists;
    this.letters = tables.letters.map(targets);
    this.exceptAt = tables.exceptAt;
    this.excepted = tables.excepted.map(targets);
    this.digits = tables.digits.map(targets);
    this.wordLength = tables.wordLength.map(targets);
    const firstFired = tables.wordLength.findIndex((entry) => entry.length > 0);
    this.shortestWord = firstFired < 0 ? MAX_RUN + 1 : Math.floor(firstFired / 128);
    this.chars = tables.chars.map(targets);
    this.latin = targets(tables.capitals);
  }

  /**
   * Positions where each trigger holds, in the order the triggers were given, in lists of this call's own.
   * Triggers that hold at the same positions on every text (the capitals of places and of names) get the same
   * array.
   */
  scan(text: string): ReadonlyArray<Starts> {
    // Lists are made when their first position is found: most triggers hold nowhere in a given text.
    const out: Array<number[] | undefined> = new Array<number[] | undefined>(this.listCount).fill(
      undefined,
    );
    const { child, letters, exceptAt, excepted, digits, wordLength, shortestWord, chars, latin } =
      this;
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
        fire(digits[(d - i < MAX_RUN ? d - i : MAX_RUN) * NEXT_CLASSES + next], out, i);
        if (word < 0) {
          word = i;
        }
        i = d;
        continue;
      }
      if ((cls & LETTER) !== 0) {
        // A letter run starts here: its first letter is not preceded by an ASCII letter.
        // The first letter is known to be one: it steps from the root (slot base 0) without the loop's tests.
        // Setting bit 5 lowercases an ASCII capital and leaves every other code outside a-z.
        let base = child[(c | 32) - 97];
        let l = i + 1;
        while (l < n) {
          const k = ((text.charCodeAt(l) | 32) - 97) >>> 0;
          if (k >= 26) {
            break;
          }
          base = child[base + k];
          l++;
        }
        if ((cls & UPPER) === 0 || !startsLowercase(text.charCodeAt(i + 1))) {
          fire(letters[base >> LETTERS_SHIFT], out, i);
        } else if (exceptAt[base >> STRIDE_SHIFT] === 1 && isExactWord(text, i + 1, l)) {
          fire(excepted[base >> STRIDE_SHIFT], out, i);
        } else {
          fire(letters[(base >> LETTERS_SHIFT) + 1], out, i);
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
        if (i - word >= shortestWord) {
          fire(wordLength[wordRun(i - word) * 128 + text.charCodeAt(word)], out, word);
        }
        word = -1;
      }
      if (c < 128) {
        fire(chars[c], out, i);
      } else if ((cls & LATIN_UPPER) !== 0 && latin.length > 0) {
        const p = i > 0 ? text.charCodeAt(i - 1) : 0;
        if ((p >= 128 || (CLASS[p] & LETTER) === 0) && startsLowercase(text.charCodeAt(i + 1))) {
          fire(latin, out, i);
        }
      }
      i++;
    }
    if (word >= 0 && n - word >= shortestWord) {
      fire(wordLength[wordRun(n - word) * 128 + text.charCodeAt(word)], out, word);
    }
    return this.listOf.map((o) => out[o] ?? NOWHERE);
  }

  /** Every position of `text`: what a scan without triggers would try (for tests and comparisons). */
  static everywhere(text: string): Starts {
    return Array.from({ length: text.length }, (_, i) => i);
  }
}

/**
 * Whether the letters of `text[from, to)` are all lowercase ASCII and the character at `to` (a hyphen, an
 * apostrophe, a Latin-1 letter) cannot carry a word on past them: the run is then the word a capitalsExcept
 * lists, exactly as written.
 */
function isExactWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) {
      return false;
    }
  }
  const next = text.charCodeAt(to);
  return next !== 45 && next !== 39 && !(next >= 0xc0 && next <= 0xff);
}

/** Whether a capital followed by `c` starts a capitalised word: a lowercase letter or an apostrophe (NaN past the end is not). */
function startsLowercase(c: number): boolean {
  return isLower(c) || c === 39;
}

/** A run length as the tables index it. */
function wordRun(length: number): number {
  return length < MAX_RUN ? length : MAX_RUN;
}

/** The list of a trigger that held nowhere in the text scanned (shared: no one writes to a Starts). */
const NOWHERE: Starts = [];

function fire(targets: Targets, out: Array<number[] | undefined>, at: number): void {
  for (let k = 0; k < targets.length; k++) {
    const list = out[targets[k]];
    if (list === undefined) {
      out[targets[k]] = [at];
    } else {
      list.push(at);
    }
  }
}

/**
 * Calls `fn` with each match of the sticky regex `re` that starts at one of `starts` (and, when given, where
 * `accept` holds), skipping starts inside the previous match: what a global scan finds, when every match starts
 * at one of `starts`.
 */
export function eachAt(
  re: RegExp,
  text: string,
  starts: Starts,
  fn: (m: RegExpExecArray) => void,
  accept?: (text: string, at: number) => boolean,
): void {
  let free = 0;
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k];
    if (at < free || (accept !== undefined && !accept(text, at))) {
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

/**
 * Where capture group `g` of `m` starts, for a group that ends the match (lookaheads aside): its position follows
 * from the lengths, where the `d` flag that would give it makes every match several times slower.
 */
export function endingGroupStart(m: RegExpExecArray, g: number): number {
  return m.index + m[0].length - m[g].length;
}

/** The top-level alternatives of a regex source ("a|b(?:c|d)" -> "a", "b(?:c|d)"). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
    } else if (c === "(" || c === "[") {
      depth++;
    } else if (c === ")" || c === "]") {
      depth--;
    } else if (c === "|" && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/**
 * The trigger of a regex alternation of labels ("mrn|medical record|med(?:ical)? rec(?:ord)?"), derived from the
 * labels themselves so that they are written once: each label's leading ASCII letters, as a whole word when the
 * label goes on with something else than letters, as a prefix when an optional part or a class can carry the
 * word on ("med(?:ical)?", "licen[cs]e"; a lookahead does not), without its last letter when that letter is
 * optional ("https?"); each alternative of a leading group counts as a label ("(?:case|claim) id").
 * Throws for a label that does not start with a letter: such a trigger has to be declared by hand.
 */
export function labelTrigger(alternation: string): Trigger {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  const labels = alternatives(alternation);
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k];
    // "(?:case|claim)(?= id)": each alternative of a leading group, followed by the rest of the label.
    if (label.startsWith("(?:")) {
      let depth = 0;
      let end = 0;
      for (; end < label.length; end++) {
        if (label[end] === "\\") {
          end++;
        } else if (label[end] === "(") {
          depth++;
        } else if (label[end] === ")" && --depth === 0) {
          break;
        }
      }
      const rest = label.slice(end + 1);
      if (!rest.startsWith("?") && !rest.startsWith("*")) {
        labels.push(...alternatives(label.slice(3, end)).map((a) => a + rest));
        continue;
      }
    }
    // "med(?:ical)?" and "licen[cs]e" stand for two words each: written out, they trigger as whole words.
    const optional = /^([A-Za-z]+)\(\?:([A-Za-z]+)\)\?(.*)$/.exec(label);
    if (optional !== null) {
      labels.push(optional[1] + optional[3], optional[1] + optional[2] + optional[3]);
      continue;
    }
    const letterClass = /^([A-Za-z]+)\[([A-Za-z]+)\]([A-Za-z].*)$/.exec(label);
    if (letterClass !== null) {
      labels.push(...[...letterClass[2]].map((c) => letterClass[1] + c + letterClass[3]));
      continue;
    }
    const letters = (/^[A-Za-z]*/.exec(label) ?? [""])[0].toLowerCase();
    const next = label[letters.length] ?? "";
    if (letters === "") {
      throw new Error(`label "${label}" does not start with a letter: declare its trigger by hand`);
    }
    if (next === "?" || next === "*") {
      prefixes.add(letters.slice(0, -1));
    } else if (next === "[" || (next === "(" && !/^\(\?[=!]/.test(label.slice(letters.length)))) {
      prefixes.add(letters);
    } else {
      words.add(letters);
    }
  }
  for (const p of prefixes) {
    if (p === "") {
      throw new Error(
        `a label of "${alternation}" has an optional first letter: declare its trigger by hand`,
      );
    }
  }
  return { words: [...words], prefixes: [...prefixes] };
}

/** `re` as a sticky regex (same source and flags, `g` dropped): it matches only where it is put. */
export function sticky(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace("g", "") + "y");
}
