// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reloadPage } from "../lib/reload-page.ts";
import { clearSession, getSession, setSession } from "../lib/session.ts";
import { renderWithProviders } from "../testing/render-with-providers.tsx";
import { testSession } from "../testing/test-session.ts";
import { App } from "./app.tsx";
import { appWords } from "./words/start-en.ts";

const t = appWords.get();

// The console's code failing to arrive (a dropped connection, a redeploy that removed the chunk).
vi.mock("./signed-in-shell.tsx", () => {
  throw new Error("Failed to fetch dynamically imported module");
});

// jsdom cannot reload (it prints a "Not implemented: navigation" stack); the test checks the ask.
vi.mock("../lib/reload-page.ts", () => ({ reloadPage: vi.fn() }));

afterEach(() => {
  cleanup();
  clearSession("user");
  vi.unstubAllGlobals();
});

const session = testSession();

describe("App", () => {
  it("says when the console's code cannot be loaded, keeps the session, and can try again", async () => {
    setSession(session);
    renderWithProviders(<App />);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The console could not be loaded",
    );
    await userEvent.click(screen.getByRole("button", { name: t.tryAgain }));
    expect((await screen.findByRole("alert")).textContent).toContain("Your session is kept");
    expect(screen.getByRole("button", { name: t.signOutAndReload })).toBeDefined();
    expect(getSession()?.user.name).toBe("alice");
  });

  it("revokes the token before reloading, since a reload drops the in-memory session", async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetchMock);
    setSession(session);
    renderWithProviders(<App />);
    await userEvent.click(await screen.findByRole("button", { name: t.signOutAndReload }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/v3/auth/tokens");
    expect(init.method).toBe("DELETE");
    expect(getSession()).toBeNull();
    await vi.waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
  });
});
