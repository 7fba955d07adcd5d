import type { ListKeypairsResponse } from "../../../../contract/kps.ts";
import { listKeypairsResponseReader } from "../../../../contract/list-keypairs-reader.ts";
import { nextMarker, type PageAddress, pageUrl } from "./list-page.ts";

/**
 * Every page from `from` on, asked for with this token. `holdMs`: after the first page, wait up
 * to this long for the page to say go on (see pageRunAhead).
 */
export type PageRun = PageAddress & { token: string; from: string | null; holdMs?: number };

/** What the page says to a run's worker: read these pages, or go on after the hold. */
export type PageRunOrder = { kind: "run"; run: PageRun } | { kind: "resume" };

/**
 * What a run says, page by page: a page read and checked (and the marker after it, if any), or
 * that the page it was reading failed, and it stopped. Why it failed is not said: the page is
 * then asked for again through the console's own client, whose error the user sees.
 */
export type PageRunEvent =
  | { kind: "page"; page: ListKeypairsResponse; next: string | undefined }
  | { kind: "failed" };

/** As apiFetch's default: a page that has not answered by then has failed. */
const PAGE_TIMEOUT_MS = 30_000;

/** One page's body as JSON, or null for anything but a 2xx JSON body. */
async function fetchBody(run: PageRun, marker: string | null, signal: AbortSignal) {
  const response = await fetch(pageUrl(run, marker), {
    headers: { Accept: "application/json", "X-Auth-Token": run.token },
    signal: AbortSignal.any([signal, AbortSignal.timeout(PAGE_TIMEOUT_MS)]),
    credentials: "same-origin",
    cache: "no-store",
  });
  if (!response.ok) return null;
  return (await response.json()) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * The marker a body names for the page after it, read before the body is checked, by
 * nextMarker's own rules: it only says where the next request goes (the same list, the marker
 * encoded).
 */
function markerNamed(body: unknown, marker: string | null): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.keypairs)) return undefined;
  const next = isRecord(body.page_info) ? body.page_info.next_marker : undefined;
  if (typeof next !== "string") return undefined;
  return nextMarker({ keypairs: body.keypairs, page_info: { next_marker: next } }, marker);
}

/**
 * Reads the pages one after another. A page's request goes out as soon as the body before it
 * has been parsed, before that body is checked and handed over: the chain then waits for the
 * network and JSON.parse alone, as a bare loop of fetches does. A body that fails its check
 * stops the run, and the request it led to is abandoned unread. Says nothing once stopped.
 */
export async function runPages(
  run: PageRun,
  signal: AbortSignal,
  tell: (event: PageRunEvent) => void,
  resumed: Promise<void> = Promise.resolve(),
): Promise<void> {
  let ahead = new AbortController();
  const request = (marker: string | null) => {
    ahead = new AbortController();
    return fetchBody(run, marker, AbortSignal.any([signal, ahead.signal])).catch(() => null);
  };
  let marker = run.from;
  let body = request(marker);
  for (let read = 0; ; read += 1) {
    const raw = await body;
    if (signal.aborted) return;
    // A first load holds after its first page (see pageRunAhead): nothing is read ahead then.
    const held = read === 0 && run.holdMs !== undefined;
    const named = held ? undefined : markerNamed(raw, marker);
    if (named !== undefined) body = request(named);
    const parsed = listKeypairsResponseReader.safeParse(raw);
    const next = parsed.success ? nextMarker(parsed.data, marker) : undefined;
    if (next !== named) ahead.abort();
    if (!parsed.success) {
      tell({ kind: "failed" });
      return;
    }
    tell({ kind: "page", page: parsed.data, next });
    if (next === undefined) return;
    if (held) {
      const hold = new Promise<void>((resolve) => setTimeout(resolve, run.holdMs));
      await Promise.race([resumed, hold]);
      if (signal.aborted) return;
    }
    if (next !== named) body = request(next);
    marker = next;
  }
}
