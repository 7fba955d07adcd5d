import { toCsv } from "./csv.ts";
import type { HistoryRow } from "./history-row.ts";
import type { rowWords } from "./words/en.ts";

type RowWords = ReturnType<typeof rowWords.get>;

export function outcomeWord(row: HistoryRow, t: RowWords): string {
  return t[row.outcome];
}

export function kindWord(row: HistoryRow, t: RowWords): string {
  return row.kind === "unknown" ? t.unknown : t[row.kind];
}

/** Times in the file are UTC ISO 8601: a file travels between time zones, a page does not. */
function isoTime(time: number | null): string {
  return time === null ? "" : new Date(time).toISOString();
}

/** The header in the chosen language, then one line per attempt, in the order the page shows. */
export function historyCsv(rows: readonly HistoryRow[], t: RowWords): string {
  const header = [
    t.time,
    t.user,
    t.keypairs,
    t.outcome,
    t.errorCode,
    t.reason,
    t.source,
    t.requestId,
    t.kind,
    t.traceId,
  ];
  return toCsv([
    header,
    ...rows.map((row) => [
      isoTime(row.time),
      row.user,
      row.keypairs.join(" "),
      outcomeWord(row, t),
      row.errorCode ?? "",
      row.reason ?? "",
      row.sourceIp,
      row.requestId,
      kindWord(row, t),
      row.traceId,
    ]),
  ]);
}

/** export-history-<project>-<yyyy-mm-dd>.csv, with the project name made safe for a file name. */
export function csvFileName(project: string, now: Date): string {
  const safe = project.replace(/[^A-Za-z0-9_-]+/g, "_") || "project";
  return `export-history-${safe}-${now.toISOString().slice(0, 10)}.csv`;
}
