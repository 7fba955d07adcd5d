import {
  InfiniteQueryObserver,
  useInfiniteQuery,
  usePrefetchInfiniteQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect, useMemo, useReducer } from "react";
import type { KeypairSummary } from "../../../contract/kps.ts";
import { keypairListOptions } from "./api/keypair-queries.ts";

const nextFrame: (callback: () => void) => number =
  typeof requestAnimationFrame === "function"
    ? (callback) => requestAnimationFrame(callback)
    : (callback) => window.setTimeout(callback, 16);
const cancelFrame: (handle: number) => void =
  typeof cancelAnimationFrame === "function"
    ? (handle) => cancelAnimationFrame(handle)
    : (handle) => window.clearTimeout(handle);

/** How often a list still loading re-renders with the pages that came meanwhile. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Loads every page one after another; the rows so far are usable while more arrive.
 *
 * The API pages only by marker, so the pages come one after another, but the next request goes
 * out as soon as a page is in the cache, not after React has drawn it: a watcher on the query
 * asks for it. The page re-renders at most once per animation frame, with whatever has arrived
 * by then, rather than once per page and per status change (the frame is when the user would
 * see it anyway); the first rows show at once, later pages are merged a few times a second
 * until the last. `rows` and `complete` come from the same render, so a complete list is never
 * judged on rows not merged yet.
 */
export function useAllKeypairs(projectId: string) {
  const client = useQueryClient();
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  // The first page is asked for while the page renders, not once it has been committed and
  // painted: at sign-in that is the whole console's first render sooner.
  usePrefetchInfiniteQuery(keypairListOptions(projectId));
  // Every render reads the query's latest state; the watcher below decides when to render.
  const query = useInfiniteQuery({ ...keypairListOptions(projectId), notifyOnChangeProps: [] });

  useEffect(() => {
    // Disabled: it never fetches on its own (mount, focus); it only watches and asks for more.
    const watcher = new InfiniteQueryObserver(client, {
      ...keypairListOptions(projectId),
      enabled: false,
    });
    let frame = 0;
    let timer = 0;
    // When rows were last drawn; the first rows are never held back.
    let rowsDrawnAt: number | null = null;
    const render = () => {
      frame = 0;
      if (watcher.getCurrentResult().data !== undefined) rowsDrawnAt = performance.now();
      rerender();
    };
    const onChange = () => {
      const { hasNextPage, isFetching, isError, data } = watcher.getCurrentResult();
      // Never over a fetch in flight: asking for a page then would cancel a refresh.
      if (hasNextPage && !isFetching && !isError) void watcher.fetchNextPage();
      if (frame !== 0 || timer !== 0) return;
      // While more pages come, each render goes over every row so far (merged, indexed,
      // filtered); a few a second show the progress without holding up the pages behind them.
      const loadingMore = data !== undefined && hasNextPage && !isError;
      const wait =
        loadingMore && rowsDrawnAt !== null
          ? rowsDrawnAt + PROGRESS_INTERVAL_MS - performance.now()
          : 0;
      if (wait <= 0) {
        frame = nextFrame(render);
        return;
      }
      timer = window.setTimeout(() => {
        timer = 0;
        frame = nextFrame(render);
      }, wait);
    };
    const unsubscribe = watcher.subscribe(onChange);
    // What happened between the first render and this effect (a page from the cache).
    onChange();
    return () => {
      unsubscribe();
      if (frame !== 0) cancelFrame(frame);
      window.clearTimeout(timer);
    };
  }, [client, projectId]);

  const rows = useMemo(() => {
    const byName = new Map<string, KeypairSummary>();
    for (const page of query.data?.pages ?? []) {
      for (const { keypair } of page.keypairs) byName.set(keypair.name, keypair);
    }
    return [...byName.values()];
  }, [query.data]);

  return { query, rows, complete: query.isSuccess && !query.hasNextPage };
}
