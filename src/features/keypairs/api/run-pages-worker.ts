// The list's pages, read in a thread of their own: the page's main thread is busiest exactly
// while they come (the console's first render, then the rows), and a page read there waited
// behind each slice of that work for every chunk of its body.
import { type PageRunOrder, runPages } from "./run-pages.ts";

let resume: () => void = () => {};
const resumed = new Promise<void>((resolve) => {
  resume = resolve;
});

self.addEventListener("message", (event: MessageEvent<PageRunOrder>) => {
  const order = event.data;
  if (order.kind === "resume") resume();
  // One run per worker: the page stops a run by terminating its worker, token and all.
  else
    void runPages(
      order.run,
      new AbortController().signal,
      (told) => self.postMessage(told),
      resumed,
    );
});
