/**
 * The report formats and the files they are written to, beside report.json in `<out>/<stack>/`. report.json is
 * always written (it is the stable machine format and the baseline of the next run); `--format` selects the others.
 */
import * as fs from "fs";
import * as path from "path";
import { PlanError } from "../errors";
import type { Report } from "../report";
import { renderCsv } from "./csv";
import { renderHtml } from "./html";
import { renderJunit } from "./junit";
import { renderMarkdown } from "./markdown";
import { renderSarif } from "./sarif";

export const formats = ["sarif", "junit", "markdown", "html", "csv"] as const;
export type Format = (typeof formats)[number];

export const fileNames: Readonly<Record<Format | "json", string>> = {
  json: "report.json",
  sarif: "report.sarif",
  junit: "junit.xml",
  markdown: "summary.md",
  html: "report.html",
  csv: "results.csv",
};

const renderers: Readonly<Record<Format, (r: Report) => string>> = {
  sarif: renderSarif,
  junit: renderJunit,
  markdown: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
};

/** `--format sarif,html` (comma-separated, `all`, and `json` accepted; json is always written). */
export function parseFormats(value: string): Format[] {
  const names = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chosen = new Set<Format>();
  for (const n of names) {
    if (n === "all") {
      formats.forEach((f) => chosen.add(f));
    } else if ((formats as readonly string[]).includes(n)) {
      chosen.add(n as Format);
    } else if (n !== "json") {
      throw new PlanError(
        "usage",
        `--format ${JSON.stringify(value)}: unknown format ${JSON.stringify(n)}; expected a comma-separated list of ${formats.join(", ")}, json or all.`,
      );
    }
  }
  return formats.filter((f) => chosen.has(f));
}

function writeAtomically(file: string, text: string): void {
  // Written whole to a temporary file, then renamed: a reader never sees half a report.
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

/** Writes report.json and the chosen formats into `dir`; returns the files written. */
export function writeReports(dir: string, report: Report, chosen: readonly Format[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const json = path.join(dir, fileNames.json);
  writeAtomically(json, `${JSON.stringify(report, null, 2)}\n`);
  written.push(json);
  for (const f of chosen) {
    const file = path.join(dir, fileNames[f]);
    writeAtomically(file, renderers[f](report));
    written.push(file);
  }
  return written;
}
