// @vitest-environment jsdom
import { act, cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { languagePickerWords } from "../../../components/words/en.ts";
import { forgetConsoleSetup } from "../../../lib/console-setup.ts";
import { switchLanguage } from "../../../lib/i18n/i18n.ts";
import { clearSession, getSession } from "../../../lib/session.ts";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { signInWords } from "../words/sign-in-en.ts";
import { signInFailureWords } from "../words/sign-in-failure-en.ts";
import chineseFailure from "../words/sign-in-failure-zh-cn.ts";
import chinese from "../words/sign-in-zh-cn.ts";
import { SignInForm } from "./sign-in-form.tsx";

const t = { ...signInWords.get(), ...signInFailureWords.get() };

afterEach(async () => {
  await switchLanguage("en");
  cleanup();
  vi.unstubAllGlobals();
  clearSession("user");
  localStorage.clear();
  forgetConsoleSetup();
});

type Answer = () => Response;

/** fetch as the server answers it: /console/setup says whether it runs the demo. */
function stubServer(signIn: Answer, demo: unknown = null) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) =>
    url === "/console/setup" ? Response.json({ demo }) : signIn(),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const signedIn: Answer = () =>
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
  );

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(t.account), "demo");
  await user.type(screen.getByLabelText(t.user), "alice");
  await user.type(screen.getByLabelText(t.password), "KpsDemo#2026");
  await user.click(screen.getByRole("button", { name: t.submit }));
}

describe("SignInForm", () => {
  it("shows IAM's refusal plainly and stays signed out", async () => {
    stubServer(() =>
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
    );
    renderWithProviders(<SignInForm />);
    await fillAndSubmit();
    expect(await screen.findByText(t.wrongCredentials, { exact: false })).toBeTruthy();
    expect(getSession()).toBeNull();
  });

  it("keeps the token from X-Subject-Token in memory only", async () => {
    const fetch = stubServer(signedIn);
    renderWithProviders(<SignInForm />);
    await fillAndSubmit();
    await vi.waitFor(() => expect(getSession()?.token).toBe("secret-token"));
    const call = fetch.mock.calls.find(([url]) => url === "/v3/auth/tokens");
    const init = call?.[1] as RequestInit;
    const body = JSON.parse(String(init.body));
    expect(body.auth.scope.project).toEqual({ name: "cn-north-4" });
    expect(body.auth.identity.password.user).toMatchObject({
      name: "alice",
      domain: { name: "demo" },
    });
    expect(JSON.stringify({ ...localStorage })).not.toContain("secret-token");
    expect(sessionStorage.length).toBe(0);
  });

  it("is not drawn again as the session arrives: it stays pending until the console replaces it", async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) =>
        url === "/console/setup"
          ? Response.json({ demo: null })
          : new Promise<Response>((resolve) => (answer = resolve)),
      ),
    );
    let renders = 0;
    renderWithProviders(
      <Profiler id="form" onRender={() => (renders += 1)}>
        <SignInForm />
      </Profiler>,
    );
    await fillAndSubmit();
    // The button's loader has faded in.
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const rendersWhilePending = renders;
    answer(signedIn());
    await vi.waitFor(() => expect(getSession()?.token).toBe("secret-token"));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(renders).toBe(rendersWhilePending);
    expect(screen.getByRole("button", { name: t.submit }).dataset.loading).toBe("true");
  });

  it("remembers the account and user name for the next sign-in, never the password", async () => {
    stubServer(signedIn);
    renderWithProviders(<SignInForm />);
    await fillAndSubmit();
    await vi.waitFor(() => expect(getSession()).not.toBeNull());
    const stored = JSON.stringify({ ...localStorage });
    expect(stored).not.toContain("KpsDemo#2026");
    expect(stored).not.toContain("secret-token");
    cleanup();
    clearSession("user");
    renderWithProviders(<SignInForm />);
    expect((screen.getByLabelText(t.account) as HTMLInputElement).value).toBe("demo");
    expect((screen.getByLabelText(t.user) as HTMLInputElement).value).toBe("alice");
    expect(document.activeElement).toBe(screen.getByLabelText(t.password));
  });

  it("ignores a remembered entry it did not write", () => {
    stubServer(signedIn);
    localStorage.setItem("kps-console.last-sign-in", JSON.stringify({ account: "x".repeat(500) }));
    renderWithProviders(<SignInForm />);
    expect((screen.getByLabelText(t.account) as HTMLInputElement).value).toBe("");
  });

  it("in demo mode names the demo accounts and fills in the account name", async () => {
    stubServer(signedIn, {
      account: "demo",
      users: ["alice", "bob", "sam"],
      password: "KpsDemo#2026",
    });
    renderWithProviders(<SignInForm />);
    expect(await screen.findByText(t.demoTitle)).toBeTruthy();
    expect(screen.getByText("KpsDemo#2026")).toBeTruthy();
    expect((screen.getByLabelText(t.account) as HTMLInputElement).value).toBe("demo");
  });

  it("shows no demo accounts when the server runs none", async () => {
    const fetch = stubServer(signedIn);
    renderWithProviders(<SignInForm />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith("/console/setup", expect.anything()));
    expect(screen.queryByText(t.demoTitle)).toBeNull();
    expect((screen.getByLabelText(t.account) as HTMLInputElement).value).toBe("");
  });

  it("sends one sign-in however often Enter is pressed while it is on its way", async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetch = vi.fn((_url: string) => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal("fetch", fetch);
    renderWithProviders(<SignInForm />);
    await fillAndSubmit();
    await userEvent.type(screen.getByLabelText(t.password), "{Enter}{Enter}");
    const signIns = () => fetch.mock.calls.filter(([url]) => url === "/v3/auth/tokens").length;
    await vi.waitFor(() => expect(signIns()).toBe(1));
    answer(Response.json({ error: { code: 401, message: "wrong" } }, { status: 401 }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(signIns()).toBe(1);
  });

  it("switches to Chinese on the sign-in page, keeps what was typed, and remembers only the language", async () => {
    stubServer(signedIn);
    const user = userEvent.setup();
    renderWithProviders(<SignInForm />);
    await user.type(screen.getByLabelText(t.account), "demo");
    await user.selectOptions(
      screen.getByRole("combobox", { name: languagePickerWords.get().label }),
      "zh-CN",
    );
    const zh = chinese["auth/sign-in"];
    const account = (await screen.findByLabelText(zh.account)) as HTMLInputElement;
    expect(account.value).toBe("demo");
    expect(screen.getByRole("button", { name: zh.submit })).toBeTruthy();
    expect(document.documentElement.lang).toBe("zh-CN");
    expect({ ...localStorage }).toEqual({ "kps-console.language": "zh-CN" });
  });

  it("says a refusal in the language chosen after it, as the rest of the form does", async () => {
    stubServer(() =>
      Response.json({ error: { code: 401, message: "wrong password" } }, { status: 401 }),
    );
    renderWithProviders(<SignInForm />);
    await fillAndSubmit();
    expect(await screen.findByText(t.wrongCredentials, { exact: false })).toBeTruthy();
    await userEvent
      .setup()
      .selectOptions(
        screen.getByRole("combobox", { name: languagePickerWords.get().label }),
        "zh-CN",
      );
    const alert = await screen.findByRole("alert");
    await vi.waitFor(() =>
      expect(alert.textContent).toContain(chineseFailure["auth/sign-in-failure"].wrongCredentials),
    );
    expect(alert.textContent).toContain(chinese["auth/sign-in"].failedTitle);
    expect(alert.textContent).not.toContain(t.wrongCredentials);
  });

  it("asks for the code when IAM says the user has an MFA device, then signs in with both methods", async () => {
    const answers: Answer[] = [
      () =>
        Response.json(
          { error: { code: 401, message: "mfa", error_code: "IAM.7101", user_id: "u-sam" } },
          { status: 401 },
        ),
      () =>
        Response.json(
          { error: { code: 401, message: "used", error_code: "IAM.7103" } },
          { status: 401 },
        ),
      signedIn,
    ];
    const fetch = stubServer(() => (answers.shift() ?? signedIn)());
    renderWithProviders(<SignInForm />);
    await fillAndSubmit();
    const code = (await screen.findByLabelText(t.code)) as HTMLInputElement;
    expect(screen.getByText(t.codeNeeded)).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(code.getAttribute("inputmode")).toBe("numeric");
    expect(code.getAttribute("autocomplete")).toBe("one-time-code");
    const user = userEvent.setup();
    await user.type(code, "123456{Enter}");
    expect(await screen.findByText(t.codeUsed)).toBeTruthy();
    expect(getSession()).toBeNull();
    // A used code is gone from the field; the password stays for the next try.
    expect(code.value).toBe("");
    await user.type(code, "654321{Enter}");
    await vi.waitFor(() => expect(getSession()?.token).toBe("secret-token"));
    const bodies = fetch.mock.calls
      .filter(([url]) => url === "/v3/auth/tokens")
      .map(([, init]) => JSON.parse(String((init as RequestInit).body)));
    expect(bodies.map((body) => body.auth.identity.methods)).toEqual([
      ["password"],
      ["password", "totp"],
      ["password", "totp"],
    ]);
    expect(bodies[2].auth.identity.totp).toEqual({ user: { id: "u-sam", passcode: "654321" } });
    expect(bodies[2].auth.identity.password.user.password).toBe("KpsDemo#2026");
  });
});
