// The export history page in Chromium at 100,000 records (issue 15): from the click on the
// "Export history" link to the first frame showing rows, and from a keystroke in the key-pair
// filter to the first frame showing that key's rows (the 250 ms typing pause included: it is
// part of what the user waits). The baseline is the same first page fetched from Node, so the
// ratio is what the page adds to the server's answer.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import launchConfig from "../playwright.config.ts";
import { signIn, startServer } from "../verify/server-process.ts";
import { armWatch, elapsed } from "./page-watch.ts";
import { signInThroughUi } from "./sign-in.ts";
import { median, percentile } from "./stats.ts";

const RECORDS = 100_000;
const round = (n: number) => Math.round(n * 10) / 10;
const ROW = `document.querySelector("tr[data-trace-id]") !== null`;
/** Key-pair names the audit seed uses, each typed as its last keystroke after an empty prefix. */
const TERMS = ["web-01", "web-02", "db-01", "bastion-ed25519"];

export async function historyPageFigures(workDir: string, port: number, quick: boolean) {
  const dataDir = join(workDir, "data");
  const seeded = spawnSync(
    process.execPath,
    ["--import", "tsx", "server/seed-cli.ts", "--keypairs", "1", "--audit", String(RECORDS)],
    { cwd: join(import.meta.dirname, ".."), env: { ...process.env, KPS_DATA_DIR: dataDir } },
  );
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const server = await startServer(dataDir, port);
  const browser = await chromium.launch(launchConfig.use?.launchOptions ?? {});
  const firstPage: number[] = [];
  const keystrokes: number[] = [];
  const api: number[] = [];
  try {
    const { token, projectId } = await signIn(server.base);
    const now = Date.now();
    const query = `trace_type=system&limit=100&from=${now - 7 * 86_400_000}&to=${now}`;
    for (let i = 0; i < (quick ? 23 : 53); i += 1) {
      const start = performance.now();
      const response = await fetch(`${server.base}/v3/${projectId}/traces?${query}`, {
        headers: { "x-auth-token": token },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`history ${response.status}`);
      if (i >= 3) api.push(performance.now() - start);
    }
    for (let run = 0; run < (quick ? 1 : 3); run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInThroughUi(page, server.base);
      await page.getByRole("link", { name: "Export history" }).waitFor();
      const shown = await armWatch(page, "__kpsHistoryFirst", "click", ROW);
      await page.getByRole("link", { name: "Export history" }).click();
      firstPage.push(await elapsed(shown));
      const field = page.getByLabel("Key pair");
      for (let repeat = 0; repeat < (quick ? 2 : 4); repeat += 1) {
        for (const term of TERMS) {
          // The prefix names no key pair: the list is empty before the last keystroke.
          await field.fill(term.slice(0, -1));
          await page.getByText("No export matches these filters.").waitFor();
          const updated = await armWatch(page, "__kpsHistoryKey", "keydown", ROW);
          await field.press(term.slice(-1));
          keystrokes.push(await elapsed(updated));
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.child.kill("SIGTERM");
    await server.exited;
  }
  const apiMedian = median(api);
  return [
    {
      figure: `first page in the browser, ${RECORDS.toLocaleString("en")} records (ms)`,
      samples: firstPage.length,
      median: round(median(firstPage)),
      p95: round(percentile(firstPage, 0.95)),
      baseline: `same page from Node ${round(apiMedian)} ms`,
      ratio: `${(median(firstPage) / apiMedian).toFixed(1)}×`,
    },
    {
      figure: "key-pair filter keystroke to rows, 250 ms pause included (ms)",
      samples: keystrokes.length,
      median: round(median(keystrokes)),
      p95: round(percentile(keystrokes, 0.95)),
      baseline: "250 ms typing pause + the query",
      ratio: `${(median(keystrokes) / (250 + apiMedian)).toFixed(2)}×`,
    },
  ];
}
