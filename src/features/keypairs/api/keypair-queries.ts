import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { keypairDetailResponseSchema, MAX_LIST_LIMIT } from "../../../../contract/kps.ts";
import { listKeypairsResponseReader } from "../../../../contract/list-keypairs-reader.ts";
import { apiJson } from "../../../lib/api-client.ts";
import { keypairKeys } from "../../../lib/query-keys.ts";
import { nextMarker, pageUrl } from "./list-page.ts";
import { inThreadPageRunner, pageRunAhead, workerPageRunner } from "./page-run-ahead.ts";

function base(projectId: string) {
  return `/v3/${encodeURIComponent(projectId)}/keypairs`;
}

function address(projectId: string) {
  return { base: base(projectId), limit: MAX_LIST_LIMIT };
}

function requestPage(projectId: string, marker: string | null, signal: AbortSignal) {
  return apiJson(pageUrl(address(projectId), marker), listKeypairsResponseReader, {
    signal,
  }).then(({ data }) => data);
}

const runAhead = pageRunAhead({
  address,
  request: requestPage,
  runner: typeof Worker === "function" ? workerPageRunner : inThreadPageRunner,
});

/** The list's first rows are on screen: the pages after them may come at full speed. */
export function firstKeypairRowsDrawn(): void {
  runAhead.resume();
}

/** Every page through marker pagination; the list page keeps fetching until none is left. */
export function keypairListOptions(projectId: string) {
  return infiniteQueryOptions({
    queryKey: keypairKeys.list(projectId),
    queryFn: ({ pageParam, signal, client, queryKey }) =>
      // The first load holds its run after the first page until those rows are drawn.
      runAhead.take(
        projectId,
        pageParam,
        signal,
        pageParam === null && client.getQueryData(queryKey) === undefined,
      ),
    initialPageParam: null as string | null,
    // Key pairs made or removed elsewhere (another console, an SDK) show up when the user comes
    // back to this tab, once the list is older than the client's staleTime.
    refetchOnWindowFocus: true,
    getNextPageParam: (lastPage, _pages, lastMarker) => nextMarker(lastPage, lastMarker),
  });
}

export function keypairDetailOptions(projectId: string, name: string) {
  return queryOptions({
    queryKey: keypairKeys.detail(projectId, name),
    queryFn: async ({ signal }) => {
      const { data } = await apiJson(
        `${base(projectId)}/${encodeURIComponent(name)}`,
        keypairDetailResponseSchema,
        { signal },
      );
      return data.keypair;
    },
  });
}
