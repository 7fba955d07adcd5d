import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, signIn, test } from "./fixtures.ts";

/** `ssh-keygen -l` for a public-key line, in the hash asked for: what a user would paste. */
function sshKeygenFingerprint(line: string, hash: "md5" | "sha256"): string {
  const dir = mkdtempSync(join(tmpdir(), "e2e-fp-"));
  try {
    writeFileSync(join(dir, "key.pub"), `${line}\n`);
    const out = execFileSync("ssh-keygen", ["-l", "-E", hash, "-f", join(dir, "key.pub")], {
      encoding: "utf8",
    });
    return out.split(" ")[1] as string;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a key pair is found by either fingerprint ssh-keygen prints, colons or not, and the drawer shows both", async ({
  page,
  keypairs,
}) => {
  const wanted = await keypairs.create("fp-wanted", true);
  const other = await keypairs.create("fp-other", true);
  await signIn(page);
  const search = page.getByLabel("Search key pairs");
  const row = (name: string) => page.getByRole("button", { name, exact: true });

  const sha256 = sshKeygenFingerprint(wanted.publicKey, "sha256");
  const md5 = sshKeygenFingerprint(wanted.publicKey, "md5");
  for (const needle of [
    sha256,
    sha256.replace(/^SHA256:/, ""),
    md5,
    md5.replace(/^MD5:/, "").replaceAll(":", ""),
  ]) {
    await search.fill(needle);
    await expect(row(wanted.name)).toBeVisible();
    await expect(row(other.name)).toBeHidden();
  }

  await search.fill(`${keypairs.prefix}-nothing-like-it`);
  await expect(page.getByText("No key pairs match")).toBeVisible();
  await page.getByRole("button", { name: "Clear search and filters" }).click();
  await expect(search).toHaveValue("");
  await expect(page.getByRole("columnheader", { name: /Name/ })).toBeVisible();
  await search.fill(sha256);

  await row(wanted.name).click();
  const drawer = page.getByRole("dialog", { name: `Key pair ${wanted.name}` });
  await expect(drawer).toContainText(sha256);
  await expect(drawer).toContainText(wanted.fingerprint);
});
