// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetConsoleSetup } from "../../../lib/console-setup.ts";
import { clearSession, getSession, setSession } from "../../../lib/session.ts";
import { openExportConfirmation } from "../../../testing/export-confirmation.tsx";
import { testSession } from "../../../testing/test-session.ts";
import { confirmWords, reasonWords, stepUpWords } from "../words/en.ts";

const confirm = confirmWords.get();
const reasonT = reasonWords.get();
const stepUpT = stepUpWords.get();

type Call = { url: string; init: RequestInit };
type Answer = (call: Call) => Response;

const FULL = "DEW KeypairFullAccess";

function tokenAnswer(token: string) {
  return Response.json(
    {
      token: {
        expires_at: "2099-01-01T00:00:00Z",
        project: { id: "p".repeat(32), name: "cn-north-4" },
        user: { id: "u1", name: "alice", domain: { id: "d1", name: "demo" } },
        roles: [{ name: FULL }],
      },
    },
    { status: 201, headers: { "X-Subject-Token": token } },
  );
}

function iamRefusal(errorCode: string, userId?: string) {
  return Response.json(
    {
      error: {
        code: 401,
        message: "refused",
        title: "Unauthorized",
        error_code: errorCode,
        user_id: userId,
      },
    },
    { status: 401 },
  );
}

/** The server's answers in order per route; every call is kept for the assertions. */
function stubServer(routes: { exports: Answer[]; tokens?: Answer[]; setup?: unknown }) {
  const calls: Call[] = [];
  const exports = [...routes.exports];
  const tokens = [...(routes.tokens ?? [])];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call = { url, init };
      calls.push(call);
      if (url === "/console/setup")
        return Response.json(
          routes.setup ?? { demo: null, exportReason: "required", exportFreshAuthSeconds: 300 },
        );
      if (url === "/v3/auth/tokens" && init.method === "DELETE")
        return new Response(null, { status: 204 });
      if (url === "/v3/auth/tokens")
        return (tokens.shift() ?? (() => new Response(null, { status: 500 })))(call);
      return (exports.shift() ?? (() => new Response(null, { status: 503 })))(call);
    }),
  );
  return calls;
}

const header = (call: Call | undefined, name: string) =>
  (call?.init.headers as Record<string, string> | undefined)?.[name];
const exportCalls = (calls: Call[]) => calls.filter((call) => call.url.endsWith("/batch-export"));
const tokenPosts = (calls: Call[]) =>
  calls.filter((call) => call.url === "/v3/auth/tokens" && call.init.method === "POST");

async function openAndConfirm(reason: string) {
  const user = await openExportConfirmation();
  await user.type(screen.getByLabelText(reasonT.label), reason);
  return user;
}

beforeEach(() => setSession({ ...testSession([FULL]), authAt: Date.now() }));

afterEach(() => {
  forgetConsoleSetup();
  cleanup();
  vi.unstubAllGlobals();
  clearSession("user");
});

describe("the export's reason", () => {
  it("keeps Export off until the reason has 8 characters, then sends it percent-encoded", async () => {
    const calls = stubServer({ exports: [() => new Response(null, { status: 503 })] });
    const user = await openAndConfirm("工单 SUP");
    const exportButton = screen.getByRole("button", { name: confirm.export }) as HTMLButtonElement;
    expect(exportButton.disabled).toBe(true);
    await user.type(screen.getByLabelText(reasonT.label), "-88 ");
    expect(exportButton.disabled).toBe(false);
    await user.click(exportButton);
    await vi.waitFor(() => expect(exportCalls(calls)).toHaveLength(1));
    expect(header(exportCalls(calls)[0], "X-Export-Reason")).toBe(
      encodeURIComponent("工单 SUP-88"),
    );
  });

  it("shows the server's refusal of the reason on the field", async () => {
    stubServer({
      exports: [
        () => Response.json({ error_code: "KPS.7002", error_msg: "bad reason" }, { status: 400 }),
      ],
    });
    const user = await openAndConfirm("Ticket SUP-88");
    await user.click(screen.getByRole("button", { name: confirm.export }));
    expect(await screen.findByText(reasonT.serverInvalid)).toBeTruthy();
  });
});

describe("the export's fresh sign-in", () => {
  it("asks for the password on KPS.7003, then the code on IAM.7101, and exports with the fresh token", async () => {
    const calls = stubServer({
      exports: [
        () =>
          Response.json({ error_code: "KPS.7003", error_msg: "Sign in again" }, { status: 403 }),
        () => new Response(null, { status: 503 }),
      ],
      tokens: [() => iamRefusal("IAM.7101", "u-sam"), () => tokenAnswer("fresh-token")],
    });
    const user = await openAndConfirm("Ticket SUP-88");
    await user.click(screen.getByRole("button", { name: confirm.export }));
    const password = await screen.findByLabelText(stepUpT.password);
    await vi.waitFor(() => expect(document.activeElement).toBe(password));
    const exportButton = screen.getByRole("button", { name: confirm.export }) as HTMLButtonElement;
    expect(exportButton.disabled).toBe(true);
    await user.type(password, "KpsDemo#2026");
    await user.click(exportButton);
    const code = await screen.findByLabelText(stepUpT.code);
    expect(code.getAttribute("inputmode")).toBe("numeric");
    expect(code.getAttribute("autocomplete")).toBe("one-time-code");
    await user.type(code, "12345");
    expect(exportButton.disabled).toBe(true);
    await user.type(code, "6");
    await user.click(exportButton);

    await vi.waitFor(() => expect(exportCalls(calls)).toHaveLength(2));
    const [first, second] = tokenPosts(calls).map((call) => JSON.parse(String(call.init.body)));
    expect(first.auth.identity.methods).toEqual(["password"]);
    expect(second.auth.identity).toMatchObject({
      methods: ["password", "totp"],
      password: { user: { name: "alice", password: "KpsDemo#2026", domain: { name: "demo" } } },
      totp: { user: { id: "u-sam", passcode: "123456" } },
    });
    expect(second.auth.scope).toEqual({ project: { id: "p".repeat(32) } });
    expect(header(exportCalls(calls)[1], "X-Auth-Token")).toBe("fresh-token");
    expect(header(exportCalls(calls)[1], "X-Export-Reason")).toBe("Ticket%20SUP-88");
    expect(getSession()?.token).toBe("fresh-token");
    // The replaced token is revoked, as a project switch does.
    const revoke = calls.find((call) => call.init.method === "DELETE");
    expect(header(revoke, "X-Subject-Token")).toBe("kps1.test-token-not-real");
    // The fresh token proved the password: nothing of it or the code stays on screen.
    expect(screen.queryByLabelText(stepUpT.password)).toBeNull();
  });

  it("asks before sending when the password was checked longer ago than the server allows", async () => {
    setSession({ ...testSession([FULL]), authAt: Date.now() - 301_000 });
    const calls = stubServer({ exports: [() => new Response(null, { status: 503 })] });
    const user = await openAndConfirm("Ticket SUP-88");
    await user.click(screen.getByRole("button", { name: confirm.export }));
    expect(await screen.findByLabelText(stepUpT.password)).toBeTruthy();
    expect(exportCalls(calls)).toHaveLength(0);
  });

  it.each([
    ["a wrong password", () => iamRefusal("IAM.401"), stepUpT.wrongPassword],
    [
      "a throttled sign-in",
      () =>
        Response.json(
          { error: { code: 429, message: "slow" } },
          { status: 429, headers: { "Retry-After": "42" } },
        ),
      stepUpT.throttled(42),
    ],
  ])("says so in place for %s and keeps the session", async (_what, answer, words) => {
    stubServer({
      exports: [
        () => Response.json({ error_code: "KPS.7003", error_msg: "again" }, { status: 403 }),
      ],
      tokens: [answer],
    });
    const user = await openAndConfirm("Ticket SUP-88");
    await user.click(screen.getByRole("button", { name: confirm.export }));
    await user.type(await screen.findByLabelText(stepUpT.password), "wrong-password");
    await user.click(screen.getByRole("button", { name: confirm.export }));
    expect(await screen.findByText(words)).toBeTruthy();
    expect(getSession()?.token).toBe("kps1.test-token-not-real");
  });
});
