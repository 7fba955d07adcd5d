import type { Page, TestInfo } from "@playwright/test";
import { expect, signIn, test } from "./fixtures.ts";

/** Screenshots for the record (the closing note shows them); written under test-results. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

const WIDTHS = [360, 390, 768, 1024, 1440, 1920] as const;

for (const width of WIDTHS) {
  test(`at ${width} px every name is readable, the header fits and the drawer opens and closes`, async ({
    page,
    keypairs,
  }, testInfo) => {
    await page.setViewportSize({ width, height: width < 768 ? 800 : 900 });
    const long = await keypairs.create(`${"long-name-".repeat(22)}end`, true);
    const short = await keypairs.create("w", true);
    await signIn(page);
    await page.getByLabel("Search key pairs").fill(keypairs.prefix);

    for (const keypair of [short, long]) {
      const name = page.getByRole("button", { name: keypair.name, exact: true });
      await expect(name).toBeVisible();
      const box = await name.boundingBox();
      // Wide enough for a name like "ci-ecdsa-p384-01" at the narrowest.
      expect(box?.width ?? 0, `${keypair.name.slice(0, 20)} width`).toBeGreaterThan(
        keypair === short ? 10 : 120,
      );
      // On a phone the list starts low (filters, actions, the page links): a row may need a
      // scroll, but once there it is whole.
      await name.evaluate((element) => element.scrollIntoView({ block: "center" }));
      await expect(name).toBeInViewport({ ratio: 1 });
    }
    await shoot(page, testInfo, `list-${width}.png`);
    if (width >= 1024) {
      // The table scrolls inside the page; the page itself has no second scrollbar.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollHeight - window.innerHeight,
      );
      expect(overflow, "the page is taller than the window").toBeLessThanOrEqual(0);
    }
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(width);
    for (const control of [
      page.getByRole("button", { name: "Sign out" }),
      page.getByRole("combobox", { name: "Project" }),
      page.getByRole("combobox", { name: "Language" }),
    ]) {
      await expect(control).toBeInViewport({ ratio: 1 });
    }

    await page.getByRole("button", { name: long.name, exact: true }).click();
    const drawer = page.getByRole("dialog", { name: `Key pair ${long.name}` });
    await expect(drawer).toBeVisible();
    const close = drawer.getByRole("button", { name: "Close key pair details" });
    await expect(close).toBeInViewport({ ratio: 1 });
    await shoot(page, testInfo, `drawer-${width}.png`);
    await close.click();
    await expect(drawer).toBeHidden();

    // The lifecycle's dialogs fit too: nothing scrolls sideways, and each can be closed.
    if (width > 390) return;
    for (const [opener, title, closeName] of [
      ["Create key pair", "Create a key pair", "Close create key pair"],
      ["Import public key", "Import a public key", "Close import public key"],
      ["Import several", "Import several public keys", "Close import several public keys"],
    ] as const) {
      await page.getByRole("button", { name: opener, exact: true }).click();
      const dialog = page.getByRole("dialog", { name: title });
      await expect(dialog).toBeVisible();
      const sideways = await dialog.evaluate(
        (element) => element.scrollWidth - element.clientWidth,
      );
      expect(sideways, `${title} scrolls sideways`).toBeLessThanOrEqual(0);
      await shoot(page, testInfo, `${opener.toLowerCase().replaceAll(" ", "-")}-${width}.png`);
      const closeButton = dialog.getByRole("button", { name: closeName });
      await expect(closeButton).toBeInViewport({ ratio: 1 });
      await closeButton.click();
      await expect(dialog).toBeHidden();
    }
  });
}
