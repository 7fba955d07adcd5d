// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { testSession } from "../../../testing/test-session.ts";
import { exportActionWords } from "../words/en.ts";
import { ExportOneAction } from "./export-one-action.tsx";

const t = exportActionWords.get();

afterEach(cleanup);

const session = (role: string) => testSession([role]);

function renderAction(
  role: string,
  keypair: { is_key_protection: boolean; frozen_state?: number },
) {
  renderWithProviders(
    <ExportOneAction
      session={session(role)}
      keypair={{ name: "web-01", ...keypair }}
      onListStale={vi.fn()}
    />,
  );
  return screen.queryByRole("button", { name: t.exportOne }) as HTMLButtonElement | null;
}

describe("ExportOneAction", () => {
  it("is offered only for a hosted key", () => {
    expect(renderAction("DEW KeypairFullAccess", { is_key_protection: false })).toBeNull();
    cleanup();
    expect(renderAction("DEW KeypairFullAccess", { is_key_protection: true })?.disabled).toBe(
      false,
    );
  });

  it.each([
    ["a frozen key pair", "DEW KeypairFullAccess", 4, t.frozen],
    ["a read-only user", "DEW KeypairReadOnlyAccess", 0, /kps:SSHKeyPair:exportPrivateKey/],
  ])("is disabled with its reason for %s", (_what, role, frozen, reason) => {
    const button = renderAction(role, { is_key_protection: true, frozen_state: frozen });
    expect(button?.disabled).toBe(true);
    const describedBy = button?.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toMatch(reason);
  });
});
