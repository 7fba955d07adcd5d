// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { ClearPrivateKeyModal } from "./clear-private-key-modal.tsx";

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
    const dialog = await screen.findByRole("dialog", { name: "Clear the private key of web-01" });
    expect(dialog.textContent).toContain("This cannot be undone");
    expect(dialog.textContent).toContain("only be hosted again by importing");
    const button = screen.getByRole("button", { name: "Clear private key" }) as HTMLButtonElement;
    const user = userEvent.setup();
    const input = screen.getByLabelText("Type the key pair's name to confirm");
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
