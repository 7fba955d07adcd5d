import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Download } from "@playwright/test";
import JSZip from "jszip";
import { axeBothSchemes, expect, giveReason, signIn, type TestKeypair, test } from "./fixtures.ts";

const PASSPHRASE = "a protected download, 2026";

/** ssh-keygen's answer for a key file, or null when it refuses (a wrong passphrase). */
function sshKeygen(pem: string, args: string[]): string | null {
  const dir = mkdtempSync(join(tmpdir(), "kps-e2e-protected-"));
  try {
    const file = join(dir, "key.pem");
    writeFileSync(file, pem, { mode: 0o600 });
    return execFileSync("ssh-keygen", [...args, "-f", file], { encoding: "utf8", stdio: "pipe" });
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const keyPart = (line: string) => line.trim().split(" ").slice(0, 2).join(" ");

/** OpenSSH is the judge: the passphrase opens the key to the listed public key, nothing else does. */
function expectOpensAs(pem: string, keypair: TestKeypair) {
  expect(pem).toMatch(/^-{5}BEGIN OPENSSH PRIVATE KEY-{5}\n/);
  // With any other passphrase, OpenSSH refuses it.
  expect(sshKeygen(pem, ["-y", "-P", "not the passphrase"]), keypair.name).toBeNull();
  const opened = sshKeygen(pem, ["-y", "-P", PASSPHRASE]);
  expect(keyPart(opened ?? "")).toBe(keyPart(keypair.publicKey));
  const listed = sshKeygen(pem, ["-l", "-E", "md5"]);
  expect(listed).toContain(`MD5:${keypair.fingerprint.replace(/^MD5:/, "")} `);
}

test("export keys of every family, download them protected, and OpenSSH opens each with the passphrase only", async ({
  page,
  keypairs,
}) => {
  // Sixteen bcrypt rounds per key, twice (protect, then re-open), on a shared 2-core machine.
  test.setTimeout(420_000);
  const algorithms = [
    "SSH_RSA_2048",
    "SSH_RSA_4096",
    "SSH_ED25519",
    "ECDSA_NISTP256",
    "ECDSA_NISTP521",
  ];
  const hosted: TestKeypair[] = [];
  for (const [index, algorithm] of algorithms.entries()) {
    hosted.push(await keypairs.create(`k${index}`, true, { algorithm }));
  }
  const downloads: Download[] = [];
  page.on("download", (download) => downloads.push(download));

  await signIn(page);
  await page.getByLabel("Search key pairs").fill(keypairs.prefix);
  for (const keypair of hosted) {
    await page.getByRole("checkbox", { name: `Select ${keypair.name}`, exact: true }).check();
  }
  await page.getByRole("button", { name: "Export private keys" }).click();
  const confirm = page.getByRole("dialog", { name: `Export ${hosted.length} private keys` });
  await confirm.getByRole("checkbox", { name: /^I understand/ }).check();
  await giveReason(confirm);
  await confirm.getByRole("button", { name: "Export", exact: true }).click();

  const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
  await expect(preview.getByText(`${hosted.length} keys, all verified`)).toBeVisible();
  await preview.getByRole("button", { name: "Download protected…" }).click();

  const dialog = page.getByRole("dialog", { name: /keypairs-protected\.zip/ });
  const passphrase = dialog.getByLabel("Passphrase", { exact: true });
  const repeat = dialog.getByLabel("Repeat the passphrase");
  const start = dialog.getByRole("button", { name: "Download keypairs-protected.zip" });
  await expect(passphrase).toBeFocused();
  await axeBothSchemes(page, "passphrase dialog");

  // Too short, then two that differ: refused in words, nothing saved.
  await passphrase.fill("short");
  await repeat.fill("short");
  await expect(dialog.getByText(/Strength: Too short/)).toBeVisible();
  await start.click();
  await expect(dialog.getByText("Use at least 12 characters.")).toBeVisible();
  await passphrase.fill(PASSPHRASE);
  await repeat.fill(`${PASSPHRASE}!`);
  await start.click();
  await expect(dialog.getByText("The two passphrases differ.")).toBeVisible();

  // The show toggle reveals what was typed, as text in the field only.
  await expect(passphrase).toHaveAttribute("type", "password");
  await dialog.getByRole("button", { name: "Show or hide the passphrase" }).click();
  await expect(passphrase).toHaveAttribute("type", "text");
  await dialog.getByRole("button", { name: "Show or hide the passphrase" }).click();

  // Cancel mid-way: the worker ends, the form comes back, nothing is saved.
  await repeat.fill(PASSPHRASE);
  await start.click();
  // At once: five keys take seconds, and a slow check here would let them finish first.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog.getByLabel(`Progress for ${hosted[0]?.name}.pem`)).toBeHidden();
  await expect(passphrase).toBeEnabled();
  expect(downloads).toHaveLength(0);

  const downloadPromise = page.waitForEvent("download", { timeout: 240_000 });
  await start.click();
  const download = await downloadPromise;
  await expect(dialog).toBeHidden();
  expect(download.suggestedFilename()).toBe("keypairs-protected.zip");

  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  expect(Object.keys(zip.files).sort()).toEqual(hosted.map(({ name }) => `${name}.pem`).sort());
  for (const keypair of hosted) {
    const pem = (await zip.file(`${keypair.name}.pem`)?.async("string")) ?? "";
    expect(pem).not.toMatch(/BEGIN (RSA )?PRIVATE KEY/);
    expectOpensAs(pem, keypair);
  }
  // The one download was the protected zip: keypairs.zip was never saved.
  expect(downloads.map((saved) => saved.suggestedFilename())).toEqual(["keypairs-protected.zip"]);

  // One key on its own, protected the same way under its own name.
  const single = hosted[2] as TestKeypair;
  await preview.getByRole("button", { name: `Protected download of ${single.name}.pem` }).click();
  const one = page.getByRole("dialog", { name: new RegExp(`${single.name}\\.pem protected`) });
  await one.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await one.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
  const onePromise = page.waitForEvent("download", { timeout: 120_000 });
  await one.getByRole("button", { name: `Download ${single.name}.pem` }).click();
  const oneDownload = await onePromise;
  expect(oneDownload.suggestedFilename()).toBe(`${single.name}.pem`);
  expectOpensAs(readFileSync(await oneDownload.path(), "utf8"), single);
  expect(downloads.map((saved) => saved.suggestedFilename())).toEqual([
    "keypairs-protected.zip",
    `${single.name}.pem`,
  ]);

  // Nothing of the passphrase stays in the page's storage or address.
  const left = await page.evaluate(() => ({
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
    href: location.href,
  }));
  for (const place of Object.values(left)) expect(place).not.toContain(PASSPHRASE);
});
