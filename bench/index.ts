/**
 * `npm run bench [-- name...]`: runs every `bench/<name>.bench.ts` (or the named ones) in this process, one after
 * another, prints a table per section and writes them all to reports/bench.json.
 */
import * as fs from "fs";
import * as path from "path";
import { BenchModule, BenchResult, formatTable, machine } from "./lib";

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const all = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .map((f) => f.replace(/\.bench\.ts$/, ""))
    .sort();
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length > 0) {
    console.error(
      `bench: unknown benchmark(s) ${unknown.join(", ")}; expected one of ${all.join(", ")}`,
    );
    process.exit(2);
  }
  const names = wanted.length > 0 ? wanted : all;
  console.log(`machine: ${machine()}\n`);
  const results: Record<string, BenchResult> = {};
  for (const name of names) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, `${name}.bench.ts`)) as BenchModule;
    const result = await mod.run();
    results[name] = result;
    console.log(`== ${result.title}\n${formatTable(result.rows)}`);
    for (const note of result.notes ?? []) {
      console.log(`  ${note}`);
    }
    console.log("");
  }
  const out = path.join(process.cwd(), "reports", "bench.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify({ machine: machine(), generatedAt: new Date().toISOString(), results }, null, 2),
  );
  console.log(`written ${path.relative(process.cwd(), out)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
