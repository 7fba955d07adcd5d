// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { generateTestKeys } from "../../../testing/test-keys.ts";
import { ImportKeypairModal } from "./import-keypair-modal.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const [key] = generateTestKeys().filter((candidate) => candidate.algorithm === "ED25519");
const PROJECT = "0123456789abcdef0123456789abcdef";

function renderModal(answer: () => Response) {
  const fetch = vi.fn(async () => answer());
  vi.stubGlobal("fetch", fetch);
  renderWithProviders(
    <ImportKeypairModal projectId={PROJECT} existing={new Set(["web-01"])} onClose={vi.fn()} />,
  );
  return fetch;
}

const created = () =>
  new Response(
    JSON.stringify({ keypair: { name: "web-02", fingerprint: key?.fingerprint, user_id: "u" } }),
  );

async function fill(name: string, text: string) {
  await screen.findByRole("dialog", { name: "Import a public key" });
  fireEvent.change(screen.getByLabelText("Name"), { target: { value: name } });
  fireEvent.change(screen.getByLabelText("Or paste the public key"), { target: { value: text } });
  await userEvent.setup().click(screen.getByRole("button", { name: "Import" }));
}

describe("ImportKeypairModal", () => {
  it("shows what it read and sends the tidied line with the chosen scope", async () => {
    const fetch = renderModal(created);
    await fill("web-02", `  ${key?.publicLine} me@host \n`);
    expect(screen.getByRole("table", { name: "The public key as read" }).textContent).toContain(
      key?.fingerprint,
    );
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe(`/v3/${PROJECT}/keypairs`);
    expect(JSON.parse(init.body as string)).toEqual({
      keypair: {
        name: "web-02",
        type: "ssh",
        scope: "user",
        public_key: `${key?.publicLine} me@host`,
      },
    });
  });

  it("refuses a private key and an existing name in place, and sends nothing", async () => {
    const fetch = renderModal(created);
    await fill("web-01", key?.pem as string);
    expect((await screen.findByRole("alert")).textContent).toContain("This is a private key");
    expect(screen.getByText("A key pair named web-01 already exists.")).toBeTruthy();
    const described = screen.getByLabelText("Name").getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(described.split(" ")[0] ?? "")?.textContent).toContain(
      "already exists",
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("explains the service's refusal of a name taken meanwhile, with its code", async () => {
    renderModal(
      () =>
        new Response(
          JSON.stringify({
            error_code: "KPS.0002",
            error_msg: "parameter error: the key pair already exists",
          }),
          { status: 400, headers: { "X-Request-Id": "f".repeat(32) } },
        ),
    );
    await fill("web-02", key?.publicLine as string);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The name is taken");
    expect(alert.textContent).toContain("KPS.0002");
    expect(alert.textContent).toContain("f".repeat(32));
  });
});
