import { buildHostileArchives } from "../src/testing/hostile-archives.ts";
import { apiSignIn, expect, fillAccountName, giveReason, signIn, test } from "./fixtures.ts";

test("export failures in plain words: load error, cleared key, hostile archives, throttling, cancel", async ({
  page,
  keypairs,
}) => {
  const web = await keypairs.create("web", true);
  const db = await keypairs.create("db", true);

  // The first load fails: an error in place with Retry, which then works.
  let failing = true;
  await page.route("**/keypairs?*", (route) =>
    failing
      ? route.fulfill({
          status: 403,
          json: { error_code: "KPS.9003", error_msg: "No operation permission" },
        })
      : route.continue(),
  );
  await signIn(page);
  const loadError = page.getByRole("alert").filter({ hasText: "Could not load the key pairs" });
  await expect(loadError).toContainText("No operation permission");
  failing = false;
  await loadError.getByRole("button", { name: "Retry" }).click();
  await expect(loadError).toBeHidden();
  await page.unrouteAll();
  await page.getByLabel("Search key pairs").fill(keypairs.prefix);
  await page.getByRole("checkbox", { name: `Select ${web.name}`, exact: true }).check();
  await page.getByRole("checkbox", { name: `Select ${db.name}`, exact: true }).check();
  await expect(page.getByText("2 of 10 selected")).toBeVisible();

  // Someone clears the hosted key of db between selection and export.
  await keypairs.clearPrivateKey(db.name);

  await page.getByRole("button", { name: "Export private keys" }).click();
  const confirm = page.getByRole("dialog", { name: "Export 2 private keys" });
  await confirm.getByRole("checkbox", { name: /^I understand/ }).check();
  await giveReason(confirm);
  await confirm.getByRole("button", { name: "Export", exact: true }).click();
  // Named by what it lists, which changes once the list is refreshed.
  const alert = page.getByRole("dialog", { name: /^Export \d private keys?$/ }).getByRole("alert");
  await expect(alert).toContainText(
    `The private key of ${db.name} is no longer hosted by KPS, so it cannot be exported.`,
  );
  await expect(alert).toContainText("KPS.6005");
  await expect(alert).toContainText(/Request id [0-9a-f]{32}/);
  // The open confirmation follows the refreshed selection: db is neither listed nor resent.
  const followed = page.getByRole("dialog", { name: "Export 1 private key" });
  await expect(followed.getByRole("list", { name: "Key pairs to export" })).toHaveText(web.name);
  await followed.getByRole("button", { name: "Cancel", exact: true }).click();

  // The list was refreshed: db can no longer be ticked, and it says why.
  const dbBox = page.getByRole("checkbox", { name: `Select ${db.name}`, exact: true });
  await expect(dbBox).not.toBeChecked();
  await expect(page.getByText("1 of 10 selected")).toBeVisible();
  await expect(dbBox).toBeDisabled();
  await expect(dbBox).toHaveAccessibleDescription(/private key is not hosted/);

  // Hostile archives served in place of the real answer: each one is refused with its reason.
  const corpus = await buildHostileArchives();
  const picks = [
    "not a zip",
    "truncated (first half)",
    'traversal or bad name "../x.pem"',
    "symlink",
    "oversized (300 KiB)",
  ];
  for (const kind of picks) {
    const hostile = corpus.find((archive) => archive.kind === kind);
    if (!hostile) throw new Error(`no hostile archive "${kind}"`);
    await page.route("**/keypairs/private-key/batch-export", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/octet-stream",
        headers: { "X-Request-Id": "0123456789abcdef0123456789abcdef" },
        body: Buffer.from(hostile.bytes),
      }),
    );
    await page.getByRole("button", { name: "Export private keys" }).click();
    const dialog = page.getByRole("dialog", { name: "Export 1 private key" });
    await dialog.getByRole("checkbox", { name: /^I understand/ }).check();
    await giveReason(dialog);
    await dialog.getByRole("button", { name: "Export", exact: true }).click();
    const refused = dialog.getByRole("alert");
    await expect(refused, kind).toContainText("The archive was refused");
    await expect(refused, kind).toContainText(hostile.reason);
    await expect(page.getByRole("dialog", { name: /keypairs\.zip/ })).toHaveCount(0);
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
    await expect(dialog).toBeHidden();
    await page.unrouteAll();
  }
  // Throttled: the wait from Retry-After, in words.
  await page.route("**/keypairs/private-key/batch-export", (route) =>
    route.fulfill({
      status: 429,
      headers: { "Retry-After": "3" },
      json: { error_code: "KPS.0002", error_msg: "Too many export requests" },
    }),
  );
  await page.getByRole("button", { name: "Export private keys" }).click();
  const throttled = page.getByRole("dialog", { name: "Export 1 private key" });
  await throttled.getByRole("checkbox", { name: /^I understand/ }).check();
  await giveReason(throttled);
  await throttled.getByRole("button", { name: "Export", exact: true }).click();
  // The wait counts down with Export off, then Export is back.
  const exportAgain = throttled.getByRole("button", { name: "Export", exact: true });
  await expect(throttled.getByRole("alert")).toContainText(/Wait [1-3] seconds? and try again\./);
  await expect(exportAgain).toBeDisabled();
  await expect(throttled.getByRole("alert")).toContainText("You can try again now.");
  await expect(exportAgain).toBeEnabled();
  await page.unrouteAll();

  // A slow export can be cancelled: no preview, no error, and the dialog is ready again.
  await page.route("**/keypairs/private-key/batch-export", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue().catch(() => undefined);
  });
  await throttled.getByRole("button", { name: "Export", exact: true }).click();
  await throttled.getByRole("button", { name: "Cancel export" }).click();
  await expect(throttled.getByRole("alert")).toHaveCount(0);
  await expect(throttled.getByRole("button", { name: "Export", exact: true })).toBeEnabled();
  await throttled.getByRole("button", { name: "Cancel", exact: true }).click();
  await page.waitForTimeout(3500);
  await expect(page.getByRole("dialog", { name: /keypairs\.zip/ })).toHaveCount(0);
  await page.unrouteAll({ behavior: "ignoreErrors" });

  // Still responsive after all of that.
  await page.getByLabel("Search key pairs").fill(web.name);
  await expect(page.getByText("Showing 1 of")).toBeVisible();
});

test("a read-only user sees the list but cannot export; a wrong password is said plainly", async ({
  page,
  request,
  keypairs,
}) => {
  const hosted = await keypairs.create("ro", true, { scope: "domain" });
  await page.goto("/");
  await fillAccountName(page, "demo");
  await page.getByLabel("User name").fill("bob");
  await page.getByLabel("Password", { exact: true }).fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "The account name, user name or password is wrong",
  );
  await signIn(page, "bob");
  await page.getByLabel("Search key pairs").fill(hosted.name);
  // What bob's roles say shapes the page before he ticks anything.
  const exportButton = page.getByRole("button", { name: "Export private keys" });
  await expect(exportButton).toBeDisabled();
  await expect(exportButton).toHaveAccessibleDescription(
    /do not allow kps:SSHKeyPair:exportPrivateKey/,
  );
  const box = page.getByRole("checkbox", { name: `Select ${hosted.name}`, exact: true });
  await expect(box).toBeDisabled();
  await expect(box).toHaveAccessibleDescription(/allow neither exporting nor deleting/);
  await expect(page.getByRole("checkbox", { name: /^Choose exportable/ })).toBeDisabled();

  // The server is the authority: bob's own token is refused the export anyway.
  const bob = await apiSignIn(request, "bob");
  const refused = await request.post(`/v3/${bob.projectId}/keypairs/private-key/batch-export`, {
    headers: { "X-Auth-Token": bob.token },
    data: [{ keypair: { name: hosted.name } }],
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error_code).toBe("KPS.9003");
});
