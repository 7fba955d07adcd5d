import { expect, signIn, test } from "./fixtures.ts";

/** What a browser does when the user leaves the tab and comes back. */
async function leaveAndReturn(page: import("@playwright/test").Page) {
  await page.evaluate(() => {
    for (const state of ["hidden", "visible"]) {
      Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
    }
  });
}

test("a key pair made elsewhere appears on Refresh, and when the user comes back to the tab", async ({
  page,
  keypairs,
}) => {
  await page.clock.install();
  const first = await keypairs.create("made-before", true);
  await signIn(page);
  await page.getByLabel("Search key pairs").fill(keypairs.prefix);
  await expect(page.getByRole("button", { name: first.name, exact: true })).toBeVisible();

  const second = await keypairs.create("made-elsewhere", true);
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByRole("button", { name: second.name, exact: true })).toBeVisible();

  const third = await keypairs.create("made-while-away", false);
  // Coming back within the list's 30 s of freshness costs no request; after it, the list reloads.
  const listRequests: string[] = [];
  page.on("request", (request) => {
    if (/\/keypairs\?/.test(request.url())) listRequests.push(request.url());
  });
  await leaveAndReturn(page);
  await page.clock.fastForward("00:02");
  expect(listRequests).toEqual([]);
  await page.clock.fastForward("00:31");
  await leaveAndReturn(page);
  await expect(page.getByRole("button", { name: third.name, exact: true })).toBeVisible();
});
