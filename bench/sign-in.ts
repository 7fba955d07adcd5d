import type { Page } from "@playwright/test";

/** Signs in as the demo's alice through the form, as a user would. */
export async function signInThroughUi(page: Page, base: string): Promise<void> {
  // The demo fills in the account name when its setup answers; typing over that as it lands
  // appended ("demodemo") and the sign-in failed, so the setup answer comes first.
  const setup = page.waitForResponse((response) => response.url().endsWith("/console/setup"));
  await page.goto(base);
  await setup;
  const account = page.getByLabel("Account name");
  await account.waitFor();
  if ((await account.inputValue()) !== "demo") await account.fill("demo");
  await page.getByLabel("User name").fill("alice");
  await page.getByLabel("Password", { exact: true }).fill("KpsDemo#2026");
  await page.getByRole("button", { name: "Sign in" }).click();
}
