import { DEMO, expect, fillAccountName, signIn, test } from "./fixtures.ts";

test("the address names the page, the open key pair and the search; back, forward and a new tab follow it", async ({
  page,
  context,
  keypairs,
}) => {
  const first = await keypairs.create("addr-a", true);
  const second = await keypairs.create("addr-b", false);
  await signIn(page);
  await expect(page).toHaveURL(/\/keypairs$/);

  const search = page.getByLabel("Search key pairs");
  await search.fill(keypairs.prefix);
  await expect(page).toHaveURL(new RegExp(`/keypairs\\?q=${keypairs.prefix}$`));
  await page.getByLabel("Private key").selectOption("hosted");
  await expect(page).toHaveURL(/hosted=hosted/);
  await expect(page.getByRole("button", { name: first.name, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: second.name, exact: true })).toBeHidden();

  await page.getByRole("button", { name: first.name, exact: true }).click();
  const drawer = page.getByRole("dialog", { name: `Key pair ${first.name}` });
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/keypairs/${first.name}\\?`));

  await page.goBack();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(/\/keypairs\?/);
  await page.goForward();
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(first.fingerprint);

  // A link opened in a new tab signs in first, then shows exactly what it names.
  const link = page.url();
  const tab = await context.newPage();
  await signIn(tab, "alice", link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(tab.getByRole("dialog", { name: `Key pair ${first.name}` })).toBeVisible();
  await expect(tab.getByLabel("Search key pairs")).toHaveValue(keypairs.prefix);
  await expect(tab.getByLabel("Private key")).toHaveValue("hosted");
  await tab.close();

  // An address for a key pair that is gone, or for no page at all, says so after sign-in.
  await signIn(page, "alice", "/keypairs/no-such-pair-anywhere");
  await expect(
    page.getByRole("dialog", { name: "Key pair no-such-pair-anywhere" }).getByRole("alert"),
  ).toContainText("Could not load the key pair");
  await page.goto("/no-such-page");
  await fillAccountName(page, "demo");
  await page.getByLabel("User name").fill("alice");
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the key pairs" }).click();
  await expect(page.getByRole("heading", { name: "Key pairs in cn-north-4" })).toBeVisible();
});
