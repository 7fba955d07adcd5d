import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { keypairDetailResponseSchema, MAX_LIST_LIMIT } from "../../../../contract/kps.ts";
import { listKeypairsResponseReader } from "../../../../contract/list-keypairs-reader.ts";
import { apiJson } from "../../../lib/api-client.ts";
import { keypairKeys } from "../../../lib/query-keys.ts";
import { pageReadAhead } from "./page-read-ahead.ts";

function base(projectId: string) {
  return `/v3/${encodeURIComponent(projectId)}/keypairs`;
}

function requestPage(projectId: string, marker: string | null, signal: AbortSignal) {
  // Always an explicit limit: the real service's default page size is not something to rely on.
  const params = new URLSearchParams({ limit: String(MAX_LIST_LIMIT) });
  if (marker) params.set("marker", marker);
  return apiJson(`${base(projectId)}?${params}`, listKeypairsResponseReader, { signal }).then(
    ({ data }) => data,
  );
}

type Page = Awaited<ReturnType<typeof requestPage>>;

/** The marker of the page after this one, or undefined when this is the last. */
function nextMarker(page: Page, marker: string | null): string | undefined {
  const next = page.page_info?.next_marker;
  // A marker that does not move, or an empty page, would loop for ever.
  if (!next || next === marker || page.keypairs.length === 0) return undefined;
  return next;
}

const readAhead = pageReadAhead(requestPage);

async function fetchPage(projectId: string, marker: string | null, signal: AbortSignal) {
  const page = await readAhead.take(projectId, marker, signal);
  const next = nextMarker(page, marker);
  if (next !== undefined) readAhead.start(projectId, next);
  return page;
}

/** Every page through marker pagination; the list page keeps fetching until none is left. */
export function keypairListOptions(projectId: string) {
  return infiniteQueryOptions({
    queryKey: keypairKeys.list(projectId),
    queryFn: ({ pageParam, signal }) => fetchPage(projectId, pageParam, signal),
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
