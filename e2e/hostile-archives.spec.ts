import { forgeFor } from "../src/testing/forged-keys.ts";
import { buildHostileArchives, zipKeys } from "../src/testing/hostile-archives.ts";
import { apiSignIn, expect, giveReason, signIn, type TestKeypair, test } from "./fixtures.ts";

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
      const slow: number[] = [];
      (window as unknown as { __longTasks: number[] }).__longTasks = slow;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.duration > 200) slow.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await signIn(page);
    // Count from here: booting the app is not the archives' doing.
    await page.evaluate(() => {
      (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
    });
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
      await dialog.getByRole("button", { name: "Export", exact: true }).click();
      const alert = dialog.getByRole("alert");
      await expect(alert, hostile.kind).toContainText("The archive was refused");
      await expect(alert, hostile.kind).toContainText(hostile.reason);
      await expect(page.getByRole("dialog", { name: /keypairs\.zip/ })).toHaveCount(0);
      refused += 1;
      await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
      await expect(dialog).toBeHidden();
      await page.unrouteAll({ behavior: "ignoreErrors" });
    }
    const longTasks = await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    );
    console.log(
      `hostile archives: ${refused} of ${corpus.length} kinds refused with a message; long tasks over 200 ms: ${longTasks.length} ${JSON.stringify(longTasks)}`,
    );
    expect(refused).toBe(corpus.length);
    expect(longTasks).toEqual([]);
  } finally {
    for (const name of names)
      await request.delete(`/v3/${api.projectId}/keypairs/${name}`, { headers });
  }
});

// Keys that carry each listed public key around a made-up secret: the preview must say they
// do not belong, never "Verified", and not offer the archive as verified.
test("forged private keys are shown as not belonging to the listed key", async ({
  page,
  keypairs,
}) => {
  test.setTimeout(120_000);
  const made: TestKeypair[] = [];
  for (const algorithm of ["SSH_ED25519", "ECDSA_NISTP256", "SSH_RSA_2048"]) {
    made.push(await keypairs.create(algorithm.toLowerCase(), true, { algorithm }));
  }
  const forged = await zipKeys(
    Object.fromEntries(made.map((keypair) => [keypair.name, forgeFor(keypair.publicKey)])),
  );
  await signIn(page);
  const search = page.getByLabel("Search key pairs");
  for (const keypair of made) {
    await search.fill(keypair.name);
    await page.getByRole("checkbox", { name: `Select ${keypair.name}`, exact: true }).check();
  }
  await page.route("**/keypairs/private-key/batch-export", (route) =>
    route.fulfill({ status: 200, contentType: "application/zip", body: Buffer.from(forged) }),
  );
  await page.getByRole("button", { name: "Export private keys" }).click();
  const dialog = page.getByRole("dialog", { name: "Export 3 private keys" });
  await dialog.getByRole("checkbox", { name: /^I understand/ }).check();
  await giveReason(dialog);
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
  await expect(preview.getByText("Archive has problems")).toBeVisible();
  await expect(preview.getByText("0 of 3 keys verified; 3 mismatched")).toBeVisible();
  await expect(preview.getByText("Verified", { exact: true })).toHaveCount(0);
  await expect(
    preview.getByText(/The private key does not belong to the listed public key/),
  ).toHaveCount(3);
});

// Names KPS allows but disks do not: the keys stay verified, the preview warns, and each such
// entry downloads on its own under a safe name while the zip stays the server's bytes.
test("case twins and 255-character names are warned about and saved under safe names", async ({
  page,
  keypairs,
}) => {
  test.setTimeout(120_000);
  const lower = await keypairs.create("web", true);
  const upper = await keypairs.create("WEB", true);
  const long = await keypairs.create("x".repeat(255 - keypairs.prefix.length - 1), true);
  await signIn(page);
  const search = page.getByLabel("Search key pairs");
  for (const keypair of [lower, upper, long]) {
    await search.fill(keypair.name);
    await page.getByRole("checkbox", { name: `Select ${keypair.name}`, exact: true }).check();
  }
  await page.getByRole("button", { name: "Export private keys" }).click();
  const dialog = page.getByRole("dialog", { name: "Export 3 private keys" });
  await dialog.getByRole("checkbox", { name: /^I understand/ }).check();
  await giveReason(dialog);
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
  await expect(preview.getByText("3 keys, all verified")).toBeVisible();
  await expect(preview.getByText(/only in upper and lower case/)).toHaveCount(1);
  await expect(preview.getByText(/259 bytes, longer than most disks allow/)).toHaveCount(1);
  const twin = preview.getByRole("listitem", { name: `${upper.name}.pem`, exact: true });
  const download = page.waitForEvent("download");
  await twin.getByRole("button", { name: `Download ${upper.name}.pem`, exact: true }).click();
  expect((await download).suggestedFilename()).toBe(`${upper.name}-2.pem`);
  const longDownload = page.waitForEvent("download");
  await preview.getByRole("button", { name: `Download ${long.name}.pem`, exact: true }).click();
  const saved = (await longDownload).suggestedFilename();
  expect(saved.length).toBeLessThanOrEqual(255);
  expect(saved).toMatch(/-[0-9a-f]{8}\.pem$/);
});
