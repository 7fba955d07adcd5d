import { expect, signIn, type TestKeypair, test } from "./fixtures.ts";

test("the header ticks the rows on screen, Shift-click ticks a range, and a click on a row ticks it", async ({
  page,
  keypairs,
}) => {
  const made: TestKeypair[] = [];
  for (let index = 0; index < 14; index += 1) {
    made.push(await keypairs.create(`sel-${String(index).padStart(2, "0")}`, true));
  }
  // A short window: about six rows of the fourteen are on screen.
  await page.setViewportSize({ width: 1280, height: 700 });
  await signIn(page);
  await page.getByLabel("Search key pairs").fill(keypairs.prefix);
  const box = (keypair: TestKeypair) =>
    page.getByRole("checkbox", { name: `Select ${keypair.name}`, exact: true });
  await expect(box(made[0] as TestKeypair)).toBeVisible();

  // Scrolled to the end, the header takes what is on screen there, not the first rows.
  await page.getByRole("table").evaluate((table) => {
    const scroller = table.parentElement as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(box(made[13] as TestKeypair)).toBeInViewport();
  await page.getByRole("checkbox", { name: /^Choose exportable key pairs in view/ }).check();
  const onScreen: string[] = [];
  for (const keypair of made) {
    const checkbox = box(keypair);
    if ((await checkbox.count()) && (await checkbox.isChecked())) onScreen.push(keypair.name);
  }
  expect(onScreen).toContain(made[13]?.name);
  expect(onScreen).not.toContain(made[0]?.name);
  expect(onScreen.length).toBeGreaterThan(3);
  expect(onScreen.length).toBeLessThan(10);
  await page.getByRole("button", { name: "Clear selection" }).click();

  await page.getByRole("table").evaluate((table) => {
    (table.parentElement as HTMLElement).scrollTop = 0;
  });
  await box(made[0] as TestKeypair).click();
  await box(made[3] as TestKeypair).click({ modifiers: ["Shift"] });
  await expect(page.getByText("4 of 10 selected")).toBeVisible();
  for (const keypair of made.slice(0, 4)) await expect(box(keypair)).toBeChecked();
  await expect(box(made[4] as TestKeypair)).not.toBeChecked();

  // The row's scope cell is no control: clicking it ticks the row, and again unticks it.
  const row = page.getByRole("row").filter({ has: box(made[5] as TestKeypair) });
  await row.getByText("Private key pair").click();
  await expect(box(made[5] as TestKeypair)).toBeChecked();
  await row.getByText("Private key pair").click();
  await expect(box(made[5] as TestKeypair)).not.toBeChecked();
  // The name opens the drawer instead.
  await page.getByRole("button", { name: made[5]?.name, exact: true }).click();
  await expect(page.getByRole("dialog", { name: `Key pair ${made[5]?.name}` })).toBeVisible();
  await expect(box(made[5] as TestKeypair)).not.toBeChecked();
});
