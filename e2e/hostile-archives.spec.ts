import { buildHostileArchives } from "../src/testing/hostile-archives.ts";
import { apiSignIn, expect, giveReason, signIn, test } from "./fixtures.ts";

type LongTask = { start: number; duration: number };

// Every kind of hostile archive in the corpus, served in place of the server's answer to the
// real page: each is refused with its reason, no preview opens, and the page never stalls.

test("every hostile archive is refused with a message and no long task", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const corpus = await buildHostileArchives();
  expect(corpus.length).toBeGreaterThanOrEqual(18);
  const wanted = Math.max(...corpus.map((archive) => archive.expected.length));
  // The corpus asks for key-01..key-NN; make those names real, hosted key pairs.
  const api = await apiSignIn(request);
  const headers = { "X-Auth-Token": api.token };
  const names = Array.from({ length: wanted }, (_, i) => `key-${String(i + 1).padStart(2, "0")}`);
  for (const name of names) {
    const created = await request.post(`/v3/${api.projectId}/keypairs`, {
      headers,
      data: {
        keypair: {
          name,
          algorithm: "SSH_ED25519",
          key_protection: { encryption: { type: "default" } },
        },
      },
    });
    expect([200, 400]).toContain(created.status());
  }
  try {
    await page.addInitScript(() => {
      const slow: LongTask[] = [];
      (window as unknown as { __longTasks: LongTask[] }).__longTasks = slow;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (entry.duration > 200) slow.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    await signIn(page);
    // Only the time from Export to the refusal is the archive's doing; typing a search over
    // 10,000 rows on a busy machine is not what this test is about.
    const checks: { start: number; end: number }[] = [];
    const now = () => page.evaluate(() => performance.now());
    const search = page.getByLabel("Search key pairs");
    let selected: string[] = [];
    let refused = 0;
    for (const hostile of corpus) {
      const requested = hostile.expected.map((key) => key.name);
      if (requested.join() !== selected.join()) {
        if (selected.length > 0)
          await page.getByRole("button", { name: "Clear selection" }).click();
        for (const name of requested) {
          await search.fill(name);
          await page.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
        }
        selected = requested;
      }
      await page.route("**/keypairs/private-key/batch-export", (route) =>
        route.fulfill({
          status: 200,
          contentType: "application/zip",
          body: Buffer.from(hostile.bytes),
        }),
      );
      await page.getByRole("button", { name: "Export private keys" }).click();
      const dialog = page.getByRole("dialog", { name: /^Export \d+ private keys?$/ });
      await dialog.getByRole("checkbox", { name: /^I understand/ }).check();
      await giveReason(dialog);
      const start = await now();
      await dialog.getByRole("button", { name: "Export", exact: true }).click();
      const alert = dialog.getByRole("alert");
      await expect(alert, hostile.kind).toContainText("The archive was refused");
      checks.push({ start, end: await now() });
      await expect(alert, hostile.kind).toContainText(hostile.reason);
      await expect(page.getByRole("dialog", { name: /keypairs\.zip/ })).toHaveCount(0);
      refused += 1;
      await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
      await expect(dialog).toBeHidden();
      await page.unrouteAll({ behavior: "ignoreErrors" });
    }
    const longTasks = (
      await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks)
    )
      .filter((task) =>
        checks.some((check) => task.start < check.end && task.start + task.duration > check.start),
      )
      .map((task) => Math.round(task.duration));
    console.log(
      `hostile archives: ${refused} of ${corpus.length} kinds refused with a message; long tasks over 200 ms while checking: ${longTasks.length} ${JSON.stringify(longTasks)}`,
    );
    expect(refused).toBe(corpus.length);
    expect(longTasks).toEqual([]);
  } finally {
    for (const name of names)
      await request.delete(`/v3/${api.projectId}/keypairs/${name}`, { headers });
  }
});
