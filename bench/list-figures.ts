// The large list's interaction figures: a search keystroke to updated rows, and ticking the
// checkbox that reaches the cap to the frame where every other row is held back. Each measured
// in the page, from the input event to the first frame showing its whole result.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { startServer } from "../verify/server-process.ts";
import { armWatch, elapsed } from "./page-watch.ts";
import { signInThroughUi } from "./sign-in.ts";

const root = join(import.meta.dirname, "..");

/** The list's count line ("10,000 key pairs", "Showing 100 of 10,000 key pairs"). */
export const COUNT_TEXT = `(Array.from(document.querySelectorAll("p"), (p) => p.textContent || "").find((text) => /key pairs$/.test(text)) || "")`;

const ROW_BOXES = `Array.from(document.querySelectorAll('input[aria-label^="Select "]'))`;

/**
 * A keystroke in the search box to updated rows: to the first frame where the count has changed
 * and every row shown matches. Each term narrows what its prefix showed, so the count must
 * change: rows that already matched cannot pass for the update. The first term warms up.
 */
export async function keystrokeLatencies(page: Page): Promise<number[]> {
  const latencies: number[] = [];
  const search = page.getByLabel("Search key pairs");
  for (const [i, term] of [
    "bulk-0",
    "bulk-00",
    "bulk-001",
    "bulk-0012",
    "bulk-1",
    "bulk-12",
    "bulk-123",
    "bulk-9",
    "bulk-99",
    "x",
  ].entries()) {
    await search.fill(term.slice(0, -1));
    await page.waitForTimeout(50);
    const before = await page.evaluate<string>(COUNT_TEXT);
    const rowsUpdated = await armWatch(
      page,
      "__kpsKeystroke",
      "keydown",
      `${COUNT_TEXT} !== ${JSON.stringify(before)} && Array.from(document.querySelectorAll('[aria-label^="Select "]'), (el) => (el.getAttribute("aria-label") || "").toLowerCase()).every((label) => label.includes(${JSON.stringify(term)}))`,
      10_000,
    );
    await search.press(term.at(-1) ?? "a");
    const latency = await elapsed(rowsUpdated);
    if (i > 0) latencies.push(latency);
  }
  await search.fill("");
  return latencies;
}

/**
 * Ticking at the cap: with nine hosted key pairs ticked, from the click on the tenth checkbox to
 * the first frame where it is ticked and every other row in the DOM is disabled (the cap holds
 * them back); then it is unticked again, until the rows are free, for the next sample.
 */
export async function tickAtCapLatencies(page: Page, samples: number): Promise<number[]> {
  const search = page.getByLabel("Search key pairs");
  const hosted = page.getByRole("combobox", { name: "Private key" });
  await search.fill("bulk-0");
  await hosted.selectOption("hosted");
  const free = page.locator('input[aria-label^="Select "]:not([disabled]):not(:checked)');
  for (let i = 0; i < 9; i += 1) await free.first().check();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const label = await free.first().getAttribute("aria-label");
    if (!label) throw new Error("bench: no free row to tick at the cap");
    const tenth = page.getByRole("checkbox", { name: label, exact: true });
    const held = await armWatch(
      page,
      "__kpsTickAtCap",
      "click",
      `(() => { const boxes = ${ROW_BOXES}; const ticked = boxes.find((box) => box.getAttribute("aria-label") === ${JSON.stringify(label)}); return ticked !== undefined && ticked.checked && boxes.every((box) => box.checked || box.disabled); })()`,
      10_000,
    );
    await tenth.click();
    latencies.push(await elapsed(held));
    await tenth.click();
    await page.waitForFunction(`${ROW_BOXES}.some((box) => !box.checked && !box.disabled)`);
  }
  await page.getByRole("button", { name: "Clear selection" }).click();
  await hosted.selectOption("all");
  await search.fill("");
  return latencies;
}

/**
 * The same keystrokes over a bigger list, on a server and data of its own: `count` key pairs
 * visible to alice (the demo's 29 and two bulk seeds).
 */
export async function keystrokesAtScale(
  browser: Browser,
  options: { workDir: string; port: number; count: number; runs: number },
): Promise<number[]> {
  const dataDir = join(options.workDir, `data-${options.count}`);
  // The 10,000-row list's names ("bulk-0000" to "bulk-9970") and the rest five digits wide
  // ("bulk-00000" on): every term still narrows, and "bulk-9", "bulk-99" still find rows.
  for (const keypairs of [10_000 - 29, options.count - 10_000]) {
    spawnSync(
      process.execPath,
      ["--import", "tsx", "server/seed-cli.ts", "--keypairs", String(keypairs)],
      { cwd: root, env: { ...process.env, KPS_DATA_DIR: dataDir }, stdio: "ignore" },
    );
  }
  const server = await startServer(dataDir, options.port);
  const latencies: number[] = [];
  try {
    for (let run = 0; run < options.runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInThroughUi(page, server.base);
      const total = options.count.toLocaleString("en");
      await page.getByText(`${total} key pairs`, { exact: true }).waitFor({ timeout: 300_000 });
      latencies.push(...(await keystrokeLatencies(page)));
      await context.close();
    }
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
  return latencies;
}
