import type { Locator, Page } from "@playwright/test";
import { DEMO, demoMfaSecret, EXPORT_REASON, expect, nextTotpCode, test } from "./fixtures.ts";

/** Presses Tab until the locator has focus: proves it is reachable with the keyboard alone. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test("keyboard only: sign in, pick, confirm, preview; switch project; idle sign-out revokes", async ({
  page,
  keypairs,
}) => {
  const target = await keypairs.create("kbd", true, { scope: "domain" });
  await page.clock.install();
  // The list's pages are read in a worker given the token: it must end with the list.
  const listWorker = page.waitForEvent("worker", (worker) => /run-pages-worker/.test(worker.url()));
  await page.goto("/");

  // Demo mode fills in the account name; the keyboard user types the rest.
  await tabTo(page, page.getByLabel("Account name"));
  await expect(page.getByLabel("Account name")).toHaveValue(DEMO.account);
  await page.keyboard.press("Tab");
  await page.keyboard.type("sam");
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO.password);
  await page.keyboard.press("Enter");
  // sam has the demo's virtual MFA device: the code field takes the focus; Enter signs in.
  const codeField = page.getByRole("textbox", { name: "Verification code" });
  await expect(codeField).toBeFocused();
  await page.keyboard.type(await nextTotpCode(await demoMfaSecret(page.request)));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Key pairs in cn-north-4" })).toBeVisible();
  await listWorker;
  await expect(page.getByText(/^\d+ key pairs?$/)).toBeVisible();
  await expect
    .poll(() => page.workers().filter((worker) => /run-pages-worker/.test(worker.url())).length)
    .toBe(0);

  await tabTo(page, page.getByLabel("Search key pairs"));
  await page.keyboard.type(target.name);
  const box = page.getByRole("checkbox", { name: `Select ${target.name}`, exact: true });
  await expect(box).toBeVisible();
  await tabTo(page, box);
  await page.keyboard.press("Space");
  await expect(page.getByText("1 of 10 selected")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Export private keys" }));
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Export 1 private key" });
  await tabTo(page, confirm.getByRole("checkbox", { name: /^I understand/ }));
  await page.keyboard.press("Space");
  await tabTo(page, confirm.getByRole("textbox", { name: /^Reason/ }));
  await page.keyboard.type(EXPORT_REASON);
  await tabTo(page, confirm.getByRole("button", { name: "Export", exact: true }));
  await page.keyboard.press("Enter");
  const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
  await expect(preview.getByText("1 key, verified")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(preview).toBeHidden();

  // Re-scope to the other project: a fresh list and an empty selection.
  await page.getByRole("combobox", { name: "Project" }).selectOption({ label: "ap-southeast-1" });
  await expect(page.getByRole("heading", { name: "Key pairs in ap-southeast-1" })).toBeVisible();
  await expect(page.getByText("0 of 10 selected")).toBeVisible();
  await expect(page.getByText("Selection cleared")).toBeVisible();
  await expect(page.getByText(/selected in cn-north-4 stays there/)).toBeVisible();

  // Fifteen idle minutes sign the user out and revoke the token on the server.
  const revoked = page.waitForRequest(
    (request) => request.method() === "DELETE" && request.url().endsWith("/v3/auth/tokens"),
  );
  await page.clock.fastForward("15:30");
  const revoke = await revoked;
  await expect(
    page.getByText("You were signed out after 15 minutes without activity."),
  ).toBeVisible();
  const token = revoke.headers()["x-subject-token"] as string;
  const stillValid = await page.request.get("/v3/auth/projects", {
    headers: { "X-Auth-Token": token },
  });
  expect(stillValid.status()).toBe(401);
});
