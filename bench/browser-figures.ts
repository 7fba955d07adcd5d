// Browser figures in Chromium against the real console server: first-load bytes, export to a
// verified preview (against the same request with no preview), and a 10,000-row list.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { passwordAuthRequest } from "../contract/iam.ts";
import launchConfig from "../playwright.config.ts";
import { signIn, startServer } from "../verify/server-process.ts";
import { bareAllPages, bareSignInAndAllPages } from "./bare-pages.ts";
import { createFigures } from "./create-figures.ts";
import { recordAssetBytes } from "./first-load.ts";
import {
  COUNT_TEXT,
  keystrokeLatencies,
  keystrokesAtScale,
  tickAtCapLatencies,
} from "./list-figures.ts";
import { armWatch, elapsed } from "./page-watch.ts";
import { signInThroughUi } from "./sign-in.ts";
import { median, percentile } from "./stats.ts";

const root = join(import.meta.dirname, "..");
const round = (n: number) => Math.round(n * 10) / 10;

export async function browserFigures(
  workDir: string,
  port: number,
  options: { baselineFirstLoad: number; quick: boolean },
) {
  const dataDir = join(workDir, "data");
  // 10,000 key pairs visible to alice: the demo's 29 and a bulk seed.
  spawnSync(
    process.execPath,
    ["--import", "tsx", "server/seed-cli.ts", "--keypairs", String(10_000 - 29)],
    {
      cwd: root,
      env: { ...process.env, KPS_DATA_DIR: dataDir },
      stdio: "ignore",
    },
  );
  const server = await startServer(dataDir, port, {
    KPS_EXPORT_RATE_LIMIT: "100000",
    // The setup and the create figures make more key pairs a minute than a user may.
    KPS_CREATE_RATE_LIMIT: "100000",
  });
  const browser = await chromium.launch(launchConfig.use?.launchOptions ?? {});
  try {
    const { token, projectId } = await signIn(server.base);
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.base}/v3/${projectId}${path}`, {
        ...init,
        headers: { "x-auth-token": token, "content-type": "application/json" },
      });
    // Ten RSA 4096 keys, hosted, for the heaviest preview.
    const rsa4096 = Array.from({ length: 10 }, (_, i) => `bench-rsa4096-${i}`);
    // One after another: the server generates one key at a time (keygenLimit), so ten at once
    // queue behind each other and the last can outwait the connection timeout on a busy machine.
    for (const name of rsa4096) {
      const response = await api("/keypairs", {
        method: "POST",
        body: JSON.stringify({
          keypair: {
            name,
            algorithm: "SSH_RSA_4096",
            scope: "domain",
            key_protection: { encryption: { type: "default" } },
          },
        }),
      });
      if (!response.ok)
        throw new Error(`bench setup: creating ${name} answered ${response.status}`);
    }
    const mixed = [
      "web-01",
      "bastion-ed25519",
      "ci-ecdsa-p256",
      "ci-ecdsa-p384",
      "ci-ecdsa-p521",
      "batch-rsa-3072",
      "vault-rsa-4096",
      "db-01",
      "web-02",
      "web-03",
    ];

    // First load and the large list, on a fresh page each run.
    const firstLoad: {
      signIn: number[];
      list: number[];
      firstRowsMs: number[];
      allPagesMs: number[];
      allPagesBareMs: number[];
      signInAndAllPagesBareMs: number[];
      firstRequestToAllPagesMs: number[];
    } = {
      signIn: [],
      list: [],
      firstRowsMs: [],
      allPagesMs: [],
      allPagesBareMs: [],
      signInAndAllPagesBareMs: [],
      firstRequestToAllPagesMs: [],
    };
    const keystrokes: number[] = [];
    const ticksAtCap: number[] = [];
    let domRows = 0;
    let heapMiB = 0;
    // Five sign-ins: the bare sign-in's token request is an scrypt on a shared core, and with
    // three, one slow one (89 ms, not ~30) set the median and the ratio for the whole run.
    for (let run = 0; run < (options.quick ? 1 : 5); run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const assets = recordAssetBytes(page);
      await page.goto(server.base);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      firstLoad.signIn.push(await assets.bytesUntil(Date.now()));
      // The demo fills in the account name when its setup answers; typing over that as it
      // lands appended ("demodemo"), as signInThroughUi says, so the answer comes first.
      await page.getByText("Demo accounts").waitFor();
      const account = page.getByLabel("Account name");
      if ((await account.inputValue()) !== "demo") await account.fill("demo");
      await page.getByLabel("User name").fill("alice");
      await page.getByLabel("Password", { exact: true }).fill("KpsDemo#2026");
      // From the click on Sign in to the first frame showing a row, and to the frame showing
      // the whole count.
      const firstRows = await armWatch(
        page,
        "__kpsFirstRows",
        "click",
        `document.querySelector('[aria-label^="Select "]') !== null`,
      );
      const allPages = await armWatch(
        page,
        "__kpsAllPages",
        "click",
        `/^10,0\\d\\d key pairs$/.test(${COUNT_TEXT})`,
        120_000,
      );
      // The list's pages are read in a worker, whose requests the page's own resource timing
      // does not list: Playwright sees them.
      const firstListRequest = page.waitForRequest((request) =>
        /\/keypairs\?limit=/.test(request.url()),
      );
      await page.getByRole("button", { name: "Sign in" }).click();
      firstLoad.firstRowsMs.push(Math.round(await elapsed(firstRows)));
      const allPagesAt = await allPages();
      firstLoad.allPagesMs.push(Math.round(allPagesAt.end - allPagesAt.start));
      // The console's own list fetching, from its first list request to the same frame: what
      // the bare route does, plus checking, merging and drawing the rows.
      const listRequest = await firstListRequest;
      await listRequest.response();
      // Playwright's start time is the epoch's; the page's times count from its timeOrigin.
      const firstListRequestAt =
        listRequest.timing().startTime - (await page.evaluate<number>("performance.timeOrigin"));
      firstLoad.firstRequestToAllPagesMs.push(Math.round(allPagesAt.end - firstListRequestAt));
      // The same pages over the bare route, once the console has them all, so only the list
      // fetching is compared (bench/bare-pages.ts says what it includes).
      const bare = await bareAllPages(page, { token, projectId });
      if (bare.rows < 10_000) throw new Error(`bench: the bare route read ${bare.rows} rows`);
      firstLoad.allPagesBareMs.push(Math.round(bare.ms));
      // And the whole sign-in over the bare route: the same token request, then the pages.
      const bareSignIn = await bareSignInAndAllPages(page, {
        signInBody: JSON.stringify(
          passwordAuthRequest("demo", "alice", "KpsDemo#2026", "cn-north-4"),
        ),
        projectId,
      });
      if (bareSignIn.rows < 10_000)
        throw new Error(`bench: the bare sign-in read ${bareSignIn.rows} rows`);
      firstLoad.signInAndAllPagesBareMs.push(Math.round(bareSignIn.ms));
      firstLoad.list.push(await assets.bytesUntil(Date.now()));
      // A keystroke in the search box to updated rows (list-figures.ts says how).
      keystrokes.push(...(await keystrokeLatencies(page)));
      await page.waitForTimeout(200);
      domRows = await page.locator('[aria-label^="Select "]').count();
      const cdp = await context.newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("Performance.enable");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const heap = metrics.find((m) => m.name === "JSHeapUsedSize");
      heapMiB = round((heap?.value ?? 0) / 2 ** 20);
      ticksAtCap.push(...(await tickAtCapLatencies(page, options.quick ? 12 : 20)));
      await context.close();
    }

    // Export to verified preview, against the same request with no preview.
    const exportRows: Record<string, number | string>[] = [];
    for (const [label, names] of [
      ["1 key (RSA 4096)", rsa4096.slice(0, 1)],
      ["10 keys (RSA 4096)", rsa4096],
      ["10 keys (mixed algorithms)", mixed],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInThroughUi(page, server.base);
      const search = page.getByLabel("Search key pairs");
      await page
        .getByText(/^10,0\d\d key pairs$/)
        .first()
        .waitFor({ timeout: 120_000 });
      for (const name of names) {
        await search.fill(name);
        await page.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
      }
      const totals: number[] = [];
      const baselines: number[] = [];
      const parts = {
        request: [] as number[],
        server: [] as number[],
        transfer: [] as number[],
        checking: [] as number[],
        rendering: [] as number[],
      };
      for (let run = 0; run < (options.quick ? 2 : 5); run += 1) {
        await page.getByRole("button", { name: "Export private keys" }).click();
        await page.getByRole("checkbox", { name: /^I understand/ }).check();
        // A person reads the confirmation before exporting private keys; the console boots the
        // checking worker meanwhile. A second is a quick reader.
        await page.waitForTimeout(1000);
        await page.evaluate(() => performance.clearMarks());
        // From the click on Export to the first frame showing the verdict.
        const verified = await armWatch(
          page,
          "__kpsVerified",
          "click",
          `Array.from(document.querySelectorAll('[role="dialog"]'), (dialog) => dialog.textContent || "").some((text) => text.includes("Preview of keypairs.zip") && /all verified|, verified/.test(text))`,
        );
        await page.getByRole("button", { name: "Export", exact: true }).click();
        const { start: clickAt, end: doneAt } = await verified();
        const dialog = page.getByRole("dialog", { name: /keypairs\.zip/ });
        const timing = await page.evaluate(() => {
          const entry = performance
            .getEntriesByType("resource")
            .filter((e) => e.name.includes("batch-export"))
            .at(-1) as PerformanceResourceTiming | undefined;
          const [received, checked] = ["kps:export-received", "kps:archive-checked"].map(
            (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? null,
          );
          return {
            requestStart: entry?.requestStart ?? 0,
            responseStart: entry?.responseStart ?? 0,
            received: received ?? entry?.responseEnd ?? 0,
            checked: checked ?? null,
          };
        });
        totals.push(doneAt - clickAt);
        parts.request.push(timing.requestStart - clickAt);
        parts.server.push(timing.responseStart - timing.requestStart);
        parts.transfer.push(timing.received - timing.responseStart);
        if (timing.checked !== null) {
          parts.checking.push(timing.checked - timing.received);
          parts.rendering.push(doneAt - timing.checked);
        }
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "hidden" });
        // Baseline: the same request for the same bytes, with no preview at all.
        baselines.push(
          await page.evaluate(
            async ({ body, token: authToken, url }) => {
              const t0 = performance.now();
              const response = await fetch(url, {
                method: "POST",
                headers: { "x-auth-token": authToken, "content-type": "application/json" },
                body,
              });
              await response.arrayBuffer();
              return performance.now() - t0;
            },
            {
              body: JSON.stringify(names.map((name) => ({ keypair: { name } }))),
              token,
              url: `${server.base}/v3/${projectId}/keypairs/private-key/batch-export`,
            },
          ),
        );
      }
      exportRows.push({
        export: label,
        "click to verified ms": round(median(totals)),
        "no-preview baseline ms": round(median(baselines)),
        "over baseline ms": round(median(totals) - median(baselines)),
        "click to request ms": round(median(parts.request)),
        "server ms": round(median(parts.server)),
        "transfer ms": round(median(parts.transfer)),
        "checking ms": parts.checking.length ? round(median(parts.checking)) : "n/a",
        "rendering ms": parts.rendering.length ? round(median(parts.rendering)) : "n/a",
      });
      await context.close();
    }

    // Protected download: from the click on "Download keypairs-protected.zip" to the browser's
    // download event (16 bcrypt rounds per key, twice, in the worker), and the page's longest
    // task meanwhile: the main thread must stay free while the worker grinds.
    const protectRows: Record<string, number | string>[] = [];
    for (const [label, names] of [
      ["10 keys (RSA 4096)", rsa4096],
      ["10 keys (mixed algorithms)", mixed],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(`(() => {
        window.__kpsLongTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__kpsLongTasks.push(entry.duration);
        }).observe({ type: "longtask", buffered: true });
      })()`);
      await signInThroughUi(page, server.base);
      const search = page.getByLabel("Search key pairs");
      await page
        .getByText(/^10,0\d\d key pairs$/)
        .first()
        .waitFor({ timeout: 120_000 });
      for (const name of names) {
        await search.fill(name);
        await page.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
      }
      await page.getByRole("button", { name: "Export private keys" }).click();
      await page.getByRole("checkbox", { name: /^I understand/ }).check();
      await page.getByRole("button", { name: "Export", exact: true }).click();
      const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
      await preview.getByText("10 keys, all verified").waitFor({ timeout: 60_000 });
      const times: number[] = [];
      const longest: number[] = [];
      for (let run = 0; run < (options.quick ? 1 : 3); run += 1) {
        await preview.getByRole("button", { name: "Download protected…" }).click();
        const dialog = page.getByRole("dialog", { name: /keypairs-protected\.zip/ });
        await dialog.getByLabel("Passphrase", { exact: true }).fill("bench passphrase, 2026");
        await dialog.getByLabel("Repeat the passphrase").fill("bench passphrase, 2026");
        await page.evaluate("window.__kpsLongTasks.length = 0");
        const download = page.waitForEvent("download", { timeout: 300_000 });
        const startedAt = Date.now();
        await dialog.getByRole("button", { name: "Download keypairs-protected.zip" }).click();
        await download;
        times.push(Date.now() - startedAt);
        const tasks = await page.evaluate<number[]>("window.__kpsLongTasks.slice()");
        longest.push(Math.max(0, ...tasks));
        await dialog.waitFor({ state: "hidden" });
      }
      protectRows.push({
        protect: label,
        "click to download ms": round(median(times)),
        "longest main-thread task ms": round(Math.max(...longest)),
      });
      await context.close();
    }
    // Create, click to key offered, per algorithm; after the export figures so the new rows
    // cannot change what those measured.
    const createContext = await browser.newContext();
    const createPage = await createContext.newPage();
    await signInThroughUi(createPage, server.base);
    await createPage
      .getByText(/^10,0\d\d key pairs$/)
      .first()
      .waitFor({ timeout: 120_000 });
    const createRows = await createFigures(
      createPage,
      { token, projectId, base: server.base },
      options.quick ? 2 : 5,
    );
    await createContext.close();
    // The same keystrokes at 50,000 key pairs, last: its own server and data, after every
    // figure above has its machine to itself.
    const keystrokes50k = await keystrokesAtScale(browser, {
      workDir,
      port: port + 5,
      count: 50_000,
      // 36 keystrokes: with 18, the p95 was simply the slowest of them.
      runs: options.quick ? 1 : 4,
    });

    const json = {
      firstLoad: {
        baselineGzipBytes: options.baselineFirstLoad,
        signInGzipBytes: median(firstLoad.signIn),
        listGzipBytes: median(firstLoad.list),
        signInRatio: Number((median(firstLoad.signIn) / options.baselineFirstLoad).toFixed(2)),
      },
      largeList: {
        keypairs: 10_000,
        signInToFirstRowsMs: median(firstLoad.firstRowsMs),
        signInToAllPagesMs: median(firstLoad.allPagesMs),
        signInToAllPagesBareMs: median(firstLoad.allPagesBareMs),
        allPagesRatio: Number(
          (median(firstLoad.allPagesMs) / median(firstLoad.allPagesBareMs)).toFixed(2),
        ),
        signInAndAllPagesBareMs: median(firstLoad.signInAndAllPagesBareMs),
        signInBareRatio: Number(
          (median(firstLoad.allPagesMs) / median(firstLoad.signInAndAllPagesBareMs)).toFixed(2),
        ),
        firstRequestToAllPagesMs: median(firstLoad.firstRequestToAllPagesMs),
        firstRequestRatio: Number(
          (median(firstLoad.firstRequestToAllPagesMs) / median(firstLoad.allPagesBareMs)).toFixed(
            2,
          ),
        ),
        keystrokeP50Ms: round(percentile(keystrokes, 0.5)),
        keystrokeP95Ms: round(percentile(keystrokes, 0.95)),
        tickAtCapP50Ms: round(percentile(ticksAtCap, 0.5)),
        tickAtCapP95Ms: round(percentile(ticksAtCap, 0.95)),
        keystroke50kP50Ms: round(percentile(keystrokes50k, 0.5)),
        keystroke50kP95Ms: round(percentile(keystrokes50k, 0.95)),
        domRows,
        jsHeapMiB: heapMiB,
      },
      exportToPreview: exportRows,
      protectedDownload: protectRows,
      createToKeyOffered: createRows,
    };
    const table = [
      {
        figure: "JS + CSS fetched by the time the sign-in form shows, prefetch included (gzip kB)",
        value: round(json.firstLoad.signInGzipBytes / 1000),
        baseline: round(options.baselineFirstLoad / 1000),
        ratio: `${json.firstLoad.signInRatio}×`,
      },
      {
        figure: "JS + CSS fetched by the time the list is usable (gzip kB)",
        value: round(json.firstLoad.listGzipBytes / 1000),
        baseline: round(options.baselineFirstLoad / 1000),
        ratio: `${(json.firstLoad.listGzipBytes / options.baselineFirstLoad).toFixed(2)}×`,
      },
      {
        figure: "10,000 key pairs: sign-in to first rows (ms)",
        value: json.largeList.signInToFirstRowsMs,
        baseline: "",
        ratio: "",
      },
      {
        figure: "10,000 key pairs: sign-in to every page loaded (ms)",
        value: json.largeList.signInToAllPagesMs,
        baseline: json.largeList.signInToAllPagesBareMs,
        ratio: `${json.largeList.allPagesRatio}× the bare pages`,
      },
      {
        figure:
          "10,000 key pairs: sign-in to every page, against the same token request and pages over the bare route (ms)",
        value: json.largeList.signInToAllPagesMs,
        baseline: json.largeList.signInAndAllPagesBareMs,
        ratio: `${json.largeList.signInBareRatio}× (target ≤ 1.5)`,
      },
      {
        figure: "10,000 key pairs: first list request to every page loaded (ms)",
        value: json.largeList.firstRequestToAllPagesMs,
        baseline: json.largeList.signInToAllPagesBareMs,
        ratio: `${json.largeList.firstRequestRatio}× the bare route`,
      },
      {
        figure: "search keystroke to updated rows p50 / p95 (ms)",
        value: `${json.largeList.keystrokeP50Ms} / ${json.largeList.keystrokeP95Ms}`,
        baseline: "",
        ratio: "",
      },
      {
        figure: "tick at the cap of ten, click to every other row disabled p50 / p95 (ms)",
        value: `${json.largeList.tickAtCapP50Ms} / ${json.largeList.tickAtCapP95Ms}`,
        baseline: "",
        ratio: "target p95 ≤ 16.7",
      },
      {
        figure: "50,000 key pairs: search keystroke to updated rows p50 / p95 (ms)",
        value: `${json.largeList.keystroke50kP50Ms} / ${json.largeList.keystroke50kP95Ms}`,
        baseline: "",
        ratio: "target p95 ≤ 33",
      },
      {
        figure: "rows in the DOM / JS heap (MiB)",
        value: `${json.largeList.domRows} / ${json.largeList.jsHeapMiB}`,
        baseline: "",
        ratio: "",
      },
      ...exportRows.map((row) => ({
        figure: `export ${row.export}: click to verified (ms)`,
        value: row["click to verified ms"],
        baseline: row["no-preview baseline ms"],
        ratio: `+${row["over baseline ms"]} ms (click to request ${row["click to request ms"]}, server ${row["server ms"]}, transfer ${row["transfer ms"]}, checking ${row["checking ms"]}, rendering ${row["rendering ms"]})`,
      })),
      ...protectRows.map((row) => ({
        figure: `protected download, ${row.protect}: click to download (ms)`,
        value: row["click to download ms"],
        baseline: "",
        ratio: `longest main-thread task ${row["longest main-thread task ms"]} ms (target ≤ 50)`,
      })),
      ...createRows.map((row) => ({
        figure: `create ${row.algorithm}: click to key offered (ms)`,
        value: row["click to key offered ms"],
        baseline: row["bare POST baseline ms"],
        ratio: `${row["over baseline ms"] >= 0 ? "+" : ""}${row["over baseline ms"]} ms over the bare POST`,
      })),
    ];
    return { json, table };
  } finally {
    await browser.close();
    server.child.kill("SIGTERM");
    await server.exited;
  }
}
