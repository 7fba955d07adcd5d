// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { ClearPrivateKeyModal } from "./clear-private-key-modal.tsx";
import { clearWords } from "./words/en.ts";

const t = clearWords.get();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ClearPrivateKeyModal", () => {
  it("names the key pair, says it cannot be undone, and clears only once its name is typed", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    renderWithProviders(
      <ClearPrivateKeyModal
        projectId="0123456789abcdef0123456789abcdef"
        keypair={{ name: "web-01", is_key_protection: true }}
        onClose={vi.fn()}
      />,
    );
    const dialog = await screen.findByRole("dialog", { name: t.title({ name: "web-01" }) });
    expect(dialog.textContent).toContain(t.warningTitle);
    expect(dialog.textContent).toContain(t.warning.replace("{name}", "web-01"));
    const button = screen.getByRole("button", { name: t.confirm }) as HTMLButtonElement;
    const user = userEvent.setup();
    const input = screen.getByLabelText(t.confirmLabel);
    await user.type(input, "web-0{Enter}");
    expect(button.disabled).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
    await user.type(input, "1");
    expect(button.disabled).toBe(false);
    await user.click(button);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/v3/0123456789abcdef0123456789abcdef/keypairs/web-01/private-key");
    expect(init.method).toBe("DELETE");
  });
});
