/**
 * FHIR date, dateTime and instant values as closed intervals of epoch milliseconds: "2013-04" covers the whole
 * month, "2013-04-02T09:30:10+01:00" one second. Values without a time zone are read as UTC. Period.start/end
 * absent means unbounded on that side.
 */
import type { Period } from "@medplum/fhirtypes";

export interface Interval {
  readonly start: number;
  readonly end: number;
}

const DATE_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The interval a FHIR date/dateTime/instant denotes, or undefined when it is not one. */
export function intervalOf(value: unknown): Interval | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const m = DATE_RE.exec(value);
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const month = mo === undefined ? undefined : Number(mo) - 1;
  if (month !== undefined && (month < 0 || month > 11)) {
    return undefined;
  }
  const day = d === undefined ? undefined : Number(d);
  if (day !== undefined && (day < 1 || day > 31)) {
    return undefined;
  }
  const offsetMs =
    tz === undefined || tz === "Z"
      ? 0
      : (tz[0] === "-" ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6))) * 60_000;
  if (month === undefined) {
    return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) - 1 };
  }
  if (day === undefined) {
    return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) - 1 };
  }
  if (h === undefined) {
    return { start: Date.UTC(year, month, day), end: Date.UTC(year, month, day + 1) - 1 };
  }
  const base = Date.UTC(year, month, day, Number(h), Number(mi), s === undefined ? 0 : Number(s));
  const ms = frac === undefined ? 0 : Math.floor(Number(frac) * 1000);
  const start = base + ms - offsetMs;
  const span = s === undefined ? 60_000 : frac === undefined ? 1000 : 1;
  return { start, end: start + span - 1 };
}

/** A Period as an interval; undefined when a bound is present but not a date. */
export function intervalOfPeriod(period: Period | undefined): Interval | undefined {
  if (period === undefined) {
    return { start: -Infinity, end: Infinity };
  }
  const start = period.start === undefined ? undefined : intervalOf(period.start);
  const end = period.end === undefined ? undefined : intervalOf(period.end);
  if ((period.start !== undefined && !start) || (period.end !== undefined && !end)) {
    return undefined;
  }
  return { start: start ? start.start : -Infinity, end: end ? end.end : Infinity };
}

export function within(inner: Interval, outer: Interval): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
