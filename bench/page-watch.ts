// In-page timing for the browser figures: from an input event's timestamp to the frame that
// shows its result.
import type { Page } from "@playwright/test";

/**
 * Arms a watch in the page, awaited before the input it times so the input cannot be missed:
 * it takes the timestamp of the next `startEvent` and resolves at the first animation frame
 * after `done` (a script expression) holds, with both times (performance.now()). The user's wait,
 * measured where the user is: no Playwright round trip or polling counts. Scripts are strings,
 * not functions: tsx's keepNames helpers do not exist in the page.
 */
export async function armWatch(
  page: Page,
  name: string,
  startEvent: "click" | "keydown",
  done: string,
  timeoutMs = 60_000,
): Promise<() => Promise<{ start: number; end: number }>> {
  await page.evaluate(`(() => {
    let startAt = 0;
    document.addEventListener(${JSON.stringify(startEvent)}, (event) => { startAt = event.timeStamp; }, { capture: true, once: true });
    window[${JSON.stringify(name)}] = new Promise((resolve, reject) => {
      const timer = setTimeout(() => { observer.disconnect(); reject(new Error(${JSON.stringify(`${name}: timed out`)})); }, ${timeoutMs});
      const observer = new MutationObserver(() => {
        if (!startAt || !(${done})) return;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve({ start: startAt, end: performance.now() }));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  })()`);
  return () => page.evaluate<{ start: number; end: number }>(`window[${JSON.stringify(name)}]`);
}

export async function elapsed(
  watch: () => Promise<{ start: number; end: number }>,
): Promise<number> {
  const { start, end } = await watch();
  return end - start;
}
