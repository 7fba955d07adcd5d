// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clearSession, getSession } from "../../../lib/session.ts";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { SignInForm } from "./sign-in-form.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  clearSession("user");
});

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Account name"), "demo");
  await user.type(screen.getByLabelText("User name"), "alice");
  await user.type(screen.getByLabelText("Password"), "KpsDemo#2026");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("SignInForm", () => {
  it("shows IAM's refusal plainly and stays signed out", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json(
          {
            error: {
              code: 401,
              message: "The username or password is wrong.",
              title: "Unauthorized",
            },
          },
          { status: 401 },
        ),
      ),
    );
    renderWithProviders(<SignInForm />);
    await fillAndSubmit();
    expect(await screen.findByText(/user name or password is wrong/)).toBeTruthy();
    expect(getSession()).toBeNull();
  });

  it("keeps the token from X-Subject-Token in memory only", async () => {
    const fetch = vi.fn(async () =>
      Response.json(
        {
          token: {
            expires_at: "2099-01-01T00:00:00Z",
            project: { id: "p".repeat(32), name: "cn-north-4" },
            user: { id: "u1", name: "alice", domain: { id: "d1", name: "demo" } },
            roles: [{ name: "DEW KeypairFullAccess" }],
          },
        },
        { status: 201, headers: { "X-Subject-Token": "secret-token" } },
      ),
    );
    vi.stubGlobal("fetch", fetch);
    renderWithProviders(<SignInForm />);
    await fillAndSubmit();
    await vi.waitFor(() => expect(getSession()?.token).toBe("secret-token"));
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const body = JSON.parse(String(init.body));
    expect(body.auth.scope.project).toEqual({ name: "cn-north-4" });
    expect(body.auth.identity.password.user).toMatchObject({
      name: "alice",
      domain: { name: "demo" },
    });
    expect(JSON.stringify({ ...localStorage })).not.toContain("secret-token");
    expect(sessionStorage.length).toBe(0);
  });

  it("sends one sign-in however often Enter is pressed while it is on its way", async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal("fetch", fetch);
    renderWithProviders(<SignInForm />);
    await fillAndSubmit();
    await userEvent.type(screen.getByLabelText("Password"), "{Enter}{Enter}");
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    answer(Response.json({ error: { code: 401, message: "wrong" } }, { status: 401 }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
