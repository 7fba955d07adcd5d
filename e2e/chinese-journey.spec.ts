import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import startZh from "../src/app/words/start-zh-cn.ts";
import shellZh from "../src/app/words/zh-cn.ts";
import pickerZh from "../src/components/words/zh-cn.ts";
import signInZh from "../src/features/auth/words/sign-in-zh-cn.ts";
import previewZh from "../src/features/export/archive/words/zh-cn.ts";
import exportZh from "../src/features/export/words/zh-cn.ts";
import keypairsZh from "../src/features/keypairs/words/zh-cn.ts";
import { axeBothSchemes, DEMO, expect, test } from "./fixtures.ts";

// A browser that asks for Chinese gets the console in Chinese from the first screen (issue 14).
test.use({ locale: "zh-CN" });

/** A catalog sentence with its placeholders filled, as the console fills them. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}

const signIn = signInZh["auth/sign-in"];
const list = keypairsZh["keypairs/list"];
const confirm = exportZh["export/confirm"];
const reason = exportZh["export/reason"];
const preview = previewZh["export/preview"];
const findings = previewZh["export/findings"];

test("in Chinese: sign in, select, export, the verified preview and the exact-bytes download", async ({
  page,
  keypairs,
}) => {
  const three = [
    await keypairs.create("zh-1", true),
    await keypairs.create("zh-2", true, { algorithm: "ECDSA_NISTP256" }),
    await keypairs.create("zh-3", true),
  ];

  const setup = page.waitForResponse((response) => response.url().endsWith("/console/setup"));
  await page.goto("/");
  await setup;
  await expect(page).toHaveTitle(startZh["app/start"].documentTitle);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: signIn.title })).toBeVisible();
  await axeBothSchemes(page, "sign-in page in Chinese");

  const account = page.getByLabel(signIn.account);
  await expect(async () => {
    await account.fill(DEMO.account);
    await expect(account).toHaveValue(DEMO.account, { timeout: 500 });
  }).toPass();
  await page.getByLabel(signIn.user).fill("alice");
  await page.getByLabel(signIn.password, { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: signIn.submit }).click();
  const heading = fill(shellZh["app/keypairs-page"].title, { project: DEMO.project });
  await expect(page.getByRole("heading", { name: heading })).toBeVisible();

  await page.getByLabel(list.searchLabel).fill(keypairs.prefix);
  for (const keypair of three) {
    await page
      .getByRole("checkbox", { name: fill(list.selectOne, { name: keypair.name }) })
      .check();
  }
  await expect(page.getByText(fill(list.selected, { count: 3, max: 10 }))).toBeVisible();
  await axeBothSchemes(page, "key-pair list in Chinese");

  await page.getByRole("button", { name: exportZh["export/actions"].exportSelected }).click();
  const dialog = page.getByRole("dialog", { name: fill(confirm.title.other, { count: 3 }) });
  await dialog.getByRole("checkbox", { name: confirm.acknowledge }).check();
  // A Chinese reason, as a support engineer here would write it: counted as characters.
  await dialog.getByRole("textbox", { name: reason.label }).fill("工单 E2E-15：中文导出");
  await axeBothSchemes(page, "export confirmation in Chinese");

  let served: Buffer | undefined;
  await page.route("**/keypairs/private-key/batch-export", async (route) => {
    const response = await route.fetch();
    served = await response.body();
    await route.fulfill({ response, body: served });
  });
  await dialog.getByRole("button", { name: confirm.export, exact: true }).click();

  const zipPreview = page.getByRole("dialog", { name: /keypairs\.zip/ });
  await expect(zipPreview.getByText(fill(findings.verifiedAll.other, { count: 3 }))).toBeVisible();
  await expect(zipPreview.getByText(preview.statusVerified, { exact: true })).toHaveCount(3);
  await axeBothSchemes(page, "preview in Chinese");
  if (process.env.KPS_SCREENSHOTS === "1") {
    await zipPreview.screenshot({ path: "docs/preview-zh-cn.png" });
  }

  const downloading = page.waitForEvent("download");
  await zipPreview
    .getByRole("button", { name: fill(preview.download, { file: "keypairs.zip" }) })
    .click();
  const saved = readFileSync(await (await downloading).path());
  const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
  expect(sha256(saved)).toBe(sha256(served as Buffer));
  const names = Object.keys((await JSZip.loadAsync(saved)).files).sort();
  expect(names).toEqual(three.map(({ name }) => `${name}.pem`).sort());
  await zipPreview.getByRole("button", { name: preview.closeButton, exact: true }).click();

  // The header switches back to English without losing the page, and the choice is kept.
  await page
    .getByRole("combobox", { name: pickerZh["components/language-picker"].label })
    .selectOption("en");
  await expect(page.getByRole("heading", { name: `Key pairs in ${DEMO.project}` })).toBeVisible();
  await expect(page.getByText("3 of 10 selected")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const stored = await page.evaluate(() => ({ ...localStorage }));
  expect(stored["kps-console.language"]).toBe("en");
});
