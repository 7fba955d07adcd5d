// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clearSession, setSession } from "../../../lib/session.ts";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { TEST_PROJECT_ID, testSession } from "../../../testing/test-session.ts";
import { detailWords } from "../words/en.ts";
import { DescriptionField } from "./description-field.tsx";

const t = detailWords.get();

afterEach(() => {
  cleanup();
  clearSession("user");
  vi.unstubAllGlobals();
});

const PROJECT = TEST_PROJECT_ID;

function signInAs(role: string) {
  setSession(testSession([role]));
}

function stubFetch() {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(null, { status: 200 });
    }),
  );
  return calls;
}

describe("DescriptionField", () => {
  it("is disabled with its reason for a user without kps:SSHKeyPair:update", () => {
    signInAs("DEW KeypairReadOnlyAccess");
    renderWithProviders(<DescriptionField projectId={PROJECT} name="web" description="old" />);
    const button = screen.getByRole("button", { name: t.editDescription }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const reason = document.getElementById(button.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toContain("kps:SSHKeyPair:update");
  });

  it("counts as the user types and refuses the 256th character without sending", async () => {
    signInAs("DEW KeypairFullAccess");
    const calls = stubFetch();
    renderWithProviders(<DescriptionField projectId={PROJECT} name="web" description="" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: t.editDescription }));
    const field = screen.getByLabelText(t.newDescription);
    await user.type(field, "rotated 2026");
    expect(screen.getByText(t.descriptionLength({ length: 12, max: 255 }))).toBeTruthy();
    fireEvent.change(field, { target: { value: "x".repeat(256) } });
    expect(screen.getByText(t.descriptionLength({ length: 256, max: 255 }))).toBeTruthy();
    expect(screen.getByText(t.descriptionTooLong({ max: 255, over: 1 }))).toBeTruthy();
    const save = screen.getByRole("button", { name: t.saveDescription }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.click(save);
    expect(calls).toEqual([]);
  });

  it("saves with PUT {keypair:{description}}", async () => {
    signInAs("DEW KeypairFullAccess");
    const calls = stubFetch();
    renderWithProviders(<DescriptionField projectId={PROJECT} name="web" description="old" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: t.editDescription }));
    const field = screen.getByLabelText(t.newDescription);
    await user.clear(field);
    await user.type(field, "x".repeat(255));
    await user.click(screen.getByRole("button", { name: t.saveDescription }));
    await screen.findByRole("button", { name: t.editDescription });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`/v3/${PROJECT}/keypairs/web`);
    expect(calls[0]?.init.method).toBe("PUT");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      keypair: { description: "x".repeat(255) },
    });
  });
});
