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

/** One page, or null for anything but a 2xx body that reads as a page. */
async function readPage(run: PageRun, marker: string | null, signal: AbortSignal) {
  const response = await fetch(pageUrl(run, marker), {
    headers: { Accept: "application/json", "X-Auth-Token": run.token },
    signal: AbortSignal.any([signal, AbortSignal.timeout(PAGE_TIMEOUT_MS)]),
    credentials: "same-origin",
    cache: "no-store",
  });
  if (!response.ok) return null;
  const parsed = listKeypairsResponseReader.safeParse(await response.json());
  return parsed.success ? parsed.data : null;
}

/**
 * Reads the pages one after another, each as soon as the one before it has been read: the
 * chain waits for nothing but the network and the page's own parse. Says nothing once stopped.
 */
export async function runPages(
  run: PageRun,
  signal: AbortSignal,
  tell: (event: PageRunEvent) => void,
  resumed: Promise<void> = Promise.resolve(),
): Promise<void> {
  let marker = run.from;
  for (let read = 0; ; read += 1) {
    if (read === 1 && run.holdMs) {
      const held = new Promise<void>((resolve) => setTimeout(resolve, run.holdMs));
      await Promise.race([resumed, held]);
      if (signal.aborted) return;
    }
    const page = await readPage(run, marker, signal).catch(() => null);
    if (signal.aborted) return;
    if (page === null) {
      tell({ kind: "failed" });
      return;
    }
    const next = nextMarker(page, marker);
    tell({ kind: "page", page, next });
    if (next === undefined) return;
    marker = next;
  }
}
