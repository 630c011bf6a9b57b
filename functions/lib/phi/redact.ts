import { detectLocations } from "./geo";
import { detectNames } from "./names";
import { detectPatient } from "./patient";
import { PATTERN_DETECTORS } from "./patterns";
import { Finding, maskOf, PHI_TYPES, PhiType, RedactOptions, RedactResult } from "./types";

const ALL = new Set<PhiType>(PHI_TYPES);
/** On equal length the more specific category wins: PHI_TYPES lists ID (the catch-all) last. */
const RANK = new Map<PhiType, number>(PHI_TYPES.map((t, i) => [t, i]));
const MASK_RE = new RegExp(`\\[(?:${PHI_TYPES.join("|")})\\]`, "g");

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

/**
 * Sorted, non-overlapping spans; overlapping ones become one span typed after its longest member, and names
 * separated only by spaces ("Peter" "Chalmers") become one [NAME].
 */
function merge(text: string, found: Finding[]): Finding[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  let cur: { type: PhiType; start: number; end: number; len: number } | undefined;
  for (const f of found) {
    const len = f.end - f.start;
    const joinsName =
      cur !== undefined &&
      cur.type === "NAME" &&
      f.type === "NAME" &&
      f.start - cur.end <= 8 &&
      /^[ \t]+$/.test(text.slice(cur.end, f.start));
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

/** Spans of masks already in the text: a second pass must neither re-detect nor split them. */
function maskSpans(text: string): Array<[number, number]> {
  if (!text.includes("[")) {
    return [];
  }
  const spans: Array<[number, number]> = [];
  MASK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MASK_RE.exec(text)) !== null) {
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * A value found to be PHI in one place is PHI everywhere in the same text, even where its context is missing
 * ("SSN 123-45-6789" then "123-45-6789x"): every other occurrence of a found value is masked with the same type.
 */
function propagate(
  input: string,
  found: Finding[],
  sink: (type: PhiType, start: number, end: number) => void,
): void {
  const types = new Map<string, PhiType>();
  const starts = new Set<number>();
  for (const f of found) {
    starts.add(f.start);
    if (f.end - f.start >= 3) {
      types.set(input.slice(f.start, f.end), f.type);
    }
  }
  if (types.size === 0) {
    return;
  }
  // Short texts: one walk over the text, trying at each position only the values starting with its character
  // (each value's occurrences are non-overlapping, as successive indexOf scans would find them). Long texts with
  // many values: one regex pass.
  if (types.size * input.length < 4_000_000) {
    const byFirst = new Map<number, string[]>();
    for (const v of types.keys()) {
      const c = v.charCodeAt(0);
      const list = byFirst.get(c);
      if (list === undefined) {
        byFirst.set(c, [v]);
      } else {
        list.push(v);
      }
    }
    const nextFree = new Map<string, number>();
    for (let at = 0; at < input.length; at++) {
      const list = byFirst.get(input.charCodeAt(at));
      if (list === undefined) {
        continue;
      }
      for (const v of list) {
        if (input.startsWith(v, at) && at >= (nextFree.get(v) ?? 0)) {
          nextFree.set(v, at + v.length);
          if (!starts.has(at)) {
            sink(types.get(v)!, at, at + v.length);
          }
        }
      }
    }
    return;
  }
  const values = [...types.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    sink(types.get(m[0])!, m.index, m.index + m[0].length);
  }
}

/** One detection pass over `input`: merged findings, no rendering. */
function detect(input: string, options: RedactOptions, wanted: ReadonlySet<PhiType>): Finding[] {
  const masks = maskSpans(input);
  const found: Finding[] = [];
  const sink = (type: PhiType, start: number, end: number): void => {
    if (end <= start || !wanted.has(type)) {
      return;
    }
    for (const [ms, me] of masks) {
      if (start < me && ms < end) {
        return;
      }
    }
    // Findings always cover whole words: a mask placed mid-word would create a word boundary that a second pass
    // could match on, and the rest of a half-masked word is usually part of the same identifier.
    while (start > 0 && isWord(input.charCodeAt(start - 1)) && isWord(input.charCodeAt(start))) {
      start--;
    }
    while (
      end < input.length &&
      isWord(input.charCodeAt(end - 1)) &&
      isWord(input.charCodeAt(end))
    ) {
      end++;
    }
    found.push({ type, start, end });
  };
  if (options?.patient !== undefined) {
    detectPatient(input, options.patient, sink);
  }
  for (const d of PATTERN_DETECTORS) {
    if (wanted.has(d.type) || d.also?.some((t) => wanted.has(t))) {
      d.detect(input, sink);
    }
  }
  if (wanted.has("LOCATION")) {
    detectLocations(input, sink);
  }
  if (wanted.has("NAME")) {
    detectNames(input, sink);
  }
  if (found.length === 0) {
    return found;
  }
  propagate(input, found, sink);
  return merge(input, found);
}

function render(input: string, findings: ReadonlyArray<Finding>): string {
  const parts: string[] = [];
  let at = 0;
  for (const f of findings) {
    parts.push(input.slice(at, f.start), maskOf(f.type));
    at = f.end;
  }
  parts.push(input.slice(at));
  return parts.join("");
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
 * Detects and masks PHI in `text`. Never throws: a non-string is converted with String() (null and undefined
 * give ""), and a malformed `options.patient` contributes whatever identifiers it does carry. Redacting the
 * result again finds nothing: the output is re-scanned and anything the masks exposed is masked too.
 */
export function redactText(text: unknown, options: RedactOptions = {}): RedactResult {
  const input = toText(text);
  if (input.length === 0) {
    return { text: input, findings: [] };
  }
  const wanted = Array.isArray(options?.categories) ? new Set<PhiType>(options.categories) : ALL;
  let findings = detect(input, options, wanted);
  if (findings.length === 0) {
    return { text: input, findings };
  }
  let out = render(input, findings);
  // Masks change lengths and neighbours, so context-dependent patterns ("phone ... 555-1234" within a window) can
  // read the masked text differently: scan again until nothing new is found, which makes redaction idempotent.
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const again = detect(out, options, wanted);
    if (again.length === 0) {
      break;
    }
    findings = merge(input, [...findings, ...again.map((f) => toOriginal(f, findings))]);
    out = render(input, findings);
  }
  return { text: out, findings };
}
