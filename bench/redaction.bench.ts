/**
 * Redaction: throughput of redactText over the labelled corpus (median of repeated runs, one thread) and
 * precision / recall / F2 per category, ours next to @openredaction/openredaction@1.0.4 (HIPAA preset) on the
 * same notes and with the same span-level matching rule (fixtures/phi-corpus/evaluate.ts).
 *
 * Throughput is measured on the library as the functions run it: bundled by esbuild with the options of every
 * function package (components/shared/function-package.ts). The same code run from its TypeScript source under
 * tsx (the development loader, which keeps function names and reaches each import through a getter) is
 * measured too and printed next to it. Both are taken in rounds, each after a bare loop over the same text that
 * shows how much of a core the host gave the process at the time (calibratedRounds in bench/lib.ts).
 */
import * as os from "os";
import * as path from "path";
import * as esbuild from "esbuild";
import { OpenRedaction } from "@openredaction/openredaction";
import { bundleOptions, repositoryRoot } from "../components/shared/function-package";
import { redactText } from "../functions/lib/phi";
import { evaluate, Score } from "../fixtures/phi-corpus/evaluate";
import { readCorpus } from "../fixtures/phi-corpus/generate";
import { BenchResult, calibratedRounds, Cell, cpuMs, FULL_SPEED, medianMs } from "./lib";

/** openredaction type names (prefixes) onto our categories; anything else counts as ID ("other unique code"). */
const OPENREDACTION_MAP: ReadonlyArray<[string, string]> = [
  ["NAME", "NAME"],
  ["PHONE", "PHONE"],
  ["FAX", "FAX"],
  ["EMAIL", "EMAIL"],
  ["ZIP_CODE", "LOCATION"],
  ["POSTCODE", "LOCATION"],
  ["ADDRESS", "LOCATION"],
  ["DATE", "DATE"],
  ["SSN", "SSN"],
  ["US_SSN", "SSN"],
  ["MEDICAL_RECORD", "MRN"],
  ["MRN", "MRN"],
  ["HEALTH_PLAN", "HEALTH_PLAN"],
  ["INSURANCE", "HEALTH_PLAN"],
  ["MEDICARE", "HEALTH_PLAN"],
  ["ACCOUNT", "ACCOUNT"],
  ["BANK_ACCOUNT", "ACCOUNT"],
  ["DRIVING_LICENSE", "LICENSE"],
  ["DEA", "LICENSE"],
  ["NPI", "LICENSE"],
  ["VIN", "VEHICLE"],
  ["LICENSE_PLATE", "VEHICLE"],
  ["VEHICLE", "VEHICLE"],
  ["DEVICE", "DEVICE"],
  ["SERIAL", "DEVICE"],
  ["IMEI", "DEVICE"],
  ["MAC_ADDRESS", "DEVICE"],
  ["URL", "URL"],
  ["IPV4", "IP"],
  ["IPV6", "IP"],
  ["IP_ADDRESS", "IP"],
];

function mapOpenRedaction(type: string): string {
  return OPENREDACTION_MAP.find(([prefix]) => type.startsWith(prefix))?.[1] ?? "ID";
}

const num = (x: number): Cell => (Number.isNaN(x) ? "-" : x.toFixed(3));

/** functions/lib/phi bundled as a function package bundles it, for the running Node version. */
function deployedRedactText(): typeof redactText {
  const outfile = path.join(repositoryRoot, ".cache", "bench", "phi.js");
  esbuild.buildSync({
    ...bundleOptions({ target: `node${process.versions.node.split(".")[0]}` }),
    entryPoints: ["functions/lib/phi/index.ts"],
    outfile,
    absWorkingDir: repositoryRoot,
    logLevel: "silent",
  });
  delete require.cache[outfile];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(outfile) as { redactText: typeof redactText }).redactText;
}

export async function run(): Promise<BenchResult> {
  const notes = readCorpus();
  const texts = notes.map((n) => n.text);
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0) / 1e6;

  const deployed = deployedRedactText();
  // The bundle is measured as the library only if it is the same code: the same output on every note.
  for (const t of texts) {
    if (JSON.stringify(deployed(t)) !== JSON.stringify(redactText(t))) {
      throw new Error(
        `redaction bench: the bundled library and its source disagree on ${JSON.stringify(t.slice(0, 80))}; rebuild and compare the two`,
      );
    }
  }
  // The floor any JavaScript scan of these texts has on this machine: reading each character once. Timed before
  // and after each round of redaction passes, it tells the rounds run on a whole core from those the host slowed.
  // The sum is a local kept a small integer: a sum kept in the closure's variable is read and written in memory
  // every character (half the speed), and past 2^30 it becomes a heap number and slows the loop partway through
  // the rounds, which they would read as the machine slowing down.
  // Each timed pass reads the corpus four times: one read (0.2 ms) is too short for CPU time to tell rounds apart.
  let sum = 0;
  const bareLoops = () => {
    let s = 0;
    for (let k = 0; k < 4; k++) {
      for (const t of texts) {
        for (let i = 0; i < t.length; i++) {
          s = (s + t.charCodeAt(i)) & 0xfffffff;
        }
      }
    }
    sum = (sum + s) % 997;
  };
  const throughput = async (redact: typeof redactText) => {
    const pass = () => {
      for (const t of texts) {
        redact(t);
      }
    };
    return { ms: await medianMs(pass, 7, 2000), cpu: calibratedRounds(pass, bareLoops, 9, 9) };
  };
  const { ms, cpu } = await throughput(deployed);
  const source = await throughput(redactText);
  const fullRounds = cpu.rounds.filter((r) => r.fullCore);
  // One long text (the corpus sixteen times over, as a batch of logs would be): cost must grow with the length.
  const long = Array.from({ length: 16 }, () => texts.join("\n")).join("\n");
  redactText(long);
  const longCpu = cpuMs(() => redactText(long), 3);
  const longMbps = Buffer.byteLength(long, "utf8") / 1e6 / (longCpu.median / 1000);
  const ours = evaluate(notes, (t) => redactText(t).findings);

  const shield = new OpenRedaction({ preset: "hipaa" });
  const detect = (t: string) =>
    shield.detect(t) as unknown as {
      detections: Array<{ type: string; position: [number, number] }>;
    };
  const theirMs = await medianMs(
    () => {
      for (const t of texts) {
        detect(t);
      }
    },
    3,
    1000,
  );
  const theirs = evaluate(notes, (t) =>
    detect(t).detections.map((d) => ({
      type: mapOpenRedaction(d.type),
      start: d.position[0],
      end: d.position[1],
    })),
  );

  const other = new Map<string, Score>(theirs.scores.map((s) => [s.category, s]));
  const rows = ours.scores.map((s) => {
    const o = other.get(s.category);
    return {
      category: s.category,
      gold: s.gold,
      "ours P": num(s.precision),
      "ours R": num(s.recall),
      "ours F2": num(s.f2),
      "openredaction P": num(o?.precision ?? NaN),
      "openredaction R": num(o?.recall ?? NaN),
      "openredaction F2": num(o?.f2 ?? NaN),
    };
  });
  const mbps = mb / (ms / 1000);
  const cpuMbps = mb / (cpu.median / 1000);
  const allRoundsMbps = mb / (cpu.medianAll / 1000);
  const sourceMbps = mb / (source.cpu.median / 1000);
  const floorMbps = (4 * mb) / (cpu.bare / 1000);
  const perRound = cpu.rounds
    .map(
      (r) =>
        `${(mb / (r.work / 1000)).toFixed(1)}@${((4 * mb) / (r.bare / 1000)).toFixed(0)}${r.fullCore ? "" : "*"}`,
    )
    .join(" ");
  const theirMbps = mb / (theirMs / 1000);
  const all = ours.scores.find((s) => s.category === "ALL")!;
  const structured = ours.scores.find((s) => s.category === "STRUCTURED")!;
  const verdict = (ok: boolean): string => (ok ? "met" : "MISSED");
  return {
    title: `PHI redaction: ${notes.length} synthetic notes, ${all.gold} labelled spans, ${mb.toFixed(3)} MB`,
    rows,
    notes: [
      `throughput, one thread, repeated passes over the corpus, the library as deployed (esbuild bundle, the function packages' options): ours ${cpuMbps.toFixed(1)} MB/s per CPU-second (median of the ${fullRounds.length} of ${cpu.rounds.length} rounds run on a whole core; of all rounds ${allRoundsMbps.toFixed(1)}), ${mbps.toFixed(1)} MB/s wall clock (median); the same code from its TypeScript source under tsx ${sourceMbps.toFixed(1)} MB/s per CPU-second; openredaction ${theirMbps.toFixed(1)} MB/s wall clock; target >= 20 MB/s per core: ${verdict(cpuMbps >= 20)}; load average during the run ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs (wall-clock figures fall with load)`,
      `rounds, redaction MB/s @ bare-loop MB/s per CPU-second, nine passes each: ${perRound}; * marks a round whose bare loop, timed before and after it, ran below ${FULL_SPEED * 100}% of the reference (its third-fastest round) at least once: the host gave this process part of a core while counting whole CPU seconds (this VM reports no steal time), so that round is left out of the judged median`,
      `one text of ${(Buffer.byteLength(long, "utf8") / 1e6).toFixed(1)} MB (the corpus sixteen times, one string): ${longMbps.toFixed(1)} MB/s per CPU-second (median of 3)`,
      `calibration: a bare loop reading every character of the corpus once runs at ${floorMbps.toFixed(0)} MB/s per CPU-second on this machine in the whole-core rounds (checksum ${sum}); redaction runs at ${((100 * cpuMbps) / floorMbps).toFixed(1)}% of that speed, making a detection pass and an idempotence re-scan of its output`,
      `recall overall ${all.recall.toFixed(3)} (target >= 0.98: ${verdict(all.recall >= 0.98)}), structured ${structured.recall.toFixed(3)} (target >= 0.99: ${verdict(structured.recall >= 0.99)}), precision ${all.precision.toFixed(3)} (target >= 0.90: ${verdict(all.precision >= 0.9)})`,
      "matching: a gold span is found when any predicted span overlaps it (type-agnostic); a predicted span is correct when it overlaps any gold span; per-category P uses the predicted (mapped) category, R the gold one; F2 = 5PR/(4P+R).",
      "openredaction@1.0.4, new OpenRedaction({ preset: 'hipaa' }); its types mapped by prefix: NAME->NAME, PHONE*->PHONE, FAX*->FAX, EMAIL->EMAIL, ZIP_CODE*/POSTCODE*/ADDRESS*->LOCATION, DATE*->DATE, SSN*->SSN, MEDICAL_RECORD*/MRN*->MRN, HEALTH_PLAN*/INSURANCE*/MEDICARE*->HEALTH_PLAN, ACCOUNT*/BANK_ACCOUNT*->ACCOUNT, DRIVING_LICENSE*/DEA*/NPI*->LICENSE, VIN*/LICENSE_PLATE*/VEHICLE*->VEHICLE, DEVICE*/SERIAL*/IMEI*/MAC_ADDRESS*->DEVICE, URL*->URL, IPV4/IPV6/IP_ADDRESS->IP, anything else->ID.",
      "caveat: the corpus and the detectors were written by the same engineer; figures measure the designed behaviour on realistic templates, not generalisation to real notes.",
    ],
  };
}
