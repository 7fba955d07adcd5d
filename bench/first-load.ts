// First load: gzip bytes of the JS and CSS the browser fetches before the sign-in form is
// usable, and before the list is usable, against a React + Mantine baseline built the same way.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";

const root = join(import.meta.dirname, "..");

export type EntryBytes = { js: number; css: number };

/**
 * Gzip bytes of what index.html itself loads (its entry script, module preloads and
 * stylesheets): exactly what must arrive before the first screen can work. Lazy chunks, such
 * as the signed-in shell the app prefetches while the user types, are not counted.
 */
export function entryGzipBytes(distDir: string): EntryBytes {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const bytes: EntryBytes = { js: 0, css: 0 };
  for (const [, path] of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) {
    if (!path) continue;
    const size = gzipSync(readFileSync(join(distDir, path)), { level: 9 }).length;
    if (path.endsWith(".css")) bytes.css += size;
    else bytes.js += size;
  }
  return bytes;
}

/** Builds the baseline page with the console's Vite configuration and measures it. */
export function baselineEntryBytes(outDir: string): EntryBytes {
  execFileSync(
    join(root, "node_modules/.bin/vite"),
    ["build", "--config", join(root, "vite.config.ts"), "--outDir", outDir, "--emptyOutDir"],
    {
      cwd: join(root, "bench/baseline-app"),
      stdio: "ignore",
    },
  );
  return entryGzipBytes(outDir);
}

/**
 * Records every JS and CSS response with the time it arrived, so a figure can count only what
 * had arrived when the page became usable (not what it prefetches afterwards).
 */
export function recordAssetBytes(page: Page): { bytesUntil: (time: number) => Promise<number> } {
  const arrivals: { at: number; size: Promise<number> }[] = [];
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/javascript|css/.test(type)) return;
    arrivals.push({
      at: Date.now(),
      size: response.body().then(
        (body) => gzipSync(body, { level: 9 }).length,
        () => 0,
      ),
    });
  });
  return {
    bytesUntil: async (time) => {
      const sizes = await Promise.all(arrivals.filter((a) => a.at <= time).map((a) => a.size));
      return sizes.reduce((sum, size) => sum + size, 0);
    },
  };
}
