// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NOT_POSSESSED } from "../../../lib/ssh-key/inspect-key.ts";
import { keyProblemText } from "../../../lib/ssh-key/problems/key-problem-text.ts";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { generateTestKeys } from "../../../testing/test-keys.ts";
import { HostPrivateKeyModal } from "./host-private-key-modal.tsx";
import { hostWords, privateKeyErrorWords } from "./words/en.ts";

const t = hostWords.get();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const [listed, other] = generateTestKeys().filter((key) => key.algorithm !== "RSA");

function renderModal(answer = () => new Response(JSON.stringify({ keypair: { name: "web-01" } }))) {
  const fetch = vi.fn(async () => answer());
  vi.stubGlobal("fetch", fetch);
  renderWithProviders(
    <HostPrivateKeyModal
      projectId="0123456789abcdef0123456789abcdef"
      keypair={{ name: "web-01", public_key: listed?.publicLine }}
      onClose={vi.fn()}
    />,
  );
  return fetch;
}

async function pasteAndHost(text: string) {
  await screen.findByRole("dialog", { name: t.title({ name: "web-01" }) });
  fireEvent.change(screen.getByLabelText(t.pasteLabel), { target: { value: text } });
  await userEvent.setup().click(screen.getByRole("button", { name: t.confirm }));
}

describe("HostPrivateKeyModal", () => {
  it("refuses another key pair's private key in place and sends nothing", async () => {
    const fetch = renderModal();
    await pasteAndHost(other?.pem as string);
    expect((await screen.findByRole("alert")).textContent).toContain(keyProblemText(NOT_POSSESSED));
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends the checked private half of the listed public key", async () => {
    const fetch = renderModal();
    await pasteAndHost(`  ${listed?.pem}\n\n`);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const body = JSON.parse(init.body as string);
    expect(body.keypair.key_protection.private_key).toBe(listed?.pem);
    expect(body.keypair.name).toBe("web-01");
  });

  it("shows the server's KPS.6011 in words, with its code and request id", async () => {
    renderModal(
      () =>
        new Response(
          JSON.stringify({
            error_code: "KPS.6011",
            error_msg: "The imported private key not match public key",
          }),
          { status: 400, headers: { "X-Request-Id": "a".repeat(32) } },
        ),
    );
    await pasteAndHost(listed?.pem as string);
    const alert = await screen.findByRole("alert");
    await vi.waitFor(() =>
      expect(alert.textContent).toContain(privateKeyErrorWords.get().mismatchTitle),
    );
    expect(alert.textContent).toContain("KPS.6011");
    expect(alert.textContent).toContain("a".repeat(32));
  });
});
