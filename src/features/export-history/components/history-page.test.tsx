// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetConsoleSetup } from "../../../lib/console-setup.ts";
import { renderWithProviders } from "../../../testing/render-with-providers.tsx";
import { testSession } from "../../../testing/test-session.ts";
import { historyWords } from "../words/en.ts";
import { HistoryPage } from "./history-page.tsx";

const t = historyWords.get();

afterEach(() => {
  forgetConsoleSetup();
  cleanup();
  vi.unstubAllGlobals();
});

const trace = {
  trace_id: "00000000-0000-0000-0000-000000000001",
  trace_name: "exportPrivateKey",
  trace_rating: "normal",
  request: JSON.stringify({ keypair: { name: "web-01" } }),
  code: "200",
  time: Date.now() - 60_000,
  user: { name: "alice" },
  resource_name: "web-01",
  source_ip: "192.0.2.7",
  request_id: "req-1",
};

/** The server as fetch sees it: the setup's mode, then the traces route's answer. */
function stubServer(mode: "embedded" | "proxy", traces: () => Response) {
  const sent: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      sent.push(url);
      if (url.endsWith("/console/setup")) return Response.json({ demo: null, mode });
      return traces();
    }),
  );
  return sent;
}

function renderPage(roles: string[] = []) {
  renderWithProviders(
    <HistoryPage session={testSession(roles)} search={{}} onSearchChange={() => undefined} />,
  );
}

describe("HistoryPage", () => {
  it("asks CTS for system traces with a limit and both ends of the range", async () => {
    const sent = stubServer("embedded", () =>
      Response.json({ traces: [trace], meta_data: { count: 1, marker: null } }),
    );
    renderPage();
    expect(await screen.findByText(t.loadedAll(1))).toBeTruthy();
    const url = new URL(sent.find((path) => path.includes("/traces")) ?? "", "http://x");
    expect(url.searchParams.get("trace_type")).toBe("system");
    expect(url.searchParams.get("limit")).toBe("100");
    expect(Number(url.searchParams.get("to"))).toBeGreaterThan(
      Number(url.searchParams.get("from")),
    );
    expect(screen.queryByText(t.proxyNote)).toBeNull();
  });

  it("says in proxy mode that the reasons are in the console server's log", async () => {
    stubServer("proxy", () => Response.json({ traces: [trace], meta_data: { marker: null } }));
    renderPage();
    expect(await screen.findByText(t.proxyNote)).toBeTruthy();
  });

  it("says the history is not available when the proxy serves no traces route (no CTS_ENDPOINT)", async () => {
    stubServer("proxy", () =>
      Response.json({ error_code: "APIGW.0101", error_msg: "not found" }, { status: 404 }),
    );
    renderPage();
    expect(await screen.findByText(t.unavailableTitle)).toBeTruthy();
  });

  it("shows a refusal with its code and a Retry", async () => {
    stubServer("embedded", () =>
      Response.json({ error_code: "KPS.9003", error_msg: "forbidden" }, { status: 403 }),
    );
    renderPage();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("KPS.9003");
    expect(screen.getByRole("button", { name: /Retry/ })).toBeTruthy();
  });

  it("asks nothing of a user whose roles do not allow cts:trace:list, and says so", () => {
    const sent = stubServer("embedded", () => Response.json({ traces: [] }));
    renderPage(["DEW KeypairFullAccess"]);
    expect(screen.getByText(t.notPermittedTitle)).toBeTruthy();
    expect(sent).toEqual([]);
  });
});
