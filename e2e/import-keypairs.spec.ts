import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { type ApiSession, apiSignIn, axeBothSchemes, expect, signIn, test } from "./fixtures.ts";

/** A key made by OpenSSH in the test, never committed, with the MD5 ssh-keygen -l prints for it. */
type SshKey = { file: string; publicFile: string; privateText: string; md5: string };

function sshKeygen(dir: string, fileName: string): SshKey {
  const file = join(dir, fileName);
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "e2e@test", "-f", file]);
  const printed = execFileSync("ssh-keygen", ["-l", "-E", "md5", "-f", `${file}.pub`], {
    encoding: "utf8",
  });
  // "256 MD5:aa:bb:… comment (ED25519)"; KPS lists the pairs without the "MD5:" prefix.
  const md5 = (printed.split(" ")[1] ?? "").replace(/^MD5:/, "");
  expect(md5).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
  return { file, publicFile: `${file}.pub`, privateText: readFileSync(file, "utf8"), md5 };
}

function api(request: APIRequestContext, session: ApiSession) {
  const base = `/v3/${session.projectId}/keypairs`;
  const headers = { "X-Auth-Token": session.token };
  return {
    importPublic: (name: string, publicKey: string) =>
      request.post(base, { headers, data: { keypair: { name, public_key: publicKey } } }),
    batchImport: (items: { name: string; public_key: string }[]) =>
      request.post(`${base}/batch-import`, {
        headers,
        data: items.map((keypair) => ({ keypair: { ...keypair, type: "ssh", scope: "user" } })),
      }),
    detail: (name: string) => request.get(`${base}/${name}`, { headers }),
    names: async (prefix: string) => {
      const response = await request.get(`${base}?limit=1000`, { headers });
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { keypairs: { keypair: { name: string } }[] };
      return body.keypairs.map((item) => item.keypair.name).filter((n) => n.startsWith(prefix));
    },
    remove: (name: string) => request.delete(`${base}/${name}`, { headers }),
  };
}

/** Every import the page sends, so a refusal can be shown to have sent nothing. */
function recordImports(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === "POST" && /\/keypairs(\/batch-import)?$/.test(path)) sent.push(path);
  });
  return sent;
}

async function chooseFiles(page: Page, trigger: () => Promise<void>, files: string[]) {
  const chooser = page.waitForEvent("filechooser");
  await trigger();
  await (await chooser).setFiles(files);
}

test.describe("import public keys", () => {
  const prefix = `e2e-imp-${randomBytes(4).toString("hex")}`;
  let dir = "";

  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "kps-e2e-import-"));
  });

  test.afterEach(async ({ request }) => {
    const alice = api(request, await apiSignIn(request));
    for (const name of await alice.names(prefix)) await alice.remove(name);
    rmSync(dir, { recursive: true, force: true });
  });

  test("import one key made by ssh-keygen: the drawer lists the MD5 ssh-keygen prints; a malformed key and a private key are refused in place and nothing is sent", async ({
    page,
    request,
  }) => {
    const alice = api(request, await apiSignIn(request));
    const key = sshKeygen(dir, "id_ed25519");
    const name = `${prefix}-one`;
    const sent = recordImports(page);

    await signIn(page);
    await page.getByRole("button", { name: "Import public key" }).click();
    const dialog = page.getByRole("dialog", { name: "Import a public key" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Name").fill("web 01.pub");

    const paste = dialog.getByLabel("Or paste the public key");
    await paste.fill("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI!!not-base64 me@host");
    const refusal = dialog.getByRole("alert");
    await expect(refusal).toContainText("This key cannot be imported");
    await expect(refusal).toContainText("not an OpenSSH public key line");
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await expect(refusal).toContainText("Nothing was sent.");

    await paste.fill(key.privateText);
    await expect(refusal).toContainText("This is a private key");
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await expect(dialog.getByText("A name may hold only letters, digits, _ and -")).toBeVisible();
    await axeBothSchemes(page, "import dialog with a refusal");
    await dialog.getByLabel("Name").fill(name);
    expect(sent).toEqual([]);
    expect((await alice.detail(name)).status()).not.toBe(200);

    // The .pub file: the browser shows what it read, the fingerprint ssh-keygen prints.
    await chooseFiles(page, () => dialog.getByLabel("Public key file").click(), [key.publicFile]);
    const facts = dialog.getByRole("table", { name: "The public key as read" });
    await expect(facts).toContainText(key.md5);
    await expect(facts).toContainText("ED25519");
    await expect(dialog.getByLabel("Name")).toHaveValue(name);
    await axeBothSchemes(page, "import dialog with a key");
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${name} · MD5 ${key.md5}`)).toBeVisible();
    expect(sent).toHaveLength(1);

    await page.getByLabel("Search key pairs").fill(name);
    await page.getByRole("button", { name, exact: true }).click();
    const drawer = page.getByRole("dialog", { name: `Key pair ${name}` });
    await expect(drawer.getByText(key.md5, { exact: true })).toBeVisible();
    const detail = await alice.detail(name);
    expect((await detail.json()).keypair.fingerprint).toBe(key.md5);
  });

  test("a batch: an 11th file is refused with its reason, a name taken meanwhile fails alone, and a retry sends only that row", async ({
    page,
    request,
  }) => {
    // Six axe passes over a dialog of ten rows, on two cores.
    test.slow();
    const alice = api(request, await apiSignIn(request));
    const sent = recordImports(page);
    const bodies: unknown[] = [];
    page.on("request", (sentRequest) => {
      if (sentRequest.url().endsWith("/batch-import")) bodies.push(sentRequest.postDataJSON());
    });
    const eleven = Array.from({ length: 11 }, (_, index) =>
      sshKeygen(dir, `${prefix}-k${String(index + 1).padStart(2, "0")}`),
    );

    await signIn(page);
    await page.getByRole("button", { name: "Import several" }).click();
    const dialog = page.getByRole("dialog", { name: "Import several public keys" });
    const choose = () => dialog.getByRole("button", { name: "Choose public key files" }).click();
    await chooseFiles(
      page,
      choose,
      eleven.map((key) => key.publicFile),
    );
    await expect(dialog.getByRole("group", { name: /^File / })).toHaveCount(10);
    await expect(dialog.getByRole("alert")).toContainText(
      `A batch imports at most 10 files; ${prefix}-k11.pub was not added.`,
    );
    await axeBothSchemes(page, "batch dialog with ten rows");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect(sent).toEqual([]);
    expect(await alice.names(prefix)).toEqual([]);

    // Three files; one name is taken through the API after the page loaded its list, so only
    // KPS can know, and says so for that row alone.
    await page.getByRole("button", { name: "Import several" }).click();
    const [first, second, third] = eleven as [SshKey, SshKey, SshKey];
    await chooseFiles(page, choose, [first.publicFile, second.publicFile, third.publicFile]);
    const taken = `${prefix}-k02`;
    const other = sshKeygen(dir, "other");
    expect((await alice.importPublic(taken, readFileSync(other.publicFile, "utf8"))).status()).toBe(
      200,
    );
    await expect(dialog.getByRole("group", { name: /^File / })).toHaveCount(3);
    await expect(dialog.getByRole("group", { name: `File ${prefix}-k01.pub` })).toContainText(
      first.md5,
    );
    await dialog.getByRole("button", { name: "Import 3" }).click();

    const row = (file: string) => dialog.getByRole("group", { name: `File ${file}` });
    await expect(row(`${prefix}-k01.pub`)).toContainText("Imported");
    await expect(row(`${prefix}-k03.pub`)).toContainText("Imported");
    await expect(row(`${prefix}-k02.pub`)).toContainText("Not imported");
    await expect(row(`${prefix}-k02.pub`)).toContainText("already exists");
    // The refreshed list now names the taken one too, so the row asks for another name.
    await expect(dialog.getByRole("status")).toHaveText("2 of 3 imported · 0 ready to import");
    await axeBothSchemes(page, "batch dialog after a partial failure");

    await row(`${prefix}-k02.pub`).getByLabel(`Name for ${prefix}-k02.pub`).fill(`${prefix}-k02b`);
    await expect(dialog.getByRole("status")).toHaveText("2 of 3 imported · 1 ready to import");
    await dialog.getByRole("button", { name: "Retry 1" }).click();
    await expect(row(`${prefix}-k02.pub`)).toContainText("Imported");
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual([
      {
        keypair: {
          name: `${prefix}-k02b`,
          type: "ssh",
          public_key: readFileSync(second.publicFile, "utf8").trim(),
          scope: "user",
        },
      },
    ]);
    const fingerprints = new Map<string, string>();
    for (const name of [`${prefix}-k01`, `${prefix}-k02b`, `${prefix}-k03`]) {
      fingerprints.set(name, (await (await alice.detail(name)).json()).keypair.fingerprint);
    }
    expect(Object.fromEntries(fingerprints)).toEqual({
      [`${prefix}-k01`]: first.md5,
      [`${prefix}-k02b`]: second.md5,
      [`${prefix}-k03`]: third.md5,
    });
    expect((await (await alice.detail(taken)).json()).keypair.fingerprint).toBe(other.md5);
  });

  test("files dropped on the batch dialog become rows: a public key ready with its MD5, a private key refused, and nothing sent", async ({
    page,
  }) => {
    const key = sshKeygen(dir, `${prefix}-dropped`);
    const sent = recordImports(page);
    await signIn(page);
    await page.getByRole("button", { name: "Import several" }).click();
    const dialog = page.getByRole("dialog", { name: "Import several public keys" });
    const files = [
      { name: `${prefix}-dropped.pub`, text: readFileSync(key.publicFile, "utf8") },
      { name: "id_ed25519.pub", text: key.privateText },
    ];
    const dataTransfer = await page.evaluateHandle((items) => {
      const transfer = new DataTransfer();
      for (const item of items) transfer.items.add(new File([item.text], item.name));
      return transfer;
    }, files);
    await dialog.getByText("Drop .pub files here, or").dispatchEvent("drop", { dataTransfer });
    const good = dialog.getByRole("group", { name: `File ${prefix}-dropped.pub` });
    await expect(good).toContainText("Ready");
    await expect(good).toContainText(key.md5);
    const bad = dialog.getByRole("group", { name: "File id_ed25519.pub" });
    await expect(bad).toContainText("Refused");
    await expect(bad).toContainText("This is a private key");
    await expect(dialog.getByRole("button", { name: "Import 1" })).toBeEnabled();
    expect(sent).toEqual([]);
  });

  test("a read-only user sees both import buttons disabled with the reason, and the API refuses him", async ({
    page,
    request,
  }) => {
    const alice = api(request, await apiSignIn(request));
    const bob = api(request, await apiSignIn(request, "bob"));
    const key = sshKeygen(dir, "bob");
    const line = readFileSync(key.publicFile, "utf8");

    await signIn(page, "bob");
    for (const label of ["Import public key", "Import several"]) {
      const button = page.getByRole("button", { name: label });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(/kps:SSHKeyPair:create/);
    }
    for (const response of [
      await bob.importPublic(`${prefix}-bob`, line),
      await bob.batchImport([{ name: `${prefix}-bob`, public_key: line }]),
    ]) {
      expect(response.status()).toBe(403);
      expect((await response.json()).error_code).toBe("KPS.9003");
    }
    expect(await alice.names(prefix)).toEqual([]);
  });
});
