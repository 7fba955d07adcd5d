import { infiniteQueryOptions } from "@tanstack/react-query";
import { listTracesResponseSchema } from "../../../../contract/traces.ts";
import { apiJson } from "../../../lib/api-client.ts";
import { historyKeys } from "../../../lib/query-keys.ts";
import { type TraceQuery, traceParams } from "../history-filters.ts";

/** A page the list scrolls through; the CSV asks for the server's maximum, 200, to be quick. */
export const HISTORY_PAGE_LIMIT = 100;

export async function fetchTracePage(
  projectId: string,
  query: TraceQuery,
  next: string | null,
  signal: AbortSignal,
  limit = HISTORY_PAGE_LIMIT,
) {
  const params = traceParams(query, limit, next);
  const { data } = await apiJson(
    `/v3/${encodeURIComponent(projectId)}/traces?${params}`,
    listTracesResponseSchema,
    { signal },
  );
  return data;
}

/** The marker to go on from, or undefined on the last page (or one that would loop). */
export function nextMarker(
  page: { traces: unknown[]; meta_data?: { marker?: string | null } | undefined },
  lastMarker: string | null,
): string | undefined {
  const marker = page.meta_data?.marker;
  if (!marker || marker === lastMarker || page.traces.length === 0) return undefined;
  return marker;
}

/** Newest first, one page at a time: the list asks for the next as the user nears its end. */
export function traceListOptions(projectId: string, query: TraceQuery) {
  return infiniteQueryOptions({
    queryKey: historyKeys.list(projectId, query),
    queryFn: ({ pageParam, signal }) => fetchTracePage(projectId, query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage, _pages, lastMarker) => nextMarker(lastPage, lastMarker),
    // A 403 or a 404 (no CTS here) will not change by asking again at once.
    retry: (failures, error) =>
      failures < 2 && !(error instanceof Error && "status" in error && Number(error.status) < 500),
  });
}
