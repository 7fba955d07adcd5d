// @vitest-environment jsdom

import { generateKeyPairSync } from "node:crypto";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import sshpk from "sshpk";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { switchLanguage } from "../../../lib/i18n/i18n.ts";
import { errorWords } from "../../../lib/words/en.ts";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { CreateKeypairModal } from "./create-keypair-modal.tsx";
import { createErrorWords, formWords, nameWords, offerWords } from "./words/en.ts";

const form = formWords.get();
const names = nameWords.get();
const offer = offerWords.get();
const errors = createErrorWords.get();

const PROJECT = "0123456789abcdef0123456789abcdef";
/** A real ED25519 pair made for the run, as KPS answers it: OpenSSH private key, public line. */
function ed25519() {
  const { privateKey } = generateKeyPairSync("ed25519", {
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const key = sshpk.parsePrivateKey(privateKey, "pem");
  return { pem: key.toString("openssh"), publicLine: key.toPublic().toString("ssh") };
}
const KEY = ed25519();
const PRIVATE_KEY = KEY.pem;

let client: QueryClient | null = null;
function CaptureClient() {
  client = useQueryClient();
  return null;
}

function answerCreate(publicLine = KEY.publicLine) {
  return vi.fn(async (_url: string, init: RequestInit) => {
    const { keypair } = JSON.parse(String(init.body));
    return Response.json({
      keypair: {
        name: keypair.name,
        type: "ssh",
        public_key: publicLine,
        private_key: PRIVATE_KEY,
        fingerprint: "00:11",
        user_id: "u1",
      },
    });
  });
}

function renderModal(onClose = vi.fn()) {
  renderWithProviders(
    <>
      <CaptureClient />
      <CreateKeypairModal projectId={PROJECT} takenNames={new Set(["web-01"])} onClose={onClose} />
    </>,
  );
  return onClose;
}

/** Everything the query client holds, as text: a private key must never be in it. */
function cachedText(): string {
  if (!client) throw new Error("no client");
  return JSON.stringify([
    client
      .getMutationCache()
      .getAll()
      .map((mutation) => mutation.state),
    client
      .getQueryCache()
      .getAll()
      .map((query) => query.state.data),
  ]);
}

/** jsdom's Blob has no text(). */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

beforeEach(() => {
  // jsdom cannot navigate to a download; the file's bytes are read from the Blob instead.
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
  vi.stubGlobal(
    "URL",
    Object.assign(URL, { createObjectURL: vi.fn(() => "blob:x"), revokeObjectURL: vi.fn() }),
  );
});

afterEach(async () => {
  await switchLanguage("en");
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  client = null;
});

describe("CreateKeypairModal", () => {
  it("refuses a bad or taken name as it is typed and sends nothing", async () => {
    const fetch = answerCreate();
    vi.stubGlobal("fetch", fetch);
    renderModal();
    const user = userEvent.setup();
    const name = await screen.findByRole("textbox", { name: form.name });
    await user.type(name, "web 01");
    expect(screen.getByText(names.characters({ characters: names.space }))).toBeTruthy();
    expect(name.getAttribute("aria-invalid")).toBe("true");
    await user.click(screen.getByRole("button", { name: form.create }));
    await user.clear(name);
    await user.type(name, "web-01{Enter}");
    expect(screen.getByText(names.taken({ name: "web-01" }))).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends the choices, then holds the dialog until the key is saved or declined", async () => {
    const fetch = answerCreate();
    vi.stubGlobal("fetch", fetch);
    const onClose = renderModal();
    const user = userEvent.setup();
    await user.type(await screen.findByRole("textbox", { name: form.name }), "db-02");
    await user.selectOptions(screen.getByLabelText(form.algorithm), "ED25519");
    await user.click(screen.getByRole("radio", { name: form.scopeDomain }));
    await user.click(screen.getByRole("switch", { name: (name) => name.startsWith(form.host) }));
    await user.click(screen.getByRole("button", { name: form.create }));

    const dialog = await screen.findByRole("dialog", {
      name: offer.createdTitle({ name: "db-02" }),
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/v3/${PROJECT}/keypairs`);
    expect(JSON.parse(String(init.body))).toEqual({
      keypair: { name: "db-02", type: "ssh", scope: "domain", algorithm: "SSH_ED25519" },
    });
    expect(dialog.textContent).toContain(offer.plainText);
    // The answer's private key is the dialog's alone: the query client kept none of it.
    await vi.waitFor(() => expect(cachedText()).not.toContain("PRIVATE KEY"));

    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByRole("button", { name: offer.done }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await user.click(screen.getByRole("button", { name: form.close }));
    expect(screen.getByText(offer.askPlain)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: offer.keepOpen }));
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: offer.download({ file: "db-02.pem" }) }));
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]?.[0] as Blob;
    expect(await readBlob(blob)).toBe(PRIVATE_KEY);
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("closes without asking once the user ticks that the key is not needed", async () => {
    vi.stubGlobal("fetch", answerCreate());
    const onClose = renderModal();
    const user = userEvent.setup();
    await user.type(await screen.findByRole("textbox", { name: form.name }), "ci-03{Enter}");
    const dialog = await screen.findByRole("dialog", {
      name: offer.createdTitle({ name: "ci-03" }),
    });
    // Hosted by default: the body asked KPS to keep the key, and the words say it can be exported.
    expect(dialog.textContent).toContain(offer.hostedText);
    await user.click(screen.getByRole("checkbox", { name: offer.notNeeded }));
    await user.click(screen.getByRole("button", { name: offer.done }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });

  it("does not offer a private key that is not the half of the answer's public key", async () => {
    vi.stubGlobal("fetch", answerCreate(ed25519().publicLine));
    const onClose = renderModal();
    const user = userEvent.setup();
    await user.type(await screen.findByRole("textbox", { name: form.name }), "odd-04{Enter}");
    expect(await screen.findByText(errors.mismatchTitle)).toBeTruthy();
    expect(
      screen.queryByRole("button", { name: offer.download({ file: "odd-04.pem" }) }),
    ).toBeNull();
    expect(screen.getByRole("dialog", { name: form.title })).toBeTruthy();
    expect(cachedText()).not.toContain("PRIVATE KEY");
    expect(onClose).not.toHaveBeenCalled();
  });

  it("shows a refusal in words with its code and request id, and keeps the form", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json(
          { error_code: "KPS.0002", error_msg: "parameter error: the key pair already exists" },
          { status: 400, headers: { "X-Request-Id": "a".repeat(32) } },
        ),
      ),
    );
    renderModal();
    const user = userEvent.setup();
    await user.type(await screen.findByRole("textbox", { name: form.name }), "hidden-one{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(errors.refusedTitle);
    expect(alert.textContent).toContain(errors.refusedText);
    expect(alert.textContent).toContain(errorWords.get().errorCode({ code: "KPS.0002" }));
    expect(alert.textContent).toContain(errorWords.get().requestId({ id: "a".repeat(32) }));
    // The service's own words, as it sent them.
    expect(alert.textContent).toContain("parameter error: the key pair already exists");
    expect(screen.getByRole("dialog", { name: form.title })).toBeTruthy();
  });

  it("speaks Chinese once it is chosen: labels, the name rule and the refusal", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json(
          { error_code: "KPS.9003", error_msg: "Policy doesn't allow kps:SSHKeyPair:create" },
          { status: 403 },
        ),
      ),
    );
    await switchLanguage("zh-CN");
    const zh = { form: formWords.get(), names: nameWords.get(), errors: createErrorWords.get() };
    expect(zh.form.title).not.toBe(form.title);
    renderModal();
    const user = userEvent.setup();
    const name = await screen.findByRole("textbox", { name: zh.form.name });
    await user.type(name, "a b");
    expect(screen.getByText(zh.names.characters({ characters: zh.names.space }))).toBeTruthy();
    await user.clear(name);
    await user.type(name, "zh-05{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(zh.errors.forbiddenTitle);
    expect(alert.textContent).toContain(zh.errors.forbiddenAction);
    // The service's words are shown as it sent them, beside ours.
    expect(alert.textContent).toContain("Policy doesn't allow kps:SSHKeyPair:create");
    expect(screen.getByRole("dialog", { name: zh.form.title })).toBeTruthy();
  });
});
