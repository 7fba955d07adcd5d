// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { switchLanguage } from "../../../lib/i18n/i18n.ts";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { generateTestKeys } from "../../../testing/test-keys.ts";
import { ImportKeypairModal } from "./import-keypair-modal.tsx";
import { importErrorWords, keyWords, nameWords, refusalWords, singleWords } from "./words/en.ts";

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await switchLanguage("en");
});

const t = () => singleWords.get();

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
  await screen.findByRole("dialog", { name: t().title });
  fireEvent.change(screen.getByLabelText(t().name), { target: { value: name } });
  fireEvent.change(screen.getByLabelText(t().paste), { target: { value: text } });
  await userEvent.setup().click(screen.getByRole("button", { name: t().import }));
}

describe("ImportKeypairModal", () => {
  it("shows what it read and sends the tidied line with the chosen scope", async () => {
    const fetch = renderModal(created);
    await fill("web-02", `  ${key?.publicLine} me@host \n`);
    expect(screen.getByRole("table", { name: keyWords.get().factsLabel }).textContent).toContain(
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
    expect((await screen.findByRole("alert")).textContent).toContain(
      refusalWords.get().textPrivateKey,
    );
    const taken = nameWords.get().taken({ name: "web-01" });
    expect(screen.getByText(taken)).toBeTruthy();
    const described = screen.getByLabelText(t().name).getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(described.split(" ")[0] ?? "")?.textContent).toBe(taken);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("says the refusal, the labels and the parameters in Chinese once it is chosen", async () => {
    await switchLanguage("zh-CN");
    const fetch = renderModal(created);
    const zh = singleWords.get();
    expect(zh.title).not.toBe("Import a public key");
    await fill("web 01", "ssh-ed25519 AAAA\nssh-ed25519 AAAA");
    expect((await screen.findByRole("alert")).textContent).toContain(
      refusalWords.get().textLines({ lines: 2 }),
    );
    expect(screen.getByText(nameWords.get().characters)).toBeTruthy();
    // Every word on screen came from the Chinese catalog: no English sentence is left.
    const dialog = screen.getByRole("dialog", { name: zh.title });
    expect(dialog.textContent).not.toMatch(/[A-Za-z]+ [a-z]+ [a-z]+/);
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
    expect(alert.textContent).toContain(importErrorWords.get().takenTitle);
    expect(alert.textContent).toContain("KPS.0002");
    expect(alert.textContent).toContain("f".repeat(32));
  });
});
