/**
 * Runs work when the page is next idle (or within two seconds), for what would otherwise be
 * done while the user waits; returns a cancel. Browsers without requestIdleCallback get a timer.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(work, 500);
  return () => window.clearTimeout(timer);
}
