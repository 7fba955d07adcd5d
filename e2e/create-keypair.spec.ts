import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** OpenSSH is the judge: the public key (type and blob) a private key yields. */
function publicKeyOf(pem: string): string {
  const dir = mkdtempSync(join(tmpdir(), "kps-e2e-create-"));
  try {
    const file = join(dir, "key.pem");
    writeFileSync(file, pem, { mode: 0o600 });
    return keyPart(execFileSync("ssh-keygen", ["-y", "-f", file], { encoding: "utf8" }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const keyPart = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(" ");

function api(request: APIRequestContext, session: ApiSession) {
  const base = `/v3/${session.projectId}/keypairs`;
  const headers = { "X-Auth-Token": session.token };
  return {
    detail: (name: string) => request.get(`${base}/${name}`, { headers }),
    names: async () => {
      const response = await request.get(`${base}?limit=1000`, { headers });
      expect(response.status()).toBe(200);
      const body = await response.json();
      return (body.keypairs as { keypair: { name: string } }[]).map((item) => item.keypair.name);
    },
    create: (name: string) => request.post(base, { headers, data: { keypair: { name } } }),
    export: (name: string) =>
      request.post(`${base}/private-key/export`, {
        headers: { ...headers, ...EXPORT_REASON_HEADERS },
        data: { keypair: { name } },
      }),
    remove: (name: string) => request.delete(`${base}/${name}`, { headers }),
  };
}

/** Create requests the page sends, so a refusal in place can be shown to have sent nothing. */
function countCreates(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on("request", (sent) => {
    if (sent.method() === "POST" && /\/keypairs$/.test(new URL(sent.url()).pathname)) {
      seen.count += 1;
    }
  });
  return seen;
}

async function noKeyInStorage(page: Page) {
  const stored = await page.evaluate(
    () => JSON.stringify(localStorage) + JSON.stringify(sessionStorage),
  );
  expect(stored).not.toMatch(/BEGIN|PRIVATE KEY/);
}

test("create a hosted key pair, refuse a bad or taken name in place, then export it and OpenSSH opens it", async ({
  page,
  request,
  keypairs,
}) => {
  const alice = api(request, keypairs.session);
  // Two axe passes in two schemes and a whole export: long on a busy 2-core machine.
  test.slow();
  const taken = await keypairs.create("taken", false);
  const name = `${keypairs.prefix}-hosted`;
  const creates = countCreates(page);
  try {
    await signIn(page);
    await page.getByRole("button", { name: "Create key pair" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a key pair" });
    await expect(dialog).toBeVisible();
    await axeBothSchemes(page, "create form");

    // Refused as typed, and again on Create: nothing is sent, nothing is created.
    const nameInput = dialog.getByLabel(/^Name/);
    await nameInput.fill(`${keypairs.prefix} bad!`);
    await expect(dialog.getByText(/Use only letters, digits/)).toContainText("(not space !)");
    await expect(nameInput).toHaveAttribute("aria-invalid", "true");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await nameInput.fill(taken.name);
    await expect(dialog.getByText(`A key pair named ${taken.name} already exists`)).toBeVisible();
    await nameInput.press("Enter");
    await expect(dialog).toBeVisible();
    expect(creates.count).toBe(0);
    expect((await alice.names()).filter((n) => n.startsWith(keypairs.prefix))).toEqual([
      taken.name,
    ]);

    await nameInput.fill(name);
    await expect(nameInput).not.toHaveAttribute("aria-invalid", "true");
    await dialog.getByLabel("Algorithm").selectOption({ label: "ECDSA P-256" });
    await expect(
      dialog.getByRole("switch", { name: /^Host the private key in KPS/ }),
    ).toBeChecked();
    await dialog.getByRole("button", { name: "Create", exact: true }).click();

    const offer = page.getByRole("dialog", { name: `Key pair ${name} created` });
    await expect(offer.getByText("it can be exported later")).toBeVisible();
    await expect(page.getByText(`${name} was created.`)).toBeVisible();
    expect(creates.count).toBe(1);
    await axeBothSchemes(page, "key offered");
    // Not saved and not declined: Escape and an outside click leave it open.
    await page.keyboard.press("Escape");
    await page.mouse.click(5, 5);
    await expect(offer).toBeVisible();
    await offer.getByRole("checkbox", { name: "I do not need the private key" }).check();
    await offer.getByRole("button", { name: "Done" }).click();
    await expect(offer).toBeHidden();
    await noKeyInStorage(page);

    const detail = await alice.detail(name);
    expect(detail.status()).toBe(200);
    const listed = (await detail.json()).keypair;
    expect(listed.is_key_protection).toBe(true);
    expect(listed.algorithm).toBe("ECDSA_NISTP256");

    // The list was refreshed, and the existing export flow hands back the same key.
    await page.getByLabel("Search key pairs").fill(name);
    await page.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
    await page.getByRole("button", { name: "Export private keys" }).click();
    const confirm = page.getByRole("dialog", { name: "Export 1 private key" });
    await confirm.getByRole("checkbox", { name: /^I understand/ }).check();
    await giveReason(confirm);
    await confirm.getByRole("button", { name: "Export", exact: true }).click();
    const preview = page.getByRole("dialog", { name: /keypairs\.zip/ });
    await expect(preview.getByText("1 key, verified")).toBeVisible();
    const download = page.waitForEvent("download");
    await preview.getByRole("button", { name: "Download keypairs.zip" }).click();
    const zip = await JSZip.loadAsync(readFileSync(await (await download).path()));
    const pem = (await zip.file(`${name}.pem`)?.async("string")) as string;
    expect(publicKeyOf(pem)).toBe(keyPart(listed.public_key));
  } finally {
    await alice.remove(name);
  }
});

test("create a key pair KPS does not host: its .pem is offered once, OpenSSH opens it, and export is refused in words", async ({
  page,
  request,
  keypairs,
}) => {
  const alice = api(request, keypairs.session);
  const name = `${keypairs.prefix}-plain`;
  try {
    await signIn(page);
    await page.getByRole("button", { name: "Create key pair" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a key pair" });
    await dialog.getByLabel(/^Name/).fill(name);
    await dialog.getByLabel("Algorithm").selectOption({ label: "ED25519" });
    await dialog.getByRole("radio", { name: /^Account key pair/ }).check();
    await dialog.getByRole("switch", { name: /^Host the private key in KPS/ }).uncheck();
    await dialog.getByRole("button", { name: "Create", exact: true }).click();

    const offer = page.getByRole("dialog", { name: `Key pair ${name} created` });
    await expect(offer.getByText(/This is the only time it can be downloaded/)).toBeVisible();
    await expect(offer.getByText(/BEGIN/)).toHaveCount(0);
    // The close button asks first; keeping it open keeps the key.
    await offer.getByRole("button", { name: "Close create key pair" }).click();
    await expect(offer.getByText(/lost when this dialog closes/)).toBeVisible();
    await offer.getByRole("button", { name: "Keep the dialog open" }).click();
    await expect(offer.getByRole("button", { name: "Done" })).toBeDisabled();

    const download = page.waitForEvent("download");
    await offer.getByRole("button", { name: `Download ${name}.pem` }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`${name}.pem`);
    const pem = readFileSync(await saved.path(), "utf8");
    const listed = (await (await alice.detail(name)).json()).keypair;
    expect(listed.is_key_protection).toBe(false);
    expect(listed.scope).toBe("domain");
    expect(publicKeyOf(pem)).toBe(keyPart(listed.public_key));
    await page.keyboard.press("Escape");
    await expect(offer).toBeHidden();
    await noKeyInStorage(page);

    // Not hosted: the list says why it cannot be exported, and KPS refuses it.
    await page.getByLabel("Search key pairs").fill(name);
    const box = page.getByRole("checkbox", { name: `Select ${name}`, exact: true });
    await expect(box).toBeDisabled();
    await expect(box).toHaveAccessibleDescription(/private key is not hosted/);
    const refused = await alice.export(name);
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error_code).toBe("KPS.6005");
  } finally {
    await alice.remove(name);
  }
});

test("a read-only user sees Create disabled with the reason, and the API refuses him", async ({
  page,
  request,
  keypairs,
}) => {
  const alice = api(request, keypairs.session);
  const bob = api(request, await apiSignIn(request, "bob"));
  const name = `${keypairs.prefix}-bob`;
  await signIn(page, "bob");
  const button = page.getByRole("button", { name: "Create key pair" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/kps:SSHKeyPair:create/);
  const refused = await bob.create(name);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error_code).toBe("KPS.9003");
  expect((await alice.detail(name)).status()).not.toBe(200);
});
