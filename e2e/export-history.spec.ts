import { readFile } from "node:fs/promises";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { parseCsv } from "../src/testing/parse-csv.ts";
import {
  apiSignIn,
  axeBothSchemes,
  DEMO,
  expect,
  fillAccountName,
  type KeypairFixture,
  signIn,
  test,
} from "./fixtures.ts";

/** One export through the API, as the console sends it: the reason percent-encoded in its header. */
async function exportWithReason(
  request: APIRequestContext,
  keypairs: KeypairFixture,
  name: string,
  reason: string,
) {
  const response = await request.post(
    `/v3/${keypairs.session.projectId}/keypairs/private-key/export`,
    {
      headers: {
        "X-Auth-Token": keypairs.session.token,
        "X-Export-Reason": encodeURIComponent(reason),
      },
      data: { keypair: { name } },
    },
  );
  return { status: response.status(), body: await response.json() };
}

function historyRows(page: Page): Locator {
  return page.getByRole("table", { name: "Export attempts" }).locator("tbody tr[data-trace-id]");
}

/** The cells of a row (time, user, key pairs, outcome, reason, …), as the DOM holds them. */
async function rowCells(row: Locator): Promise<string[]> {
  // Text, not innerText: the outcome badge is upper-cased by CSS alone.
  return (await row.locator("td").allTextContents()).map((text) =>
    text.replace(/\s+/g, " ").trim(),
  );
}

async function openHistory(page: Page) {
  await page
    .getByRole("navigation", { name: "Console pages" })
    .getByRole("link", {
      name: "Export history",
    })
    .click();
  await expect(
    page.getByRole("heading", { name: `Export history of ${DEMO.project}` }),
  ).toBeVisible();
}

test("alice's exports, succeeded and refused, are in the history with their reasons; filters narrow it and the CSV holds what the page shows", async ({
  page,
  request,
  keypairs,
}) => {
  const hosted = await keypairs.create("hosted", true);
  const plain = await keypairs.create("plain", false);
  const reason = `Ticket SUP-${keypairs.prefix}: rotate, "web" keys`;
  const ok = await exportWithReason(request, keypairs, hosted.name, reason);
  expect(ok.status).toBe(200);
  // A reason under 8 characters is refused (KPS.7002) and recorded as sent.
  const short = await exportWithReason(request, keypairs, hosted.name, "short");
  expect(short.body.error_code).toBe("KPS.7002");
  // A key pair whose private key is not hosted cannot be exported; the attempt is recorded.
  const injected = `=HYPERLINK("http://example.test") ${keypairs.prefix}`;
  const notHosted = await exportWithReason(request, keypairs, plain.name, injected);
  expect(notHosted.status).toBeGreaterThanOrEqual(400);
  const notHostedCode = notHosted.body.error_code as string;

  await signIn(page);
  await openHistory(page);
  await expect(page.getByTestId("history-count")).toHaveText(/^\d[\d,]* exports?( loaded)?$/);

  // The key-pair filter: the address holds it, and the list is that key's attempts, newest first.
  await page.getByLabel("Key pair").fill(hosted.name);
  await expect(page).toHaveURL(new RegExp(`keypair=${hosted.name}`));
  await expect(historyRows(page)).toHaveCount(2);
  await expect(page.getByTestId("history-count")).toHaveText("2 exports");
  const [newest, older] = await Promise.all([
    rowCells(historyRows(page).nth(0)),
    rowCells(historyRows(page).nth(1)),
  ]);
  expect(newest.slice(1, 5)).toEqual(["alice", hosted.name, "Refused KPS.7002", "short"]);
  expect(older.slice(1, 5)).toEqual(["alice", hosted.name, "Succeeded", reason]);
  expect(older[7]).toBe("Single");
  await axeBothSchemes(page, "the export history");

  // The CSV of what the filters show: the same rows, in the same order.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^export-history-${DEMO.project}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );
  const csv = parseCsv(await readFile((await file.path()) as string, "utf8"));
  expect(csv[0]).toEqual([
    "Time",
    "User",
    "Key pairs",
    "Outcome",
    "Error code",
    "Reason",
    "Source address",
    "Request ID",
    "Export",
    "Trace ID",
  ]);
  expect(csv.slice(1).map((row) => row.slice(1, 6))).toEqual([
    ["alice", hosted.name, "Refused", "KPS.7002", "short"],
    ["alice", hosted.name, "Succeeded", "", reason],
  ]);
  expect(csv.slice(1).map((row) => row[7])).toEqual([newest[6], older[6]]);

  // The refused export of a key that is not hosted, with its code; the CSV neutralises its
  // reason, which would be a formula in a spreadsheet.
  await page.getByLabel("Key pair").fill(plain.name);
  await expect(historyRows(page)).toHaveCount(1);
  const refused = await rowCells(historyRows(page).first());
  expect(refused.slice(1, 5)).toEqual(["alice", plain.name, `Refused ${notHostedCode}`, injected]);
  const second = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const rows = parseCsv(await readFile((await (await second).path()) as string, "utf8"));
  expect(rows[1]?.[5]).toBe(`'${injected}`);

  // The outcome filter narrows further: this key pair has no successful export.
  await page.getByLabel("Outcome").selectOption("succeeded");
  await expect(page).toHaveURL(/outcome=succeeded/);
  await expect(page.getByText("No export matches these filters.")).toBeVisible();
  await page.getByLabel("Key pair").fill("not a name");
  await expect(page.getByText("A key-pair name has 1 to 255 letters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByLabel("Key pair")).toHaveValue("");

  // The same page in Chinese, read by axe too.
  await page.getByLabel("Key pair").fill(hosted.name);
  await expect(historyRows(page)).toHaveCount(2);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: `${DEMO.project} 的导出历史` })).toBeVisible();
  const chineseRows = page.getByRole("table", { name: "导出尝试" }).locator("tbody tr");
  await expect(chineseRows.nth(1)).toContainText("成功");
  // Away from the button just clicked, whose hover shade is not what axe should judge.
  await page.mouse.move(0, 0);
  await axeBothSchemes(page, "the export history in Chinese");
});

test("bob, who may not read CTS traces, has no history link, and its address says he may not", async ({
  page,
  request,
}) => {
  const bob = await apiSignIn(request, "bob");
  const refused = await request.get(
    `/v3/${bob.projectId}/traces?trace_type=system&limit=10&from=1&to=${Date.now()}`,
    { headers: { "X-Auth-Token": bob.token } },
  );
  expect(refused.status()).toBe(403);

  await signIn(page, "bob");
  await expect(page.getByRole("link", { name: "Export history" })).toHaveCount(0);

  // The address itself, opened before signing in as a link in a new tab would be.
  await page.getByRole("button", { name: "Sign out" }).click();
  const setup = page.waitForResponse((response) => response.url().endsWith("/console/setup"));
  await page.goto("/history");
  await setup;
  await fillAccountName(page, DEMO.account);
  await page.getByLabel("User name").fill("bob");
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("You may not read the export history")).toBeVisible();
  await expect(page.getByRole("table", { name: "Export attempts" })).toHaveCount(0);
  await axeBothSchemes(page, "the history refused");
});

test("at 360 px the history fits the phone's width, its table scrolling inside", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page);
  await openHistory(page);
  await expect(page.getByTestId("history-count")).toHaveText(/^\d[\d,]* exports?( loaded)?$/);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(360);
  // The header's own fit at 360 px is layout-widths.spec.ts's to hold; this is the page's.
  for (const control of [
    page.getByLabel("Key pair"),
    page.getByRole("button", { name: "Download CSV" }),
  ]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
});
