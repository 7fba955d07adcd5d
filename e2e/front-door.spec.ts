import type { Page } from "@playwright/test";
import { axeBothSchemes, DEMO, expect, test } from "./fixtures.ts";

async function trySignIn(page: Page, user: string, project: string) {
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("combobox", { name: "Project" }).fill(project);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("sign-in says what IAM said about the project, remembers the names, and warns before a reload", async ({
  page,
}) => {
  await page.goto("/");
  // Demo mode: the page names the accounts the terminal printed and fills in the account.
  const demo = page.getByRole("note").filter({ hasText: "Demo accounts" });
  await expect(demo).toContainText(`password ${DEMO.password}`);
  await expect(demo).toContainText("alice, bob, sam");
  await expect(page.getByLabel("Account name")).toHaveValue(DEMO.account);
  await axeBothSchemes(page, "sign-in page");

  // bob has no grant in ap-southeast-1: IAM says so, and the password is not blamed.
  await trySignIn(page, "bob", "ap-southeast-1");
  const refusal = page.getByRole("alert").filter({ hasText: "Could not sign in" });
  await expect(refusal).toContainText("The user has no access to the requested project.");
  await expect(refusal).toContainText("Check the project name");
  await expect(refusal).not.toContainText("password");
  await trySignIn(page, "bob", "xx-nowhere-9");
  await expect(refusal).toContainText("Check the project name");
  await expect(refusal).not.toContainText("password");

  await trySignIn(page, "bob", DEMO.project);
  await expect(page.getByRole("heading", { name: `Key pairs in ${DEMO.project}` })).toBeVisible();
  // Focus starts in the search box, and "/" brings it back from anywhere else.
  const search = page.getByLabel("Search key pairs");
  await expect(search).toBeFocused();
  await page.getByRole("heading", { name: `Key pairs in ${DEMO.project}` }).click();
  await expect(search).not.toBeFocused();
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("");

  // A reload would sign out: the browser asks first, and staying keeps the session.
  const asked = new Promise<string>((resolve) =>
    page.once("dialog", async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss();
    }),
  );
  await page.evaluate(() => {
    setTimeout(() => window.location.reload(), 0);
  });
  expect(await asked).toBe("beforeunload");
  await expect(page.getByRole("heading", { name: `Key pairs in ${DEMO.project}` })).toBeVisible();

  // Leaving anyway: the names come back, the password does not, and it has the focus.
  page.once("dialog", (dialog) => dialog.accept());
  await page.reload();
  await expect(page.getByLabel("Account name")).toHaveValue(DEMO.account);
  await expect(page.getByLabel("User name")).toHaveValue("bob");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(DEMO.password);
  expect(stored).not.toContain("kps1.");
});

test("a minute before idle sign-out the console warns, and Stay signed in keeps the session", async ({
  page,
}) => {
  await page.clock.install();
  await page.goto("/");
  await trySignIn(page, "alice", DEMO.project);
  await expect(page.getByRole("heading", { name: `Key pairs in ${DEMO.project}` })).toBeVisible();
  await page.clock.fastForward("14:05");
  const stay = page.getByRole("button", { name: "Stay signed in" });
  await expect(page.getByText("You will be signed out in a minute")).toBeVisible();
  await stay.click();
  await expect(stay).toBeHidden();
  await page.clock.fastForward("13:00");
  await expect(page.getByRole("heading", { name: `Key pairs in ${DEMO.project}` })).toBeVisible();
  await expect(stay).toBeHidden();
});
