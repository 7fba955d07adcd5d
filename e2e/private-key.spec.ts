import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import JSZip from "jszip";
import {
  type ApiSession,
  apiSignIn,
  axeBothSchemes,
  EXPORT_REASON_HEADERS,
  expect,
  giveReason,
  signIn,
  test,
} from "./fixtures.ts";

/** A key pair made by OpenSSH, never committed: private file path, its text and public line. */
type SshKey = { file: string; text: string; publicLine: string };

function sshKeygen(dir: string, name: string, passphrase = ""): SshKey {
  const file = join(dir, name);
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", file]);
  return {
    file,
    text: readFileSync(file, "utf8"),
    publicLine: readFileSync(`${file}.pub`, "utf8").trim(),
  };
}

/** OpenSSH is the judge: the public key a private key yields. */
function publicKeyOf(dir: string, pem: string): string {
  const file = join(dir, `check-${randomBytes(4).toString("hex")}`);
  execFileSync("sh", ["-c", 'umask 077 && cat > "$0"', file], { input: pem });
  return keyPart(execFileSync("ssh-keygen", ["-y", "-f", file], { encoding: "utf8" }));
}

const keyPart = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(" ");
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function api(request: APIRequestContext, session: ApiSession) {
  const base = `/v3/${session.projectId}/keypairs`;
  const headers = { "X-Auth-Token": session.token };
  return {
    importPublic: (name: string, publicKey: string, scope = "user") =>
      request.post(base, { headers, data: { keypair: { name, public_key: publicKey, scope } } }),
    host: (name: string, privateKey: string) =>
      request.post(`${base}/private-key/import`, {
        headers,
        data: {
          keypair: {
            name,
            key_protection: { private_key: privateKey, encryption: { type: "default" } },
          },
        },
      }),
    clear: (name: string) => request.delete(`${base}/${name}/private-key`, { headers }),
    export: (name: string) =>
      request.post(`${base}/private-key/export`, {
        headers: { ...headers, ...EXPORT_REASON_HEADERS },
        data: { keypair: { name } },
      }),
    hosted: async (name: string) => {
      const response = await request.get(`${base}/${name}`, { headers });
      expect(response.status()).toBe(200);
      return (await response.json()).keypair.is_key_protection as boolean;
    },
    remove: (name: string) => request.delete(`${base}/${name}`, { headers }),
  };
}

async function openDrawer(page: Page, name: string) {
  await page.getByLabel("Search key pairs").fill(name);
  await page.getByRole("button", { name, exact: true }).click();
  return page.getByRole("dialog", { name: `Key pair ${name}` });
}

async function chooseFile(page: Page, label: string, file: string) {
  const chooser = page.waitForEvent("filechooser");
  await page
    .getByRole("dialog", { name: /^Host the private key/ })
    .getByLabel(label)
    .click();
  await (await chooser).setFiles(file);
}

test("host an OpenSSH key through the drawer, refuse a mismatch and an encrypted key in place, export it, clear it", async ({
  page,
  request,
}) => {
  const dir = mkdtempSync(join(tmpdir(), "kps-e2e-pk-"));
  const alice = api(request, await apiSignIn(request));
  const name = `e2e-pk-${randomBytes(4).toString("hex")}`;
  try {
    const key = sshKeygen(dir, "right");
    const other = sshKeygen(dir, "other");
    const encrypted = sshKeygen(dir, "encrypted", "pass");
    expect((await alice.importPublic(name, key.publicLine)).status()).toBe(200);
    const imports: string[] = [];
    page.on("request", (sent) => {
      if (sent.url().includes("/private-key/import")) imports.push(sent.method());
    });

    await signIn(page);
    const drawer = await openDrawer(page, name);
    await expect(drawer.getByText("Not hosted")).toBeVisible();
    await expect(
      drawer.getByRole("button", { name: "Clear private key", exact: true }),
    ).toHaveCount(0);
    await expect(drawer.getByRole("button", { name: "Export private key" })).toHaveCount(0);
    await drawer.getByRole("button", { name: "Host private key", exact: true }).click();
    const host = page.getByRole("dialog", { name: `Host the private key of ${name}` });
    await expect(host).toBeVisible();
    await axeBothSchemes(page, "host dialog");

    // Another key pair's private key: refused in the browser with the reason, nothing sent.
    await chooseFile(page, "Private key file", other.file);
    await expect(host.getByLabel("Or paste the private key")).toHaveValue(other.text);
    await host.getByRole("button", { name: "Host private key", exact: true }).click();
    await expect(host.getByRole("alert")).toContainText("does not belong to the listed public key");
    await expect(host.getByRole("alert")).toContainText("Nothing was sent.");

    // A key behind a passphrase cannot be checked, so it is refused too.
    await host.getByLabel("Or paste the private key").fill(encrypted.text);
    await host.getByRole("button", { name: "Host private key", exact: true }).click();
    await expect(host.getByRole("alert")).toContainText("protected by a passphrase");
    expect(imports).toEqual([]);
    expect(await alice.hosted(name)).toBe(false);

    // The right one is hosted, and KPS then exports exactly it.
    await chooseFile(page, "Private key file", key.file);
    await host.getByRole("button", { name: "Host private key", exact: true }).click();
    await expect(host).toBeHidden();
    await expect(page.getByText(`KPS now hosts the private key of ${name}.`)).toBeVisible();
    await expect(drawer.getByText("Hosted by KPS")).toBeVisible();
    expect(imports).toEqual(["POST"]);
    const exported = await alice.export(name);
    expect(exported.status()).toBe(200);
    const pem = (await exported.json()).keypair.private_key as string;
    expect(pem).toBe(key.text);
    expect(publicKeyOf(dir, pem)).toBe(keyPart(key.publicLine));

    // Export one from the drawer: the batch's confirmation, checked preview and exact bytes.
    await drawer.getByRole("button", { name: "Export private key" }).click();
    const confirm = page.getByRole("dialog", { name: "Export 1 private key" });
    await expect(confirm.getByText(name, { exact: true })).toBeVisible();
    await confirm.getByRole("checkbox", { name: /^I understand/ }).check();
    await giveReason(confirm);
    let served: Buffer | undefined;
    await page.route("**/keypairs/private-key/batch-export", async (route) => {
      expect(route.request().postDataJSON()).toEqual([{ keypair: { name } }]);
      const response = await route.fetch();
      served = await response.body();
      await route.fulfill({ response, body: served });
    });
    await confirm.getByRole("button", { name: "Export", exact: true }).click();
    const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
    await expect(preview.getByText("1 key, verified")).toBeVisible();
    await expect(preview.getByText(/BEGIN/)).toHaveCount(0);
    const download = page.waitForEvent("download");
    await preview.getByRole("button", { name: "Download keypairs.zip" }).click();
    const saved = readFileSync(await (await download).path());
    expect(sha256(saved)).toBe(sha256(served as Buffer));
    const zip = await JSZip.loadAsync(saved);
    expect(Object.keys(zip.files)).toEqual([`${name}.pem`]);
    const entry = (await zip.file(`${name}.pem`)?.async("string")) as string;
    expect(publicKeyOf(dir, entry)).toBe(keyPart(key.publicLine));
    await preview.getByRole("button", { name: "Close", exact: true }).click();
    await expect(preview).toBeHidden();

    // Clear: named, irreversible, and only once the name is typed.
    await drawer.getByRole("button", { name: "Clear private key", exact: true }).click();
    const clear = page.getByRole("dialog", { name: `Clear the private key of ${name}` });
    await expect(clear.getByText("This cannot be undone")).toBeVisible();
    await expect(clear).toContainText("only be hosted again by importing");
    const clearNow = clear.getByRole("button", { name: "Clear private key", exact: true });
    await expect(clearNow).toBeDisabled();
    await axeBothSchemes(page, "clear dialog");
    await clear.getByLabel("Type the key pair's name to confirm").fill(name.slice(0, -1));
    await expect(clearNow).toBeDisabled();
    await clear.getByLabel("Type the key pair's name to confirm").fill(name);
    await clearNow.click();
    await expect(clear).toBeHidden();
    await expect(drawer.getByText("Not hosted")).toBeVisible();
    await expect(
      drawer.getByRole("button", { name: "Host private key", exact: true }),
    ).toBeVisible();
    const refused = await alice.export(name);
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error_code).toBe("KPS.6005");
  } finally {
    await alice.remove(name);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a read-only user sees host, clear and export disabled with the reason, and the API refuses him", async ({
  page,
  request,
  keypairs,
}) => {
  const dir = mkdtempSync(join(tmpdir(), "kps-e2e-pk-"));
  const alice = api(request, keypairs.session);
  const bob = api(request, await apiSignIn(request, "bob"));
  try {
    const hosted = await keypairs.create("bob-hosted", true, { scope: "domain" });
    const plain = await keypairs.create("bob-plain", false, { scope: "domain" });
    const key = sshKeygen(dir, "bob");

    await signIn(page, "bob");
    let drawer = await openDrawer(page, hosted.name);
    for (const [label, action] of [
      ["Clear private key", "clearPrivateKey"],
      ["Export private key", "exportPrivateKey"],
    ]) {
      const button = drawer.getByRole("button", { name: label as string });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(new RegExp(`kps:SSHKeyPair:${action}`));
    }
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    drawer = await openDrawer(page, plain.name);
    const hostButton = drawer.getByRole("button", { name: "Host private key", exact: true });
    await expect(hostButton).toBeDisabled();
    await expect(hostButton).toHaveAccessibleDescription(/kps:SSHKeyPair:importPrivateKey/);

    for (const response of [
      await bob.host(plain.name, key.text),
      await bob.clear(hosted.name),
      await bob.export(hosted.name),
    ]) {
      expect(response.status()).toBe(403);
      expect((await response.json()).error_code).toBe("KPS.9003");
    }
    expect(await alice.hosted(hosted.name)).toBe(true);
    expect(await alice.hosted(plain.name)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
