import { DETECTORS } from "./detectors";
import { eachOccurrence } from "./occurrences";
import { detectPatient } from "./patient";
import { fold, isSpace, isWordChar, onlyBlanks } from "./chars";
import { Starts, TriggerSet } from "./scan";
import { Finding, maskOf, Patient, PHI_TYPES, PhiType, RedactOptions, RedactResult } from "./types";

const ALL = new Set<PhiType>(PHI_TYPES);
/** On equal length the more specific category wins: PHI_TYPES lists ID (the catch-all) last. */
const RANK = new Map<PhiType, number>(PHI_TYPES.map((t, i) => [t, i]));
const MASK_RE = new RegExp(`\\[(?:${PHI_TYPES.join("|")})\\]`, "g");

/** One scan of a text finds where each detector can match. */
const TRIGGERS = new TriggerSet(DETECTORS.flatMap((d) => d.triggers));

/** Where each detector's triggers start in the scan's lists (its share is the next `triggers.length` lists). */
const FIRST_TRIGGER: ReadonlyArray<number> = (() => {
  let at = 0;
  return DETECTORS.map((d) => {
    const first = at;
    at += d.triggers.length;
    return first;
  });
})();

function toText(value: unknown): string {
  if (typeof value === "string") {
    return value;
  }
  if (value === null || value === undefined) {
    return "";
  }
  try {
    return String(value);
  } catch {
    return "";
  }
}

/** Before `b` in merge order: by start, the longer first. */
function before(a: Finding, b: Finding): boolean {
  return a.start < b.start || (a.start === b.start && a.end > b.end);
}

/**
 * Findings in merge order. A note has a few dozen, in one ascending run per detector, which insertion sort puts in
 * order in about a quarter of the time Array.prototype.sort takes with a comparator; long texts take the latter.
 */
function sortFindings(found: Finding[]): void {
  if (found.length > 64) {
    found.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return;
  }
  for (let i = 1; i < found.length; i++) {
    const f = found[i];
    let j = i - 1;
    while (j >= 0 && before(f, found[j])) {
      found[j + 1] = found[j];
      j--;
    }
    found[j + 1] = f;
  }
}

/**
 * Sorted, non-overlapping spans; overlapping ones become one span typed after its longest member, and names
 * separated only by spaces ("Peter" "Chalmers") become one [NAME].
 */
function merge(text: string, found: Finding[]): Finding[] {
  sortFindings(found);
  const out: Finding[] = [];
  let cur: { type: PhiType; start: number; end: number; len: number } | undefined;
  for (const f of found) {
    const len = f.end - f.start;
    const joinsName =
      cur !== undefined &&
      cur.type === "NAME" &&
      f.type === "NAME" &&
      f.start - cur.end <= 8 &&
      onlyBlanks(text, cur.end, f.start);
    if (cur !== undefined && (f.start < cur.end || joinsName)) {
      const better = len > cur.len || (len === cur.len && RANK.get(f.type)! < RANK.get(cur.type)!);
      if (better) {
        cur.type = f.type;
        cur.len = len;
      }
      cur.end = Math.max(cur.end, f.end);
      continue;
    }
    if (cur !== undefined) {
      out.push({ type: cur.type, start: cur.start, end: cur.end });
    }
    cur = { type: f.type, start: f.start, end: f.end, len };
  }
  if (cur !== undefined) {
    out.push({ type: cur.type, start: cur.start, end: cur.end });
  }
  return out;
}

/**
 * Where masks stand in a text, as start and end offsets one after the other (start0, end0, start1, ...): what
 * the detectors' findings are checked against. A flat list: a rendered note has dozens, one pair array each
 * would be as many allocations.
 */
type Masks = number[];

/** Spans of masks already in the text: a second pass must neither re-detect nor split them. */
function maskSpans(text: string): Masks {
  if (!text.includes("[")) {
    return [];
  }
  const spans: Masks = [];
  MASK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MASK_RE.exec(text)) !== null) {
    spans.push(m.index, m.index + m[0].length);
  }
  return spans;
}

/** Whether one of the first `count` findings starts at `at` (a few dozen findings: no set is worth building). */
function startsFinding(found: ReadonlyArray<Finding>, count: number, at: number): boolean {
  for (let k = 0; k < count; k++) {
    if (found[k].start === at) {
      return true;
    }
  }
  return false;
}

/** Characters compared, at most, by per-value indexOf scans before one multi-string pass costs less. */
const INDEXOF_BUDGET = 1 << 20;

/** Whether `input` holds the same characters at `a` and `b` for `length` characters. */
function sameText(input: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) {
    if (input.charCodeAt(a + i) !== input.charCodeAt(b + i)) {
      return false;
    }
  }
  return true;
}

/** Whether a finding after `found[k]` (among the first `count`) covers the same value: that one gives its type. */
function valueRepeated(
  input: string,
  found: ReadonlyArray<Finding>,
  count: number,
  k: number,
): boolean {
  const { start, end } = found[k];
  for (let j = k + 1; j < count; j++) {
    const g = found[j];
    if (g.end - g.start === end - start && sameText(input, g.start, start, end - start)) {
      return true;
    }
  }
  return false;
}

/**
 * A value found to be PHI in one place is PHI everywhere in the same text, even where its context is missing
 * ("SSN 123-45-6789" then "123-45-6789x"): every other occurrence of a found value is masked with the same type
 * (when two findings hold the same value, the later one's type).
 */
function propagate(
  input: string,
  found: Finding[],
  sink: (type: PhiType, start: number, end: number) => void,
): void {
  // `sink` appends to `found`: only the first `own` findings are the detectors'.
  const own = found.length;
  // Successive native indexOf scans per value, while values x length stays small (a note and the values found in
  // it); past that (a long batch of logs with thousands of values), one Aho-Corasick pass for all of them.
  if (own <= 16 || own * input.length <= INDEXOF_BUDGET) {
    for (let k = 0; k < own; k++) {
      const { type, start, end } = found[k];
      // A note has a few dozen findings: comparing them beats hashing every value into a map.
      if (end - start < 3 || valueRepeated(input, found, own, k)) {
        continue;
      }
      const v = input.slice(start, end);
      for (let at = input.indexOf(v); at !== -1; at = input.indexOf(v, at + v.length)) {
        if (!startsFinding(found, own, at)) {
          sink(type, at, at + v.length);
        }
      }
    }
    return;
  }
  const types = new Map<string, PhiType>();
  const starts = new Set<number>();
  for (let k = 0; k < own; k++) {
    const f = found[k];
    starts.add(f.start);
    if (f.end - f.start >= 3) {
      types.set(input.slice(f.start, f.end), f.type);
    }
  }
  const values = [...types.keys()];
  eachOccurrence(input, values, (k, at) => {
    if (!starts.has(at)) {
      sink(types.get(values[k])!, at, at + values[k].length);
    }
  });
}

/** One detection pass: what its sink checks findings against, and the findings it has taken. */
class Pass {
  readonly found: Finding[] = [];

  constructor(
    readonly input: string,
    /** The masks already in `input`: no finding may overlap one. */
    readonly masks: Masks,
    readonly wanted: ReadonlySet<PhiType>,
  ) {}

  /** Takes a detector's finding (bound, so that detectors can be handed it as a plain function). */
  readonly sink = (type: PhiType, start: number, end: number): void => {
    const { input, masks, wanted } = this;
    if (end <= start || (wanted !== ALL && !wanted.has(type))) {
      return;
    }
    // Masks are sorted and disjoint: the first one ending after `start` is the only one that can overlap.
    let lo = 0;
    let hi = masks.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (masks[2 * mid + 1] <= start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (2 * lo < masks.length && masks[2 * lo] < end) {
      return;
    }
    // Findings always cover whole words: a mask placed mid-word would create a word boundary that a second pass
    // could match on, and the rest of a half-masked word is usually part of the same identifier.
    while (
      start > 0 &&
      isWordChar(input.charCodeAt(start - 1)) &&
      isWordChar(input.charCodeAt(start))
    ) {
      start--;
    }
    while (
      end < input.length &&
      isWordChar(input.charCodeAt(end - 1)) &&
      isWordChar(input.charCodeAt(end))
    ) {
      end++;
    }
    this.found.push({ type, start, end });
  };
}

function anyStart(lists: ReadonlyArray<Starts>, from: number, count: number): boolean {
  for (let k = from; k < from + count; k++) {
    if (lists[k].length > 0) {
      return true;
    }
  }
  return false;
}

/**
 * Every detector's raw findings on `input`, before propagation and merging, in a pass of this call's own. `masks`
 * are the masks in `input` when the caller knows them (a rendered text), else they are searched for.
 */
function collect(
  input: string,
  options: RedactOptions,
  wanted: ReadonlySet<PhiType>,
  masks: Masks = maskSpans(input),
): Pass {
  const pass = new Pass(input, masks, wanted);
  if (options?.patient !== undefined) {
    detectPatient(input, options.patient, pass.sink);
  }
  const lists = TRIGGERS.scan(input);
  for (let i = 0; i < DETECTORS.length; i++) {
    const d = DETECTORS[i];
    const first = FIRST_TRIGGER[i];
    // Every match starts where a trigger holds: a detector none of whose triggers held has nothing to find.
    if (
      anyStart(lists, first, d.triggers.length) &&
      (wanted === ALL || wanted.has(d.type) || d.also?.some((t) => wanted.has(t)))
    ) {
      d.detect(input, lists.slice(first, first + d.triggers.length), pass.sink);
    }
  }
  return pass;
}

/** One detection pass over `input`: merged findings (no rendering), and the masks `input` held. */
function detect(
  input: string,
  options: RedactOptions,
  wanted: ReadonlySet<PhiType>,
  masks?: Masks,
): { findings: Finding[]; masks: Masks } {
  const pass = collect(input, options, wanted, masks);
  if (pass.found.length === 0) {
    return { findings: pass.found, masks: pass.masks };
  }
  propagate(input, pass.found, pass.sink);
  return { findings: merge(input, pass.found), masks: pass.masks };
}

interface Rendered {
  readonly text: string;
  /** Every mask in `text`: those of the findings and those the input already held, in order. */
  readonly masks: Masks;
}

/**
 * `input` with each finding replaced by its mask. `inputMasks` (the masks `input` already held, which no finding
 * overlaps) are carried over to the result's list, so that a scan of the result need not search for them: a mask
 * in the result is either a finding's or stands whole in the unchanged text between two findings.
 */
function render(
  input: string,
  findings: ReadonlyArray<Finding>,
  inputMasks: ReadonlyArray<number>,
): Rendered {
  // Joined, not concatenated: `+=` builds a rope, and the scan reads a rope's characters about 40% slower.
  const parts: string[] = [];
  const masks: Masks = [];
  let length = 0;
  let at = 0;
  let m = 0;
  const carry = (until: number) => {
    for (; m < inputMasks.length && inputMasks[m] < until; m += 2) {
      const start = length + inputMasks[m] - at;
      masks.push(start, start + inputMasks[m + 1] - inputMasks[m]);
    }
  };
  for (const f of findings) {
    carry(f.start);
    const mask = maskOf(f.type);
    parts.push(input.slice(at, f.start), mask);
    length += f.start - at;
    masks.push(length, length + mask.length);
    length += mask.length;
    at = f.end;
  }
  carry(input.length);
  parts.push(input.slice(at));
  return { text: parts.join(""), masks };
}

/** Maps a finding on the rendered text back to the original: a position inside a mask covers the masked span. */
function toOriginal(f: Finding, findings: ReadonlyArray<Finding>): Finding {
  let shift = 0;
  let start = -1;
  let end = -1;
  for (const g of findings) {
    const outStart = g.start + shift;
    const outEnd = outStart + maskOf(g.type).length;
    if (start < 0 && f.start < outEnd) {
      start = f.start < outStart ? f.start - shift : g.start;
    }
    if (end < 0 && f.end <= outEnd) {
      end = f.end <= outStart ? f.end - shift : g.end;
      // Both ends are mapped (a start is always mapped first): the masks further on cannot matter.
      break;
    }
    shift += outEnd - outStart - (g.end - g.start);
  }
  return {
    type: f.type,
    start: start < 0 ? f.start - shift : start,
    end: end < 0 ? f.end - shift : end,
  };
}

/** Masking changes the context around each mask; passes repeat until the output has nothing left to find. */
const MAX_PASSES = 4;

/**
 * How far from a mask a detector can read: the longest match or context any detector uses (a quoted JSON value
 * of up to 500 characters after its key, 96 characters before a credential, 256 after an '@', names listed six
 * at a time) with room to spare. A window this wide on each side of every new mask, widened to whitespace,
 * holds every match that a new mask can create, change or expose.
 */
const WINDOW_MARGIN = 640;
/** Past this share of the output, scanning the windows costs about as much as scanning everything. */
const WINDOW_SHARE = 0.6;

/**
 * Whether a scan of `out` (the input rendered with `findings`) might find anything new, judged from windows
 * around the masks that `findings` has and `previous` had not. Text outside the windows is unchanged since the
 * previous scan, which found nothing there that is not masked now. A hit in a window is only a hint: the caller
 * then scans the whole output, so propagation and names learnt anywhere in the text apply exactly as before.
 */
function changedNearMasks(
  out: string,
  previous: ReadonlyArray<Finding>,
  findings: ReadonlyArray<Finding>,
  options: RedactOptions,
  wanted: ReadonlySet<PhiType>,
): boolean {
  // A patient's identifiers can be matched across arbitrary spacing: no fixed margin bounds them.
  if (options?.patient !== undefined) {
    return true;
  }
  // After the first pass every mask is new, and in a short text the window of any one covers all of it.
  if (previous.length === 0 && out.length <= 2 * WINDOW_MARGIN) {
    return true;
  }
  const seen = new Set<string>();
  for (const f of previous) {
    seen.add(`${f.type}:${f.start}:${f.end}`);
  }
  const windows: Array<[number, number]> = [];
  let shift = 0;
  for (const f of findings) {
    const start = f.start + shift;
    const end = start + maskOf(f.type).length;
    shift = end - f.end;
    if (seen.has(`${f.type}:${f.start}:${f.end}`)) {
      continue;
    }
    let ws = Math.max(0, start - WINDOW_MARGIN);
    while (ws > 0 && !isSpace(out.charCodeAt(ws - 1))) {
      ws--;
    }
    let we = Math.min(out.length, end + WINDOW_MARGIN);
    while (we < out.length && !isSpace(out.charCodeAt(we))) {
      we++;
    }
    const last = windows[windows.length - 1];
    if (last !== undefined && ws <= last[1]) {
      last[1] = Math.max(last[1], we);
    } else {
      windows.push([ws, we]);
    }
  }
  if (windows.length === 0) {
    return false;
  }
  let covered = 0;
  for (const [ws, we] of windows) {
    covered += we - ws;
  }
  if (covered >= out.length * WINDOW_SHARE) {
    return true;
  }
  for (const [ws, we] of windows) {
    if (collect(out.slice(ws, we), options, wanted).found.length > 0) {
      return true;
    }
  }
  return false;
}

/** Every string in `value` folded (chars.ts), so that a patient's identifiers match the folded view. */
function foldStrings(value: unknown, depth = 0): unknown {
  if (typeof value === "string") {
    return fold(value).text;
  }
  if (depth > 8 || value === null || typeof value !== "object") {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => foldStrings(v, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = foldStrings(v, depth + 1);
  }
  return out;
}

const foldedPatients = new WeakMap<object, Patient>();

function foldedOptions(options: RedactOptions): RedactOptions {
  const patient = options?.patient;
  if (patient === undefined || patient === null || typeof patient !== "object") {
    return options;
  }
  let folded = foldedPatients.get(patient);
  if (folded === undefined) {
    try {
      folded = foldStrings(patient) as Patient;
    } catch {
      // A getter that throws or a proxy: the patient contributes nothing rather than the call failing.
      folded = {};
    }
    foldedPatients.set(patient, folded);
  }
  return { ...options, patient: folded };
}

/**
 * Detects and masks PHI in `text`. Never throws: a non-string is converted with String() (null and undefined
 * give ""), and a malformed `options.patient` contributes whatever identifiers it does carry. Redacting the
 * result again finds nothing: the output is re-scanned and anything the masks exposed is masked too.
 *
 * The detectors read the folded view of the text (chars.ts: composed accents, ASCII spaces and digits); their
 * findings are mapped back to offsets into `text`, and the masks are placed in `text` itself.
 */
export function redactText(text: unknown, options: RedactOptions = {}): RedactResult {
  const input = toText(text);
  if (input.length === 0) {
    return { text: input, findings: [] };
  }
  const view = fold(input);
  const found = redactView(view.text, foldedOptions(options));
  if (!view.changed) {
    return found;
  }
  if (found.findings.length === 0) {
    return { text: input, findings: [] };
  }
  const from = view.from;
  const findings =
    from === undefined
      ? found.findings
      : found.findings.map((f) => ({ type: f.type, start: from[f.start], end: from[f.end] }));
  return { text: render(input, findings, []).text, findings };
}

/** redactText on the folded view `input`. */
function redactView(input: string, options: RedactOptions): RedactResult {
  const wanted = Array.isArray(options?.categories) ? new Set<PhiType>(options.categories) : ALL;
  const first = detect(input, options, wanted);
  let findings = first.findings;
  if (findings.length === 0) {
    return { text: input, findings };
  }
  // The masks `input` held: `detect` looked for them, and a finding never overlaps one.
  const inputMasks = first.masks;
  let { text: out, masks } = render(input, findings, inputMasks);
  // Masks change lengths and neighbours, so context-dependent patterns ("phone ... 555-1234" within a window) can
  // read the masked text differently: scan again until nothing new is found, which makes redaction idempotent.
  // Only the text around the masks inserted by the previous pass can read differently: if nothing is found near
  // them, a scan of the whole output would find nothing either, and the loop ends without one.
  let previous: ReadonlyArray<Finding> = [];
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    if (!changedNearMasks(out, previous, findings, options, wanted)) {
      break;
    }
    const again = detect(out, options, wanted, masks).findings;
    if (again.length === 0) {
      break;
    }
    previous = findings;
    findings = merge(input, [...findings, ...again.map((f) => toOriginal(f, findings))]);
    ({ text: out, masks } = render(input, findings, inputMasks));
  }
  return { text: out, findings };
}
