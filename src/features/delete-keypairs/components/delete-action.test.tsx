// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { TEST_PROJECT_ID, testSession } from "../../../testing/test-session.ts";
import { DeleteAction } from "./delete-action.tsx";
import { deleteDialogWords, deleteErrorWords } from "./words/en.ts";

const t = deleteDialogWords.get();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const session = (role: string) => testSession([role]);

describe("DeleteAction", () => {
  it("is disabled for a read-only user, with the reason it points at", () => {
    renderWithProviders(
      <DeleteAction session={session("DEW KeypairReadOnlyAccess")} names={["a"]} label="Delete" />,
    );
    const button = screen.getByRole("button", { name: "Delete" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const reason = document.getElementById(button.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toContain("kps:SSHKeyPair:delete");
  });

  it("asks for DELETE, sends one delete per name in turn and shows each result", async () => {
    const sent: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init: RequestInit) => {
        sent.push(`${init.method} ${url}`);
        if (url.endsWith("/gone")) {
          return new Response(
            JSON.stringify({ error_code: "KPS.4016", error_msg: "The key pair is not exist" }),
            { status: 400, headers: { "X-Request-Id": "r".repeat(32) } },
          );
        }
        return new Response(null, { status: 204 });
      }),
    );
    const onDeleted = vi.fn();
    renderWithProviders(
      <DeleteAction
        session={session("DEW KeypairFullAccess")}
        names={["web-01", "gone"]}
        label="Delete selected"
        onDeleted={onDeleted}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Delete selected" }));
    const dialog = await screen.findByRole("dialog", { name: t.title(2) });
    expect(dialog.textContent).toContain("web-01");
    const confirm = within(dialog).getByRole("button", { name: t.confirm(2) });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    const field = () => within(dialog).getByLabelText(t.confirmLabel({ word: "DELETE" }));
    await user.type(field(), "delete");
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await user.clear(field());
    // Enter in the field confirms, once the word is right.
    await user.type(field(), "DELETE{Enter}");
    const deleted = t.outcome({ name: "web-01", state: t.deletedOne });
    expect(await within(dialog).findByRole("listitem", { name: deleted })).toBeTruthy();
    const failed = await within(dialog).findByRole("listitem", {
      name: t.outcome({ name: "gone", state: t.failed }),
    });
    expect(failed.textContent).toContain("KPS.4016");
    expect(failed.textContent).toContain(deleteErrorWords.get().goneText({ name: "gone" }));
    expect(sent).toEqual([
      `DELETE /v3/${TEST_PROJECT_ID}/keypairs/web-01`,
      `DELETE /v3/${TEST_PROJECT_ID}/keypairs/gone`,
    ]);
    await user.click(within(dialog).getByRole("button", { name: t.closeResults }));
    expect(onDeleted).toHaveBeenCalledWith(["web-01"]);
  });
});
