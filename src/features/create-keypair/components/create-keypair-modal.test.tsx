// @vitest-environment jsdom

import { generateKeyPairSync } from "node:crypto";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import sshpk from "sshpk";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { CreateKeypairModal } from "./create-keypair-modal.tsx";

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

afterEach(() => {
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
    const name = await screen.findByLabelText(/^Name/);
    await user.type(name, "web 01");
    expect(screen.getByText(/Use only letters, digits/).textContent).toContain("(not space)");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    await user.click(screen.getByRole("button", { name: "Create" }));
    await user.clear(name);
    await user.type(name, "web-01{Enter}");
    expect(
      screen.getByText("A key pair named web-01 already exists in this project."),
    ).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends the choices, then holds the dialog until the key is saved or declined", async () => {
    const fetch = answerCreate();
    vi.stubGlobal("fetch", fetch);
    const onClose = renderModal();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Name/), "db-02");
    await user.selectOptions(screen.getByLabelText("Algorithm"), "ED25519");
    await user.click(screen.getByLabelText(/Account key pair/));
    await user.click(screen.getByRole("switch", { name: /^Host the private key in KPS/ }));
    await user.click(screen.getByRole("button", { name: "Create" }));

    const dialog = await screen.findByRole("dialog", { name: "Key pair db-02 created" });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/v3/${PROJECT}/keypairs`);
    expect(JSON.parse(String(init.body))).toEqual({
      keypair: { name: "db-02", type: "ssh", scope: "domain", algorithm: "SSH_ED25519" },
    });
    expect(dialog.textContent).toContain("This is the only time it can be downloaded");
    // The answer's private key is the dialog's alone: the query client kept none of it.
    await vi.waitFor(() => expect(cachedText()).not.toContain("PRIVATE KEY"));

    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByRole("button", { name: "Done" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Close create key pair" }));
    expect(screen.getByText(/lost when this dialog closes/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Keep the dialog open" }));
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Download db-02.pem" }));
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
    await user.type(await screen.findByLabelText(/^Name/), "ci-03{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Key pair ci-03 created" });
    // Hosted by default: the body asked KPS to keep the key, and the words say it can be exported.
    expect(dialog.textContent).toContain("it can be exported later");
    await user.click(screen.getByLabelText("I do not need the private key"));
    await user.click(screen.getByRole("button", { name: "Done" }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });

  it("does not offer a private key that is not the half of the answer's public key", async () => {
    vi.stubGlobal("fetch", answerCreate(ed25519().publicLine));
    const onClose = renderModal();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Name/), "odd-04{Enter}");
    expect(await screen.findByText("The private key does not fit")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Download/ })).toBeNull();
    expect(screen.getByRole("dialog", { name: "Create a key pair" })).toBeTruthy();
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
    await user.type(await screen.findByLabelText(/^Name/), "hidden-one{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("KPS refused the key pair");
    expect(alert.textContent).toContain("Nothing was created");
    expect(alert.textContent).toContain("Error code KPS.0002");
    expect(alert.textContent).toContain(`Request id ${"a".repeat(32)}`);
    expect(screen.getByRole("dialog", { name: "Create a key pair" })).toBeTruthy();
  });
});
