import { execFileSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { join } from "node:path";

/** The figures issue 17 holds targets for, as one line of bench/results/history.jsonl. */
export type HistoryLine = {
  date: string;
  commit: string | null;
  cpus: number;
  figures: Record<string, number | null>;
};

type ExportRow = Record<string, number | string>;
// biome-ignore lint/suspicious/noExplicitAny: a results file of any earlier shape is read.
type Results = any;

function overBaseline(rows: ExportRow[] | undefined, label: string): number | null {
  const row = rows?.find((candidate) => candidate.export === label);
  const value = row?.["over baseline ms"];
  return typeof value === "number" ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}

/** Reads the tracked figures from a results object; a figure an older bench lacked is null. */
export function trackedFigures(results: Results): Record<string, number | null> {
  const large = results.browser?.largeList ?? {};
  const rows: ExportRow[] | undefined = results.browser?.exportToPreview;
  return {
    firstLoadJsGzipBytes: numberOrNull(results.firstLoad?.ours?.js),
    firstLoadJsRatio: numberOrNull(results.firstLoad?.jsRatio),
    keystrokeP50Ms: numberOrNull(large.keystrokeP50Ms),
    keystrokeP95Ms: numberOrNull(large.keystrokeP95Ms),
    keystroke50kP95Ms: numberOrNull(large.keystroke50kP95Ms),
    tickAtCapP95Ms: numberOrNull(large.tickAtCapP95Ms),
    signInToFirstRowsMs: numberOrNull(large.signInToFirstRowsMs),
    signInToAllPagesMs: numberOrNull(large.signInToAllPagesMs),
    allPagesRatio: numberOrNull(large.allPagesRatio),
    signInBareRatio: numberOrNull(large.signInBareRatio),
    export10Rsa4096OverMs: overBaseline(rows, "10 keys (RSA 4096)"),
    export10MixedOverMs: overBaseline(rows, "10 keys (mixed algorithms)"),
  };
}

function currentCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

/** Appends this run to the history kept beside latest.json, so a figure's trend survives. */
export function appendHistory(resultsDir: string, results: Results): void {
  const line: HistoryLine = {
    date: results.machine.date,
    commit: currentCommit(),
    cpus: results.machine.cpus,
    figures: trackedFigures(results),
  };
  appendFileSync(join(resultsDir, "history.jsonl"), `${JSON.stringify(line)}\n`);
}
