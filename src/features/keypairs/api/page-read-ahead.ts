import { getSession, subscribeSession } from "../../../lib/session.ts";

type Request<T> = (projectId: string, marker: string | null, signal: AbortSignal) => Promise<T>;

type Ahead<T> = {
  projectId: string;
  marker: string;
  token: string | undefined;
  page: Promise<T>;
  abort: AbortController;
  /** When the answer came, or null while it is on its way. */
  answeredAt: number | null;
};

/** An answer left unclaimed longer than this is not handed out: it may be out of date. */
const FRESH_FOR_MS = 2000;

/**
 * One page of a marker-paged list asked for as soon as the page before it has been read, not
 * once the cache, its observers and React have heard of it: each of those steps waits for a
 * task of its own, behind whatever the page is drawing, and a list of ten pages paid for that
 * ten times. The next request for that very page (same project, marker and token, the answer
 * fresh) takes it; any other request drops it, and so does any change of session.
 */
export function pageReadAhead<T>(request: Request<T>) {
  let ahead: Ahead<T> | null = null;
  const drop = () => {
    ahead?.abort.abort();
    ahead = null;
  };
  subscribeSession(drop);

  const claimable = (claimed: Ahead<T>, projectId: string, marker: string | null) =>
    claimed.projectId === projectId &&
    claimed.marker === marker &&
    claimed.token === getSession()?.token &&
    (claimed.answeredAt === null || performance.now() - claimed.answeredAt < FRESH_FOR_MS);

  return {
    start(projectId: string, marker: string): void {
      drop();
      const abort = new AbortController();
      const page = request(projectId, marker, abort.signal);
      const started: Ahead<T> = {
        projectId,
        marker,
        token: getSession()?.token,
        page,
        abort,
        answeredAt: null,
      };
      // Unclaimed, a failure is nobody's: the request that claims the page sees it.
      page.then(
        () => {
          started.answeredAt = performance.now();
        },
        () => {
          started.answeredAt = performance.now();
        },
      );
      ahead = started;
    },

    /** The page read ahead when it is this one, else a request of its own. */
    take(projectId: string, marker: string | null, signal: AbortSignal): Promise<T> {
      const claimed = ahead;
      ahead = null;
      if (claimed === null || !claimable(claimed, projectId, marker)) {
        claimed?.abort.abort();
        return request(projectId, marker, signal);
      }
      if (signal.aborted) claimed.abort.abort();
      else signal.addEventListener("abort", () => claimed.abort.abort(), { once: true });
      return claimed.page;
    },
  };
}
