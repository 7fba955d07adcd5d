// First load: gzip bytes of the JS and CSS the browser fetches before the sign-in form is
// usable, and before the list is usable, against a React + Mantine baseline built the same way.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";

const root = join(import.meta.dirname, "..");

export function gzipBytesOfDir(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, name);
    if (statSync(file).isFile() && /\.(js|css)$/.test(name))
      total += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return total;
}

/** Builds the baseline page with the console's Vite configuration and measures it. */
export function baselineGzipBytes(outDir: string): number {
  execFileSync(
    join(root, "node_modules/.bin/vite"),
    ["build", "--config", join(root, "vite.config.ts"), "--outDir", outDir, "--emptyOutDir"],
    {
      cwd: join(root, "bench/baseline-app"),
      env: { ...process.env },
      stdio: "ignore",
    },
  );
  return gzipBytesOfDir(outDir);
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
