import type { ListKeypairsResponse } from "../../../../contract/kps.ts";
import { getSession, subscribeSession } from "../../../lib/session.ts";
import type { PageAddress } from "./list-page.ts";
import { type PageRun, type PageRunEvent, type PageRunOrder, runPages } from "./run-pages.ts";

type Page = ListKeypairsResponse;
type Request = (projectId: string, marker: string | null, signal: AbortSignal) => Promise<Page>;

/** Starts reading pages somewhere; what it reads comes to `tell`. */
export type PageRunner = (
  run: PageRun,
  tell: (event: PageRunEvent) => void,
) => { stop: () => void; resume: () => void };

const spawnWorker = () =>
  new Worker(new URL("./run-pages-worker.ts", import.meta.url), { type: "module" });

/** A worker started ahead of the first run, with nothing in it yet. */
let spare: Worker | null = null;

/**
 * For an idle moment on the sign-in page: the first run's worker, fetched and started then
 * rather than after the token, when its script, its thread and the console's first render all
 * want the same two cores (about 50 ms before its first request, in one profile).
 */
export function warmUpPageWorker(): void {
  if (typeof Worker === "function") spare ??= spawnWorker();
}

/**
 * A worker per run, ended with it (the last page read, a failure, or stopped): its requests and
 * the token go with the thread.
 */
export const workerPageRunner: PageRunner = (run, tell) => {
  const worker = spare ?? spawnWorker();
  spare = null;
  worker.addEventListener("message", (event: MessageEvent<PageRunEvent>) => {
    const told = event.data;
    if (told.kind === "failed" || told.next === undefined) worker.terminate();
    tell(told);
  });
  // A worker that cannot start reads nothing: the page asks for what it was waiting for.
  worker.addEventListener("error", () => {
    worker.terminate();
    tell({ kind: "failed" });
  });
  const order = (given: PageRunOrder) => worker.postMessage(given);
  order({ kind: "run", run });
  return { stop: () => worker.terminate(), resume: () => order({ kind: "resume" }) };
};

/** The same run on this thread, where there are no workers (the unit tests, in Node). */
export const inThreadPageRunner: PageRunner = (run, tell) => {
  const abort = new AbortController();
  let resume: () => void = () => {};
  const resumed = new Promise<void>((resolve) => {
    resume = resolve;
  });
  void runPages(run, abort.signal, tell, resumed);
  return { stop: () => abort.abort(), resume };
};

type Answer = { kind: "page"; page: Page } | { kind: "failed" };

type Slot = {
  answer: Promise<Answer>;
  settle: (answer: Answer) => void;
  /** When the answer came, or null while it is on its way. */
  answeredAt: number | null;
  /** Handed out already: a page goes to one request. */
  claimed: boolean;
};

type Run = {
  projectId: string;
  token: string;
  slots: Map<string | null, Slot>;
  /** The page the run failed to bring, if it did: asking for it again is the client's job. */
  failedAt?: string | null;
  stop: () => void;
  resume: () => void;
};

/** An answer left unclaimed longer than this is not handed out: it may be out of date. */
const FRESH_FOR_MS = 2000;

/** The longest a first load's run waits, after its first page, for that page to be drawn. */
const HOLD_AFTER_FIRST_MS = 1000;

function slot(): Slot {
  let settle: (answer: Answer) => void = () => {};
  const answer = new Promise<Answer>((resolve) => {
    settle = resolve;
  });
  const made: Slot = {
    answer,
    settle: (value) => {
      made.answeredAt = performance.now();
      settle(value);
    },
    answeredAt: null,
    claimed: false,
  };
  return made;
}

/**
 * The pages of a marker-paged list, read ahead all the way from the first one asked for, each
 * as soon as the page before it has been read, by a runner off the page's main thread: the
 * chain then waits neither for the cache, its observers and React to hear of each page, nor for
 * the page's own long tasks. The request for a page (same project, marker and token, the answer
 * fresh) takes it, once; a request for a page the run will not bring starts a run from there;
 * a page the run failed to bring is asked for through `request`, whose error is the user's, and
 * so is every retry of it (a hostile page is not read twice per attempt).
 *
 * A first load's run holds after its first page until those rows are drawn: on two cores, the
 * run and the server answering it took the CPU the console's first render needed, and the first
 * rows came 50 to 100 ms later than with the pages read on the main thread.
 * Any change of session stops the run.
 */
export function pageRunAhead({
  address,
  request,
  runner,
}: {
  address: (projectId: string) => PageAddress;
  request: Request;
  runner: PageRunner;
}) {
  let current: Run | null = null;
  const stop = () => {
    current?.stop();
    current = null;
  };
  subscribeSession(stop);

  const start = (projectId: string, token: string, from: string | null, hold: boolean): Run => {
    stop();
    const slots = new Map<string | null, Slot>([[from, slot()]]);
    let waiting = from;
    const tell = (event: PageRunEvent) => {
      const pending = slots.get(waiting);
      if (event.kind === "failed") {
        run.failedAt = waiting;
        pending?.settle(event);
        return;
      }
      pending?.settle({ kind: "page", page: event.page });
      if (event.next !== undefined) {
        slots.set(event.next, slot());
        waiting = event.next;
      }
    };
    const holdMs = hold ? HOLD_AFTER_FIRST_MS : undefined;
    const control = runner({ ...address(projectId), token, from, holdMs }, tell);
    const run: Run = {
      projectId,
      token,
      slots,
      // A page still on its way when the run stops is asked for by whoever waits for it.
      stop: () => {
        control.stop();
        for (const waiting of slots.values()) waiting.settle({ kind: "failed" });
      },
      resume: control.resume,
    };
    current = run;
    return run;
  };

  const claimable = (found: Slot | undefined): found is Slot =>
    found !== undefined &&
    !found.claimed &&
    (found.answeredAt === null || performance.now() - found.answeredAt < FRESH_FOR_MS);

  return {
    /**
     * The page read ahead when it is this one, else from a run started at it. `hold`: the list
     * has nothing yet, and the run waits after this page until `resume` (or a second at most).
     */
    take(
      projectId: string,
      marker: string | null,
      signal: AbortSignal,
      hold = false,
    ): Promise<Page> {
      const token = getSession()?.token;
      if (!token) return request(projectId, marker, signal);
      let run = current;
      const same = run?.projectId === projectId && run.token === token;
      if (same && run?.failedAt === marker) return request(projectId, marker, signal);
      let found = same ? run?.slots.get(marker) : undefined;
      if (!run || !claimable(found)) {
        run = start(projectId, token, marker, hold);
        found = run.slots.get(marker) as Slot;
      }
      found.claimed = true;
      const claimed = found;
      const from = run;
      return new Promise<Page>((resolve, reject) => {
        const cancel = () => {
          if (current === from) stop();
          reject(signal.reason);
        };
        if (signal.aborted) return cancel();
        signal.addEventListener("abort", cancel, { once: true });
        void claimed.answer.then((answer) => {
          signal.removeEventListener("abort", cancel);
          if (signal.aborted) return;
          if (answer.kind === "page") resolve(answer.page);
          else resolve(request(projectId, marker, signal));
        });
      });
    },

    /** The first rows are drawn: the held run goes on with the pages after them. */
    resume(): void {
      current?.resume();
    },
  };
}
