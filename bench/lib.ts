/** Shared types and helpers for `npm run bench`. Each `bench/<name>.bench.ts` exports `run()`. */
import * as os from "os";

export type Cell = string | number;

export interface BenchResult {
  /** Section title printed above the table. */
  readonly title: string;
  /** One row per measurement; every row has the same keys, printed as columns in key order. */
  readonly rows: ReadonlyArray<Record<string, Cell>>;
  /** Free-text lines printed under the table (targets met or missed, how the figure was taken). */
  readonly notes?: ReadonlyArray<string>;
}

export type BenchModule = { run(): Promise<BenchResult> };

/** The middle value of `values` (the upper of the two middle ones for an even count), 0 when there are none. */
export function median(values: ReadonlyArray<number>): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Runs `fn` repeatedly until `minMs` has passed (at least `minRuns` times) and returns the median run in ms. */
export async function medianMs(
  fn: () => unknown | Promise<unknown>,
  minRuns = 5,
  minMs = 500,
): Promise<number> {
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  while (samples.length < minRuns || Number(process.hrtime.bigint() - start) / 1e6 < minMs) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

/**
 * CPU time of one pass (user + system, this process), median and best of `runs`: on a shared machine wall time
 * mostly measures the other processes, while CPU time is what "per core" means. On a virtual machine CPU time
 * still varies with the host's load, so the best run is shown next to the median.
 */
export function cpuMs(fn: () => void, runs: number): { median: number; best: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  return { median: median(samples), best: Math.min(...samples) };
}

/** A round in which the bare loop ran below this share of the reference speed had part of a core. */
export const FULL_SPEED = 0.75;

export interface Round {
  /** Median CPU ms of one pass of the work in this round. */
  readonly work: number;
  /** Median CPU ms of one pass of the bare loop, timed right before the work and right after it: the slower. */
  readonly bare: number;
  /** Whether the bare loop ran at FULL_SPEED or more of the reference speed (see calibratedRounds). */
  readonly fullCore: boolean;
}

/**
 * CPU time of `work` taken in rounds, each between two timings of `bare`, a loop whose speed only the machine
 * sets; a round's bare figure is the slower of the two, so that a change of speed during the work shows.
 * The host of a virtual machine can give it part of a core for seconds at a time and still count whole CPU
 * seconds (the VMs here report no steal time): everything, the bare loop included, then runs up to twice as
 * slow. The reference is the bare loop's third-fastest round of nine (a quarter of the way down the rounds), so
 * one spuriously fast round does not set it. A round whose bare loop ran below FULL_SPEED of the reference
 * measured the host, not the work, and is left out of `median` and `bare` (every round stays in `rounds` and
 * `medianAll`),
 * unless that would leave half the rounds or fewer: then all count. A slowdown of the work alone (a regression)
 * leaves the bare loop as it was and counts in full.
 */
export function calibratedRounds(
  work: () => void,
  bare: () => void,
  rounds: number,
  passes: number,
): { rounds: Round[]; median: number; medianAll: number; bare: number } {
  const taken: Array<{ work: number; bare: number }> = [];
  for (let r = 0; r < rounds; r++) {
    const before = cpuMs(bare, passes).median;
    const w = cpuMs(work, passes).median;
    taken.push({ work: w, bare: Math.max(before, cpuMs(bare, passes).median) });
  }
  const reference = taken.map((t) => t.bare).sort((a, b) => a - b)[Math.floor(rounds / 4)];
  const all = taken.map((t) => ({ ...t, fullCore: reference / t.bare >= FULL_SPEED }));
  const full = all.filter((t) => t.fullCore);
  // Half the rounds or fewer at the reference speed: the host changed its share of a core too often to tell.
  const judged = full.length * 2 > rounds ? full : all;
  return {
    rounds: all.map((t) => ({ ...t, fullCore: judged === all || t.fullCore })),
    median: median(judged.map((t) => t.work)),
    medianAll: median(all.map((t) => t.work)),
    bare: median(judged.map((t) => t.bare)),
  };
}

/** A one-line description of the machine, printed with every bench run so figures can be compared. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown cpu"} x${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
}

export function formatTable(rows: ReadonlyArray<Record<string, Cell>>): string {
  if (rows.length === 0) {
    return "(no rows)";
  }
  const keys = Object.keys(rows[0]);
  const text = rows.map((r) =>
    keys.map((k) => {
      const v = r[k];
      return typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v);
    }),
  );
  const widths = keys.map((k, i) => Math.max(k.length, ...text.map((t) => t[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(keys), line(widths.map((w) => "-".repeat(w))), ...text.map(line)].join("\n");
}
