import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8197);
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
    { name: "journeys", testIgnore: /hostile-archives/ },
    // Runs alone after the journeys: it counts long tasks, which CPU contention from parallel
    // journeys on a 2-core machine would fake.
    { name: "hostile-archives", testMatch: /hostile-archives/, dependencies: ["journeys"] },
  ],
  webServer: {
    command: "node --import tsx server/main.ts",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      KPS_DATA_DIR: join(tmpdir(), `kps-e2e-${process.pid}`),
      KPS_DEMO: "1",
      // Journeys export many times as one demo user; the per-actor limit has its own server test.
      KPS_EXPORT_RATE_LIMIT: "1000",
    },
  },
});
