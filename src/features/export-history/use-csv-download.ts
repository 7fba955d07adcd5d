import { useCallback, useEffect, useRef, useState } from "react";
import { MAX_TRACE_LIMIT } from "../../../contract/export-audit.ts";
import { saveBlob } from "../../lib/download.ts";
import { fetchTracePage, nextMarker } from "./api/list-traces.ts";
import { historyCsv } from "./history-csv.ts";
import type { TraceQuery } from "./history-filters.ts";
import { type HistoryRow, toHistoryRow } from "./history-row.ts";
import { rowWords } from "./words/en.ts";

/** A file a spreadsheet still opens; beyond it the user narrows the filters instead. */
export const MAX_CSV_ROWS = 100_000;

export type CsvState =
  | { step: "idle" }
  | { step: "fetching"; rows: number }
  | { step: "tooMany" }
  | { step: "nothing" }
  | { step: "saved"; rows: number }
  | { step: "failed"; error: unknown };

/** Every page the filters match, at the server's largest page size, then one file. */
export async function fetchAllRows(
  projectId: string,
  query: TraceQuery,
  signal: AbortSignal,
  onProgress: (rows: number) => void,
): Promise<HistoryRow[] | "tooMany"> {
  const rows: HistoryRow[] = [];
  let marker: string | null = null;
  for (;;) {
    const page = await fetchTracePage(projectId, query, marker, signal, MAX_TRACE_LIMIT);
    for (const trace of page.traces) rows.push(toHistoryRow(trace));
    if (rows.length > MAX_CSV_ROWS) return "tooMany";
    onProgress(rows.length);
    const next = nextMarker(page, marker);
    if (next === undefined) return rows;
    marker = next;
  }
}

export function useCsvDownload(projectId: string, fileName: () => string) {
  const [state, setState] = useState<CsvState>({ step: "idle" });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback(
    async (query: TraceQuery) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({ step: "fetching", rows: 0 });
      try {
        const rows = await fetchAllRows(projectId, query, controller.signal, (count) =>
          setState({ step: "fetching", rows: count }),
        );
        if (controller.signal.aborted) return;
        if (rows === "tooMany") return setState({ step: "tooMany" });
        if (rows.length === 0) return setState({ step: "nothing" });
        const csv = historyCsv(rows, rowWords.get());
        saveBlob(new Blob([csv], { type: "text/csv;charset=utf-8" }), fileName());
        setState({ step: "saved", rows: rows.length });
      } catch (error) {
        if (!controller.signal.aborted) setState({ step: "failed", error });
      }
    },
    [projectId, fileName],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    setState({ step: "idle" });
  }, []);

  return { state, start, cancel };
}
