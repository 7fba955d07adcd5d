// The run the list's worker does, over real HTTP: a small list server on a real port pages 16
// key pairs by marker as KPS does (the journeys in e2e/ read the embedded KPS's lists this way).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PageRun, type PageRunEvent, runPages } from "./run-pages.ts";

const TOKEN = "alice-token";
const NAMES = Array.from({ length: 16 }, (_, i) => `kp-${String(i).padStart(2, "0")}`);
let server: Server;
let origin: string;
/** Every list request the server has had, as path and marker. */
const asked: string[] = [];

function listPage(url: URL) {
  const limit = Number(url.searchParams.get("limit"));
  const marker = url.searchParams.get("marker");
  const start = marker === null ? 0 : NAMES.indexOf(marker) + 1;
  const names = NAMES.slice(start, start + limit);
  const more = start + limit < NAMES.length;
  return {
    keypairs: names.map((name) => ({
      keypair: { name, type: "ssh", scope: "user", fingerprint: `SHA256:${name}`, extra: "x" },
    })),
    page_info: { next_marker: more ? names.at(-1) : null, current_count: names.length },
  };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    asked.push(`${url.pathname} ${url.searchParams.get("marker")}`);
    if (url.pathname === "/v3/p1/not-a-list") return send(200, { keypairs: "no" });
    // A first page that names the next marker but fails the check (a name that is a number);
    // the page after it would name one more.
    if (url.pathname === "/v3/p1/hostile") {
      if (url.searchParams.has("marker")) return send(200, listPage(url));
      return send(200, {
        keypairs: [{ keypair: { name: 42 } }],
        page_info: { next_marker: "kp-04" },
      });
    }
    if (url.pathname !== "/v3/p1/keypairs") return send(404, { error_code: "APIGW.0101" });
    if (request.headers["x-auth-token"] !== TOKEN) return send(401, { error_code: "APIGW.0301" });
    send(200, listPage(url));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function runOf(run: PageRun, signal = new AbortController().signal) {
  const told: PageRunEvent[] = [];
  await runPages(run, signal, (event) => told.push(event));
  return told;
}

const pageRun = (overrides: Partial<PageRun> = {}): PageRun => ({
  base: `${origin}/v3/p1/keypairs`,
  limit: 5,
  token: TOKEN,
  from: null,
  ...overrides,
});

describe("runPages", () => {
  it("reads every page by marker, in order, each once, and says which is the last", async () => {
    const told = await runOf(pageRun());
    const pages = told.flatMap((event) => (event.kind === "page" ? [event] : []));
    expect(pages).toHaveLength(told.length);
    expect(pages.map(({ page }) => page.keypairs.length)).toEqual([5, 5, 5, 1]);
    expect(pages.slice(0, -1).every(({ next }) => typeof next === "string")).toBe(true);
    expect(pages.at(-1)?.next).toBeUndefined();
    const names = pages.flatMap(({ page }) => page.keypairs.map(({ keypair }) => keypair.name));
    expect(names).toEqual(NAMES);
    // Checked as the console's client checks a page: only the contract's fields come through.
    expect(Object.keys(pages[0]?.page.keypairs[0]?.keypair ?? {}).sort()).toEqual([
      "fingerprint",
      "name",
      "scope",
      "type",
    ]);
  });

  it("continues from a marker", async () => {
    const [first] = await runOf(pageRun({ limit: 15 }));
    const next = first?.kind === "page" ? first.next : undefined;
    expect(next).toBeDefined();
    const told = await runOf(pageRun({ limit: 15, from: next ?? null }));
    expect(told).toHaveLength(1);
    expect(told[0]?.kind === "page" && told[0].page.keypairs).toHaveLength(1);
  });

  it("holds after the first page until resumed, or until the hold runs out", async () => {
    asked.length = 0;
    let resume: () => void = () => {};
    const resumed = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const told: PageRunEvent[] = [];
    const done = runPages(
      { ...pageRun(), holdMs: 60_000 },
      new AbortController().signal,
      (event) => {
        told.push(event);
        if (told.length === 1) setTimeout(resume, 300);
      },
      resumed,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(told).toHaveLength(1);
    // Nothing is read ahead during the hold: the first render has the CPU to itself.
    expect(asked).toEqual(["/v3/p1/keypairs null"]);
    await done;
    expect(told).toHaveLength(4);
    // Nobody resumes: it goes on once the hold is over.
    const never = new Promise<void>(() => {});
    const rest: PageRunEvent[] = [];
    await runPages(
      { ...pageRun(), holdMs: 250 },
      new AbortController().signal,
      (event) => rest.push(event),
      never,
    );
    expect(rest).toHaveLength(4);
  });

  it("asks for the next page before checking the one before it, and abandons it if that fails", async () => {
    asked.length = 0;
    const told = await runOf(pageRun({ base: `${origin}/v3/p1/hostile` }));
    expect(told).toEqual([{ kind: "failed" }]);
    // The page the hostile body named was asked for as soon as the body was parsed (the chain's
    // speed), and nothing after it: its answer was never read, so its marker went nowhere.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked.filter((request) => request.includes("hostile"))).toEqual([
      "/v3/p1/hostile null",
      "/v3/p1/hostile kp-04",
    ]);
  });

  it("says only that it failed, and stops, for a refused token or a missing list", async () => {
    expect(await runOf(pageRun({ token: "not-a-token" }))).toEqual([{ kind: "failed" }]);
    expect(await runOf(pageRun({ base: `${origin}/v3/p2/keypairs` }))).toEqual([
      { kind: "failed" },
    ]);
  });

  it("fails what is not a list's page, and says nothing once stopped", async () => {
    expect(await runOf(pageRun({ base: `${origin}/v3/p1/not-a-list` }))).toEqual([
      { kind: "failed" },
    ]);
    const stop = new AbortController();
    stop.abort();
    expect(await runOf(pageRun(), stop.signal)).toEqual([]);
  });
});
