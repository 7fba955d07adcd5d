import { forgeFor } from "../src/testing/forged-keys.ts";
import { zipKeys } from "../src/testing/hostile-archives.ts";
import { expect, giveReason, signIn, type TestKeypair, test } from "./fixtures.ts";

// Keys that carry each listed public key around a made-up secret: the preview must say they
// do not belong, never "Verified", and not offer the archive as verified.
test("forged private keys are shown as not belonging to the listed key", async ({
  page,
  keypairs,
}) => {
  test.setTimeout(120_000);
  const made: TestKeypair[] = [];
  for (const algorithm of ["SSH_ED25519", "ECDSA_NISTP256", "SSH_RSA_2048"]) {
    made.push(await keypairs.create(algorithm.toLowerCase(), true, { algorithm }));
  }
  const forged = await zipKeys(
    Object.fromEntries(made.map((keypair) => [keypair.name, forgeFor(keypair.publicKey)])),
  );
  await signIn(page);
  const search = page.getByLabel("Search key pairs");
  for (const keypair of made) {
    await search.fill(keypair.name);
    await page.getByRole("checkbox", { name: `Select ${keypair.name}`, exact: true }).check();
  }
  await page.route("**/keypairs/private-key/batch-export", (route) =>
    route.fulfill({ status: 200, contentType: "application/zip", body: Buffer.from(forged) }),
  );
  await page.getByRole("button", { name: "Export private keys" }).click();
  const dialog = page.getByRole("dialog", { name: "Export 3 private keys" });
  await dialog.getByRole("checkbox", { name: /^I understand/ }).check();
  await giveReason(dialog);
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
  await expect(preview.getByText("Archive has problems")).toBeVisible();
  await expect(preview.getByText("0 of 3 keys verified; 3 mismatched")).toBeVisible();
  await expect(preview.getByText("Verified", { exact: true })).toHaveCount(0);
  await expect(
    preview.getByText(/The private key does not belong to the listed public key/),
  ).toHaveCount(3);
});

// Names KPS allows but disks do not: the keys stay verified, the preview warns, and each such
// entry downloads on its own under a safe name while the zip stays the server's bytes.
test("case twins and 255-character names are warned about and saved under safe names", async ({
  page,
  keypairs,
}) => {
  test.setTimeout(120_000);
  const lower = await keypairs.create("web", true);
  const upper = await keypairs.create("WEB", true);
  const long = await keypairs.create("x".repeat(255 - keypairs.prefix.length - 1), true);
  await signIn(page);
  const search = page.getByLabel("Search key pairs");
  for (const keypair of [lower, upper, long]) {
    await search.fill(keypair.name);
    await page.getByRole("checkbox", { name: `Select ${keypair.name}`, exact: true }).check();
  }
  await page.getByRole("button", { name: "Export private keys" }).click();
  const dialog = page.getByRole("dialog", { name: "Export 3 private keys" });
  await dialog.getByRole("checkbox", { name: /^I understand/ }).check();
  await giveReason(dialog);
  await dialog.getByRole("button", { name: "Export", exact: true }).click();
  const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
  await expect(preview.getByText("3 keys, all verified")).toBeVisible();
  await expect(preview.getByText(/only in upper and lower case/)).toHaveCount(1);
  await expect(preview.getByText(/259 bytes, longer than most disks allow/)).toHaveCount(1);
  const twin = preview.getByRole("listitem", { name: `${upper.name}.pem`, exact: true });
  const download = page.waitForEvent("download");
  await twin.getByRole("button", { name: `Download ${upper.name}.pem`, exact: true }).click();
  expect((await download).suggestedFilename()).toBe(`${upper.name}-2.pem`);
  const longDownload = page.waitForEvent("download");
  await preview.getByRole("button", { name: `Download ${long.name}.pem`, exact: true }).click();
  const saved = (await longDownload).suggestedFilename();
  expect(saved.length).toBeLessThanOrEqual(255);
  expect(saved).toMatch(/-[0-9a-f]{8}\.pem$/);
});
