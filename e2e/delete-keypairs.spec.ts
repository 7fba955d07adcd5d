import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import {
  type ApiSession,
  apiSignIn,
  axeBothSchemes,
  expect,
  seriousViolations,
  signIn,
  test,
} from "./fixtures.ts";

const keypairUrl = (session: ApiSession, name: string) =>
  `/v3/${session.projectId}/keypairs/${name}`;

async function detail(request: APIRequestContext, session: ApiSession, name: string) {
  return request.get(keypairUrl(session, name), { headers: { "X-Auth-Token": session.token } });
}

/** Gone as the embedded server says it (400 KPS.4016), or as the real one may (404). */
async function expectGone(request: APIRequestContext, session: ApiSession, name: string) {
  const response = await detail(request, session, name);
  if (response.status() === 404) return;
  expect(response.status()).toBe(400);
  expect((await response.json()).error_code).toBe("KPS.4016");
}

/** axe in the dialog as it is, in light and then in dark, back to light after. */
async function openDrawer(page: Page, search: string, name: string): Promise<Locator> {
  await page.getByLabel("Search key pairs").fill(search);
  await page.getByRole("button", { name, exact: true }).click();
  const drawer = page.getByRole("dialog", { name: `Key pair ${name}` });
  await expect(drawer.getByText("Fingerprint (MD5)")).toBeVisible();
  return drawer;
}

test("delete one key pair from its drawer: typing DELETE, and it is gone after a reload", async ({
  page,
  keypairs,
  request,
}) => {
  const doomed = await keypairs.create("doomed", false);
  const kept = await keypairs.create("kept", false);
  await signIn(page);
  const drawer = await openDrawer(page, keypairs.prefix, doomed.name);
  await drawer.getByRole("button", { name: "Delete", exact: true }).click();

  const dialog = page.getByRole("dialog", { name: "Delete 1 key pair" });
  await expect(dialog.getByRole("list", { name: "Key pairs to delete" })).toHaveText(doomed.name);
  await expect(dialog.getByText("This cannot be undone")).toBeVisible();
  await axeBothSchemes(page, "delete confirmation");
  const confirm = dialog.getByRole("button", { name: "Delete 1 key pair" });
  const word = dialog.getByLabel("Type DELETE to confirm");
  await word.fill("delete");
  await expect(confirm).toBeDisabled();
  // Enter with the wrong word sends nothing: the key pair is still there.
  await word.press("Enter");
  await expect(dialog.getByLabel("Type DELETE to confirm")).toBeVisible();
  expect((await detail(request, keypairs.session, doomed.name)).status()).toBe(200);
  await word.fill("DELETE");
  await confirm.click();
  await expect(dialog.getByRole("listitem", { name: `${doomed.name}: Deleted` })).toBeVisible();
  await axeBothSchemes(page, "delete results");
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(dialog).toBeHidden();
  // Its key pair is gone, so the drawer closes with the dialog.
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("button", { name: doomed.name, exact: true })).toHaveCount(0);

  await expectGone(request, keypairs.session, doomed.name);
  expect((await detail(request, keypairs.session, kept.name)).status()).toBe(200);

  await page.reload();
  await signIn(page);
  await page.getByLabel("Search key pairs").fill(keypairs.prefix);
  await expect(page.getByRole("button", { name: kept.name, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: doomed.name, exact: true })).toHaveCount(0);
});

test("delete several selected: each result shown, one deleted meanwhile is refused in words, the rest go", async ({
  page,
  keypairs,
  request,
}) => {
  const chosen = [
    await keypairs.create("a", true),
    await keypairs.create("b", true),
    await keypairs.create("c", true),
  ];
  await signIn(page);
  await page.getByLabel("Search key pairs").fill(keypairs.prefix);
  for (const keypair of chosen) {
    await page.getByRole("checkbox", { name: `Select ${keypair.name}`, exact: true }).check();
  }
  await expect(page.getByText("3 of 10 selected")).toBeVisible();

  // Someone else deletes one while it is selected here.
  const meanwhile = chosen[1]?.name as string;
  const gone = await request.delete(keypairUrl(keypairs.session, meanwhile), {
    headers: { "X-Auth-Token": keypairs.session.token },
  });
  expect(gone.status()).toBe(204);

  await page.getByRole("button", { name: "Delete selected" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete 3 key pairs" });
  for (const keypair of chosen) await expect(dialog.getByText(keypair.name)).toBeVisible();
  await dialog.getByLabel("Type DELETE to confirm").fill("DELETE");
  await dialog.getByRole("button", { name: "Delete 3 key pairs" }).click();

  for (const keypair of [chosen[0], chosen[2]]) {
    await expect(dialog.getByRole("listitem", { name: `${keypair?.name}: Deleted` })).toBeVisible();
  }
  const refused = dialog.getByRole("listitem", { name: `${meanwhile}: Not deleted` });
  await expect(refused).toBeVisible();
  await expect(refused.getByRole("alert")).toContainText("no longer exists");
  await expect(refused.getByRole("alert")).toContainText("KPS.4016");
  await axeBothSchemes(page, "delete results with a refusal");
  await dialog.getByRole("button", { name: "Close", exact: true }).click();

  await expect(page.getByText("0 of 10 selected")).toBeVisible();
  for (const keypair of chosen) {
    await expect(page.getByRole("button", { name: keypair.name, exact: true })).toHaveCount(0);
    await expectGone(request, keypairs.session, keypair.name);
  }
});

test("edit the description: counted as typed, the 256th character refused, saved and shown after a reload", async ({
  page,
  keypairs,
  request,
}) => {
  const keypair = await keypairs.create("described", false);
  await signIn(page);
  let drawer = await openDrawer(page, keypairs.prefix, keypair.name);
  await expect(drawer.getByText("No description")).toBeVisible();
  await drawer.getByRole("button", { name: "Edit description" }).click();
  const field = drawer.getByLabel("New description");
  await field.pressSequentially("web tier 01");
  await expect(drawer.getByText("11 / 255")).toBeVisible();
  expect(await seriousViolations(page), "description editor").toEqual([]);
  await drawer.getByRole("button", { name: "Save description" }).click();
  await expect(drawer.getByRole("button", { name: "Edit description" })).toBeVisible();
  await expect(drawer.getByText("web tier 01")).toBeVisible();

  // One character too many is refused in place and nothing is sent.
  await drawer.getByRole("button", { name: "Edit description" }).click();
  await field.fill("x".repeat(255));
  await expect(drawer.getByText("255 / 255")).toBeVisible();
  await field.press("End");
  await field.pressSequentially("y");
  await expect(drawer.getByText("256 / 255")).toBeVisible();
  await expect(field).toHaveAccessibleDescription(/255 characters at most: remove 1\./);
  await expect(drawer.getByRole("button", { name: "Save description" })).toBeDisabled();
  await axeBothSchemes(page, "description editor over the limit");
  await drawer.getByRole("button", { name: "Cancel" }).click();
  expect(
    (await (await detail(request, keypairs.session, keypair.name)).json()).keypair,
  ).toMatchObject({ description: "web tier 01" });

  await page.reload();
  await signIn(page);
  drawer = await openDrawer(page, keypairs.prefix, keypair.name);
  await expect(drawer.getByText("web tier 01")).toBeVisible();
});

test("download the public key: <name>.pub, the listed line byte for byte, read by ssh-keygen", async ({
  page,
  keypairs,
  request,
}) => {
  const keypair = await keypairs.create("pub", false, { algorithm: "SSH_ED25519" });
  const listed = (await (await detail(request, keypairs.session, keypair.name)).json()).keypair;
  await signIn(page);
  const drawer = await openDrawer(page, keypairs.prefix, keypair.name);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    drawer.getByRole("button", { name: "Download public key" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${keypair.name}.pub`);
  const dir = mkdtempSync(join(tmpdir(), "kps-e2e-pub-"));
  try {
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file, "utf8")).toBe(listed.public_key);
    const printed = execFileSync("ssh-keygen", ["-l", "-E", "md5", "-f", file], {
      encoding: "utf8",
    });
    expect(printed).toContain(`MD5:${listed.fingerprint}`);
    expect(printed).toContain("(ED25519)");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a read-only user sees delete and edit disabled with the reason, and the API refuses him anyway", async ({
  page,
  keypairs,
  request,
}) => {
  // An account key pair, so bob sees it; a private one would be alice's alone.
  const keypair = await keypairs.create("readonly", true, { scope: "domain" });
  await signIn(page, "bob");
  const drawer = await openDrawer(page, keypairs.prefix, keypair.name);
  const remove = drawer.getByRole("button", { name: "Delete", exact: true });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAccessibleDescription(/do not allow kps:SSHKeyPair:delete/);
  const edit = drawer.getByRole("button", { name: "Edit description" });
  await expect(edit).toBeDisabled();
  await expect(edit).toHaveAccessibleDescription(/do not allow kps:SSHKeyPair:update/);
  await expect(drawer.getByRole("button", { name: "Download public key" })).toBeEnabled();
  await page.keyboard.press("Escape");

  // Nothing he may do with a selection: the rows cannot be ticked, and say why.
  const box = page.getByRole("checkbox", { name: `Select ${keypair.name}`, exact: true });
  await expect(box).toBeDisabled();
  await expect(box).toHaveAccessibleDescription(/allow neither exporting nor deleting/);
  const removeSelected = page.getByRole("button", { name: "Delete selected" });
  await expect(removeSelected).toBeDisabled();
  await expect(removeSelected).toHaveAccessibleDescription(/do not allow kps:SSHKeyPair:delete/);

  const bob = await apiSignIn(request, "bob");
  const headers = { "X-Auth-Token": bob.token };
  const refusedDelete = await request.delete(keypairUrl(bob, keypair.name), { headers });
  expect(refusedDelete.status()).toBe(403);
  expect((await refusedDelete.json()).error_code).toBe("KPS.9003");
  const refusedUpdate = await request.put(keypairUrl(bob, keypair.name), {
    headers,
    data: { keypair: { description: "bob was here" } },
  });
  expect(refusedUpdate.status()).toBe(403);
  expect((await refusedUpdate.json()).error_code).toBe("KPS.9003");
  const after = (await (await detail(request, keypairs.session, keypair.name)).json()).keypair;
  expect(after.description ?? "").toBe("");
});
