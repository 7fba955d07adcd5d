import {
  InfiniteQueryObserver,
  type QueryClient,
  type QueryKey,
  usePrefetchInfiniteQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { startTransition, useEffect, useLayoutEffect, useMemo, useState } from "react";
import type { KeypairSummary } from "../../../contract/kps.ts";
import { firstKeypairRowsDrawn, keypairListOptions } from "./api/keypair-queries.ts";

/** What asking for the next page needs of an observer of the list. */
type PageFollower = {
  getCurrentResult(): { hasNextPage: boolean };
  fetchNextPage(options: { cancelRefetch: boolean }): Promise<unknown>;
};

const nextFrame: (callback: () => void) => number =
  typeof requestAnimationFrame === "function"
    ? (callback) => requestAnimationFrame(callback)
    : (callback) => window.setTimeout(callback, 16);
const cancelFrame: (handle: number) => void =
  typeof cancelAnimationFrame === "function"
    ? (handle) => cancelAnimationFrame(handle)
    : (handle) => window.clearTimeout(handle);

/**
 * Keeps asking for the next page for as long as the list has one, outside React: a render that
 * holds the main thread (the console's first, at sign-in) then delays a page by its own length
 * at most, not by the wait for a component to mount and subscribe. Stops once the list is
 * complete or has failed; the list page follows it from there (a refresh, a page added later).
 */
function followPages(client: QueryClient, projectId: string): () => void {
  const options = keypairListOptions(projectId);
  const observer = new InfiniteQueryObserver(client, options);
  let unsubscribe: (() => void) | null = null;
  const stop = () => {
    unsubscribe?.();
    unsubscribe = null;
  };
  const onChange = () => {
    const { hasNextPage, isError, isSuccess } = observer.getCurrentResult();
    if (isError || (isSuccess && !hasNextPage)) stop();
    else fetchNextWhenIdle(client, observer, options.queryKey);
  };
  // Subscribing asks for the first page when nothing has yet.
  unsubscribe = observer.subscribe(onChange);
  onChange();
  return stop;
}

/**
 * Asks for the next page unless a request for this list is in flight: the query's own state,
 * not an observer's result, which may not have heard yet of a fetch another observer started.
 * `cancelRefetch: false` keeps a request in flight (a refresh, a page) rather than restarting it.
 */
function fetchNextWhenIdle(client: QueryClient, observer: PageFollower, queryKey: QueryKey) {
  if (client.getQueryState(queryKey)?.fetchStatus !== "idle") return;
  if (observer.getCurrentResult().hasNextPage)
    void observer.fetchNextPage({ cancelRefetch: false });
}

const followers = new WeakMap<QueryClient, Map<string, () => void>>();

/**
 * Starts loading the whole list now, unless something has started it already: at sign-in,
 * before the console's first render, so the first request does not wait for that render and
 * the pages after it do not wait for the list page to mount. Safe to call from a render.
 */
export function loadKeypairList(client: QueryClient, projectId: string): void {
  if (client.getQueryState(keypairListOptions(projectId).queryKey)) return;
  const running = followers.get(client) ?? new Map<string, () => void>();
  followers.set(client, running);
  if (!running.has(projectId)) running.set(projectId, followPages(client, projectId));
}

/**
 * loadKeypairList for the console's frame, which renders before the list page; the pages stop
 * coming when the frame goes (sign-out, another project).
 */
export function useLoadKeypairList(projectId: string, enabled: boolean) {
  const client = useQueryClient();
  if (enabled) loadKeypairList(client, projectId);
  useEffect(
    () => () => {
      followers.get(client)?.get(projectId)?.();
      followers.get(client)?.delete(projectId);
    },
    [client, projectId],
  );
}

/** How often a list still loading re-renders with the pages that came meanwhile. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Loads every page one after another; the rows so far are usable while more arrive.
 *
 * The API pages only by marker, so the pages come one after another, but the next request goes
 * out as soon as a page is in the cache, not after React has drawn it. The first rows and the
 * last page are drawn as they come; the pages between are merged a few times a second, and any
 * other change is drawn at most once per animation frame with whatever has arrived by then
 * (the frame is when the user would see it anyway). Those renders are transitions over a
 * snapshot held in state, so React can pause one for a page's answer (and the request after
 * it) or a keystroke; the query's own hook would not do: its store changes with every page,
 * and a store that changes under a transition makes React redo it blocking. `rows` and
 * `complete` come from one snapshot, so a complete list is never judged on rows not merged yet.
 */
export function useAllKeypairs(projectId: string) {
  const client = useQueryClient();
  // The first page is asked for while the page renders, not once it has been committed and
  // painted: at sign-in that is the whole console's first render sooner.
  usePrefetchInfiniteQuery(keypairListOptions(projectId));
  const [observer] = useState(
    () => new InfiniteQueryObserver(client, keypairListOptions(projectId)),
  );
  const [query, setQuery] = useState(() => observer.getCurrentResult());
  // At sign-in the console's first render can reach the list before its first page, which then
  // comes while the rest renders: drawn before the first paint, not after a frame of skeletons
  // and a render of its own.
  useLayoutEffect(() => {
    if (query.data !== undefined) return;
    observer.setOptions(keypairListOptions(projectId));
    const now = observer.getCurrentResult();
    if (now.data !== undefined) setQuery(now);
  }, [observer, projectId, query.data]);

  useEffect(() => {
    observer.setOptions(keypairListOptions(projectId));
    let frame = 0;
    let timer = 0;
    // When rows were last drawn; the first rows are never held back.
    let rowsDrawnAt: number | null = null;
    let drawnData: unknown;
    const draw = () => {
      frame = 0;
      const result = observer.getCurrentResult();
      drawnData = result.data;
      if (result.data !== undefined) rowsDrawnAt = performance.now();
      startTransition(() => setQuery(result));
    };
    const onChange = () => {
      const { hasNextPage, isError, data } = observer.getCurrentResult();
      if (!isError) fetchNextWhenIdle(client, observer, keypairListOptions(projectId).queryKey);
      // While more pages come, each render goes over every row so far (merged, indexed,
      // filtered); a few a second show the progress without holding up the pages behind them.
      const loadingMore = data !== undefined && hasNextPage && !isError;
      // The first rows and the last page are drawn now: there is nothing to gather for them
      // by waiting, and a frame's wait was a frame later on the screen.
      if (data !== undefined && data !== drawnData && (rowsDrawnAt === null || !loadingMore)) {
        window.clearTimeout(timer);
        timer = 0;
        if (frame !== 0) cancelFrame(frame);
        draw();
        return;
      }
      // Anything else (a failure, a status) in the next frame, not when progress is due.
      if (timer !== 0 && !loadingMore) {
        window.clearTimeout(timer);
        timer = 0;
      }
      if (frame !== 0 || timer !== 0) return;
      const wait =
        loadingMore && rowsDrawnAt !== null
          ? rowsDrawnAt + PROGRESS_INTERVAL_MS - performance.now()
          : 0;
      if (wait <= 0) {
        frame = nextFrame(draw);
        return;
      }
      timer = window.setTimeout(() => {
        timer = 0;
        frame = nextFrame(draw);
      }, wait);
    };
    // Subscribing fetches what is missing or stale and follows the query from here on.
    const unsubscribe = observer.subscribe(onChange);
    onChange();
    return () => {
      unsubscribe();
      if (frame !== 0) cancelFrame(frame);
      window.clearTimeout(timer);
    };
  }, [client, observer, projectId]);

  // The pages after the first wait for its rows to be on screen (keypair-queries.ts says why).
  const drawn = query.data !== undefined;
  useEffect(() => {
    if (drawn) firstKeypairRowsDrawn();
  }, [drawn]);

  const rows = useMemo(() => {
    const byName = new Map<string, KeypairSummary>();
    for (const page of query.data?.pages ?? []) {
      for (const { keypair } of page.keypairs) byName.set(keypair.name, keypair);
    }
    return [...byName.values()];
  }, [query.data]);

  return { query, rows, complete: query.isSuccess && !query.hasNextPage };
}
