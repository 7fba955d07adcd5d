import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8197);
// Proxy mode in front of the stand-in cloud runs on the next two ports.
const proxyPort = port + 1;
const standInPort = port + 2;
// The same embedded server with a 2-second step-up window, for e2e/step-up.spec.ts.
const stepUpPort = port + 3;
process.env.KPS_E2E_STEP_UP_URL ??= `http://127.0.0.1:${stepUpPort}`;
// Shorter than the stand-in's slow answer (4 s), so the journeys see the proxy's timeout.
const proxyTimeoutMs = 3000;
// Decided once, in the runner, and inherited by the workers and global-teardown, which removes it.
process.env.KPS_E2E_DATA_DIR ??= join(tmpdir(), `kps-e2e-${process.pid}`);
const dataDir = process.env.KPS_E2E_DATA_DIR;
const debianChromium = "/usr/bin/chromium";
// Playwright cannot download its own browser here; use Debian's when it is there.
const launchOptions = existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions,
  },
  projects: [
    { name: "journeys", testIgnore: /hostile-archives|proxy-/ },
    // The same console, in proxy mode in front of a stand-in cloud that answers in the shapes
    // the published documents allow and the embedded server never sends (kps-api.md section 7).
    {
      name: "proxy-journeys",
      testMatch: /proxy-/,
      use: { baseURL: `http://127.0.0.1:${proxyPort}` },
    },
    // Runs alone after every other project: it counts long tasks, which CPU contention from
    // parallel journeys on a 2-core machine would fake.
    {
      name: "hostile-archives",
      testMatch: /hostile-archives/,
      dependencies: ["journeys", "proxy-journeys"],
    },
  ],
  webServer: [
    {
      command: "node --import tsx server/main.ts",
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(port),
        KPS_DATA_DIR: dataDir,
        KPS_DEMO: "1",
        // Journeys create and export many times as one demo user; the per-actor limits have their
        // own server tests.
        KPS_EXPORT_RATE_LIMIT: "1000",
        KPS_CREATE_RATE_LIMIT: "1000",
      },
    },
    {
      command: "node --import tsx server/main.ts",
      url: `http://127.0.0.1:${stepUpPort}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(stepUpPort),
        // Inside the run's directory, so the teardown removes it with the rest.
        KPS_DATA_DIR: join(dataDir, "step-up"),
        KPS_DEMO: "1",
        KPS_EXPORT_FRESH_AUTH_S: "2",
      },
    },
    {
      command: "node --import tsx server/testing/stand-in-cloud-main.ts",
      url: `http://127.0.0.1:${standInPort}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { PORT: String(standInPort), STAND_IN_SLOW_MS: String(proxyTimeoutMs + 1000) },
    },
    {
      command: "node --import tsx server/main.ts",
      url: `http://127.0.0.1:${proxyPort}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(proxyPort),
        KPS_ENDPOINT: `http://127.0.0.1:${standInPort}`,
        IAM_ENDPOINT: `http://127.0.0.1:${standInPort}`,
        KPS_PROXY_TIMEOUT_MS: String(proxyTimeoutMs),
      },
    },
  ],
});
