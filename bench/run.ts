// npm run bench: figures users feel, each beside a baseline measured in the same run, as a table
// on stdout and as JSON in bench/results/latest.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { browserFigures } from "./browser-figures.ts";
import { costGrowth } from "./cost-growth.ts";
import { baselineEntryBytes, entryGzipBytes } from "./first-load.ts";
import { appendHistory } from "./history.ts";
import { historyFigures } from "./history-figures.ts";
import { historyPageFigures } from "./history-page-figures.ts";
import { serverThroughput } from "./server-throughput.ts";

const work = mkdtempSync(join(tmpdir(), "kps-bench-"));
const port = 19_600 + (process.pid % 300);
const quick = process.argv.includes("--quick");
// Only the first-load and browser figures; an incomplete run writes no results file.
const browserOnly = process.argv.includes("--browser-only");
const started = Date.now();

try {
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
  console.log(
    `machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`,
  );

  const baseline = baselineEntryBytes(join(work, "baseline-dist"));
  const ours = entryGzipBytes(join(import.meta.dirname, "..", "dist"));
  const firstLoad = { ours, baseline, jsRatio: Number((ours.js / baseline.js).toFixed(2)) };
  console.log("\nFirst load: what index.html loads before the sign-in form works (gzip)");
  console.table([
    {
      asset: "JS",
      "KPS Console kB": kb(ours.js),
      "React + Mantine baseline kB": kb(baseline.js),
      ratio: ratio(ours.js, baseline.js),
    },
    {
      asset: "CSS",
      "KPS Console kB": kb(ours.css),
      "React + Mantine baseline kB": kb(baseline.css),
      ratio: ratio(ours.css, baseline.css),
    },
  ]);
  const baselineFirstLoad = baseline.js + baseline.css;
  const browser = await browserFigures(join(work, "browser"), port, { baselineFirstLoad, quick });
  console.log("\nBrowser");
  console.table(browser.table);
  if (browserOnly) {
    console.log(
      `\nbrowser figures only, in ${Math.round((Date.now() - started) / 1000)} s; nothing written`,
    );
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }

  const throughput = await serverThroughput(
    join(work, "throughput"),
    port + 10,
    quick ? 2 : 3,
    quick ? 1 : 3,
  );
  console.log("\nServer throughput (autocannon, 16 connections, medians)");
  console.table(
    throughput.map((row) => ({
      route: row.route,
      "req/s": Math.round(row.rps),
      "p50 ms": row.p50,
      "p99 ms": row.p99,
      non2xx: row.non2xx,
      "bare route req/s": Math.round(row.bareRps),
      "vs bare": ratio(row.rps, row.bareRps),
      "audited-insert req/s": row.auditedRps === null ? "" : Math.round(row.auditedRps),
      "vs audited": row.auditedRps === null ? "" : ratio(row.rps, row.auditedRps),
    })),
  );

  const growth = await costGrowth(join(work, "growth"), port + 20);
  console.log("\nHow cost grows (median ms)");
  console.table(growth);

  const history = await historyFigures(join(work, "history"), port + 30, quick ? 20 : 50);
  console.log("\nExport history at 100,000 records (GET /v3/{project_id}/traces, ms)");
  console.table(history);

  const historyPage = await historyPageFigures(join(work, "history-page"), port + 40, quick);
  console.log("\nExport history page in Chromium at 100,000 records (medians)");
  console.table(historyPage);

  const results = {
    machine,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    firstLoad,
    browser: browser.json,
    throughput,
    growth,
    history,
    historyPage,
  };
  const resultsDir = join(import.meta.dirname, "results");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  appendHistory(resultsDir, results);
  console.log(
    `\nwritten to bench/results/latest.json and history.jsonl in ${results.durationSeconds} s`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

function kb(bytes: number): number {
  return Math.round(bytes / 100) / 10;
}

function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${(value / baseline).toFixed(2)}×` : "";
}
