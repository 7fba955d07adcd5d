/*
 * Saves bytes through a temporary object URL. Every URL is revoked shortly after its download
 * starts, and all that remain are revoked on close, unmount and sign-out (revokeAllObjectUrls).
 * The counters hold numbers only, so exposing them to tests on window is harmless.
 */

/** Long enough for the browser to pick the download up; Chromium and Firefox need a tick. */
const REVOKE_AFTER_MS = 1000;

export type ObjectUrlCounts = { created: number; revoked: number };

const counts: ObjectUrlCounts = { created: 0, revoked: 0 };
const live = new Map<string, ReturnType<typeof setTimeout>>();

declare global {
  interface Window {
    __kpsObjectUrls?: ObjectUrlCounts;
  }
}
if (typeof window !== "undefined") window.__kpsObjectUrls = counts;

export function objectUrlCounts(): ObjectUrlCounts {
  return { ...counts };
}

function revoke(url: string) {
  const timer = live.get(url);
  if (timer === undefined) return;
  clearTimeout(timer);
  live.delete(url);
  URL.revokeObjectURL(url);
  counts.revoked += 1;
}

/** Starts a download of `blob` as `fileName`. Throws when the browser refuses. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  counts.created += 1;
  live.set(
    url,
    setTimeout(() => revoke(url), REVOKE_AFTER_MS),
  );
  try {
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = fileName;
    anchor.rel = "noopener";
    anchor.style.display = "none";
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } catch (error) {
    revoke(url);
    throw error;
  }
}

export function revokeAllObjectUrls(): void {
  for (const url of [...live.keys()]) revoke(url);
}
