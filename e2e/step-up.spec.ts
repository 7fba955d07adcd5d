import {
  axeBothSchemes,
  DEMO,
  demoMfaSecret,
  enterTotp,
  expect,
  giveReason,
  signIn,
  test,
} from "./fixtures.ts";

// A server whose export wants a password checked in the last 2 seconds (playwright.config.ts).
test.use({ baseURL: process.env.KPS_E2E_STEP_UP_URL });

test("sam signs in with password and code, and an export after the window asks for both again, in place", async ({
  page,
  keypairs,
}) => {
  const target = await keypairs.create("step-up", true, { scope: "domain" });
  // The console is told the usual 5 minutes, so it sends the export and the server's own
  // refusal (403 KPS.7003) is what asks for the password: the server enforces step-up.
  await page.route("**/console/setup", async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      json: { ...(await response.json()), exportFreshAuthSeconds: 300 },
    });
  });
  await signIn(page, "sam");
  const secret = await demoMfaSecret(page.request);

  await page.getByLabel("Search key pairs").fill(target.name);
  await page.getByRole("checkbox", { name: `Select ${target.name}`, exact: true }).check();
  await page.getByRole("button", { name: "Export private keys" }).click();
  const confirm = page.getByRole("dialog", { name: "Export 1 private key" });
  const exportNow = confirm.getByRole("button", { name: "Export", exact: true });
  await confirm.getByRole("checkbox", { name: /^I understand/ }).check();
  const reason = confirm.getByRole("textbox", { name: /^Reason/ });
  await reason.fill("SUP-1");
  await expect(confirm.getByText(/Write 3 more characters/)).toBeVisible();
  await expect(exportNow).toBeDisabled();
  await axeBothSchemes(page, "confirmation with a short reason");
  await giveReason(confirm, "工单 SUP-88：客户要求导出");
  // Past the 2-second window since sam's sign-in: the server refuses, the dialog asks.
  await page.waitForTimeout(2_100);
  const stale = page.waitForResponse((response) => response.url().endsWith("/batch-export"));
  await exportNow.click();
  const refusal = await stale;
  expect(refusal.status()).toBe(403);
  expect((await refusal.json()).error_code).toBe("KPS.7003");
  const password = confirm.getByLabel("Password", { exact: true });
  await expect(password).toBeFocused();
  await expect(confirm.getByText(/Enter the password of sam again/)).toBeVisible();
  await expect(exportNow).toBeDisabled();
  await axeBothSchemes(page, "password prompt");

  await password.fill("not-the-password");
  await exportNow.click();
  await expect(confirm.getByText("The password is wrong. Check it and try again.")).toBeVisible();
  await password.fill(DEMO.password);
  // Enter in the field sends it, as in any sign-in form.
  await password.press("Enter");
  const code = confirm.getByRole("textbox", { name: "Verification code" });
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await axeBothSchemes(page, "code prompt");

  // The same states read in Chinese, and pass axe there too.
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  const inChinese = page.getByRole("dialog", { name: "导出 1 个私钥" });
  await expect(inChinese.getByRole("textbox", { name: "验证码" })).toBeVisible();
  await expect(inChinese.getByText(/请再次输入 sam 的密码/)).toBeVisible();
  await axeBothSchemes(page, "code prompt (zh-CN)");
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");

  // The code sam signed in with is spent: the fixture takes the next one.
  const exported = page.waitForResponse((response) => response.url().endsWith("/batch-export"));
  await enterTotp(page, confirm, secret, exportNow);
  expect((await exported).status()).toBe(200);
  const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
  await expect(preview.getByText("1 key, verified")).toBeVisible();
  // Nothing of the password, the code or the reason is kept in the page's storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toContain(DEMO.password);
  expect(stored).not.toContain("SUP-88");

  // sam finds the export at the top of the history with his reason, above the attempt the
  // server refused for want of a fresh sign-in.
  await preview.getByRole("button", { name: "Close", exact: true }).click();
  await page
    .getByRole("navigation", { name: "Console pages" })
    .getByRole("link", { name: "Export history" })
    .click();
  await page.getByRole("textbox", { name: "Key pair", exact: true }).fill(target.name);
  const rows = page
    .getByRole("table", { name: "Export attempts" })
    .locator("tbody tr[data-trace-id]");
  await expect(rows).toHaveCount(2);
  const cells = async (index: number) =>
    (await rows.nth(index).locator("td").allTextContents()).map((text) =>
      text.replace(/\s+/g, " ").trim(),
    );
  // Polled: the two rows can be there before the key-pair filter's answer has replaced them.
  await expect
    .poll(async () => (await cells(0)).slice(1, 5))
    .toEqual(["sam", target.name, "Succeeded", "工单 SUP-88：客户要求导出"]);
  await expect
    .poll(async () => (await cells(1)).slice(1, 5))
    .toEqual(["sam", target.name, "Refused KPS.7003", "工单 SUP-88：客户要求导出"]);
});
