// Issue 15: GET /v3/{project_id}/traces serves every export attempt of the project (batch and
// single, success and refused) from the audit table in CTS ListTraces' shape: newest first,
// paged by marker, filtered by user, key pair, rating and time; only with cts:trace:list; never
// another project's attempts; malformed paging refused cleanly; every filter served by an index.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAuditRows } from "../seed/audit-seed.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";
import { explainTraces } from "./trace-query.ts";

let world: TestWorld;
let tokens: { alice: string; bob: string; carol: string; aliceOther: string };
const reason = (text: string) => encodeURIComponent(text);

type Trace = Record<string, unknown> & {
  trace_id: string;
  trace_name: string;
  trace_rating: string;
  message?: string;
  resource_name: string;
  request_id: string;
  user: { id: string; name: string; domain: { id?: string; name: string } };
  time: number;
  code: string;
};
type Page = { traces: Trace[]; meta_data: { count: number; marker: string | null } };

async function exportAs(
  token: string,
  names: string[],
  why: string,
  options: { single?: boolean; project?: string } = {},
) {
  const response = await world.app.inject({
    method: "POST",
    url: `/v3/${options.project ?? world.projects.main}/keypairs/private-key/${options.single ? "export" : "batch-export"}`,
    headers: { "x-auth-token": token, "x-export-reason": reason(why) },
    payload: options.single
      ? { keypair: { name: names[0] } }
      : names.map((name) => ({ keypair: { name } })),
  });
  return response.headers["x-request-id"] as string;
}

const traces = (token: string, query = "", project = world.projects.main) =>
  world.app.inject({
    method: "GET",
    url: `/v3/${project}/traces${query ? `?${query}` : ""}`,
    headers: { "x-auth-token": token },
  });

const page = async (token: string, query = "", project?: string): Promise<Page> => {
  const response = await traces(token, query, project);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

let ids: Record<string, string> = {};

beforeAll(async () => {
  world = await createTestWorld({ exportReason: "required" });
  tokens = {
    alice: await world.token("alice"),
    bob: await world.token("bob"),
    carol: await world.token("carol"),
    aliceOther: await world.token("alice", "other"),
  };
  ids = {
    first: await exportAs(tokens.alice, ["hosted-1", "hosted-2"], "Ticket A-1: rotate web"),
    single: await exportAs(tokens.carol, ["hosted-3"], "Ticket C-1: carol single", {
      single: true,
    }),
    refused: await exportAs(tokens.alice, ["plain"], "Ticket A-2: not hosted"),
    readOnly: await exportAs(tokens.bob, ["hosted-1"], "Ticket B-1: bob tries"),
    other: await exportAs(tokens.aliceOther, ["other-hosted"], "Ticket O-1: other project", {
      project: world.projects.other,
    }),
    crossProject: await exportAs(tokens.aliceOther, ["hosted-4"], "Ticket X-1: wrong token"),
    last: await exportAs(tokens.alice, ["hosted-4"], "Ticket A-3: last one", { single: true }),
  };
  // Nobody authenticated: kept for the operator, never shown as a project's history.
  await world.app.inject({
    method: "POST",
    url: `/v3/${world.projects.main}/keypairs/private-key/export`,
    headers: { "x-export-reason": reason("Ticket Z-1: anonymous spam") },
    payload: { keypair: { name: "hosted-1" } },
  });
});
afterAll(() => world.close());

describe("GET /v3/{project_id}/traces", () => {
  it("lists the project's export attempts newest first in CTS's trace shape, with the reason as message", async () => {
    const { traces: list, meta_data } = await page(tokens.alice, "limit=50");
    expect(list.map((trace) => trace.request_id)).toEqual([
      ids.last,
      ids.crossProject,
      ids.readOnly,
      ids.refused,
      ids.single,
      ids.first,
    ]);
    expect(meta_data).toEqual({ count: 6, marker: null });
    const [last, crossProject, readOnly, refused, single, first] = list;
    expect(first).toEqual({
      trace_id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      ),
      trace_name: "batchExportPrivateKey",
      trace_rating: "normal",
      trace_type: "ApiCall",
      request: JSON.stringify([
        { keypair: { name: "hosted-1" } },
        { keypair: { name: "hosted-2" } },
      ]),
      code: "200",
      api_version: "v3",
      message: "Ticket A-1: rotate web",
      record_time: first?.time,
      time: expect.any(Number),
      user: {
        id: world.users.alice,
        name: "alice",
        domain: { id: expect.stringMatching(/^[0-9a-f]{32}$/), name: "acme" },
      },
      service_type: "KPS",
      resource_type: "keypair",
      resource_name: "hosted-1,hosted-2",
      source_ip: "127.0.0.1",
      request_id: ids.first,
    });
    expect(single).toMatchObject({
      trace_name: "exportPrivateKey",
      request: JSON.stringify({ keypair: { name: "hosted-3" } }),
      user: { name: "carol" },
      message: "Ticket C-1: carol single",
    });
    expect(refused).toMatchObject({
      trace_rating: "warning",
      code: "400",
      response: JSON.stringify({ error_code: "KPS.6005" }),
      location_info: "KPS.6005",
      message: "Ticket A-2: not hosted",
    });
    expect(readOnly).toMatchObject({
      user: { name: "bob" },
      code: "403",
      location_info: "KPS.9003",
    });
    // A token for another project, aimed at this one's keys: this project's history says so.
    expect(crossProject).toMatchObject({
      user: { name: "alice" },
      location_info: "KPS.9003",
      message: "Ticket X-1: wrong token",
    });
    expect(last).toMatchObject({ resource_name: "hosted-4", trace_rating: "normal" });
    expect(JSON.stringify(list)).not.toMatch(/PRIVATE KEY|kps1\./);
  });

  it("never shows another project's attempts, nor anonymous ones", async () => {
    const main = JSON.stringify(await page(tokens.alice, "limit=200"));
    expect(main).not.toContain("Ticket O-1");
    expect(main).not.toContain("Ticket Z-1");
    const other = await page(tokens.aliceOther, "limit=200", world.projects.other);
    expect(other.traces.map((trace) => trace.message)).toEqual(["Ticket O-1: other project"]);
    // A token of one project cannot read another's history by naming it in the path.
    const across = await traces(tokens.aliceOther, "", world.projects.main);
    expect(across.statusCode).toBe(403);
    expect(across.json().error_code).toBe("KPS.9003");
  });

  it("pages by marker until the marker is null, each record once", async () => {
    const seen: string[] = [];
    let marker: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=2${marker ? `&next=${marker}` : ""}`;
      const next: Page = await page(tokens.alice, query);
      seen.push(...next.traces.map((trace) => trace.request_id));
      expect(next.meta_data.count).toBe(next.traces.length);
      marker = next.meta_data.marker;
      pages += 1;
    } while (marker && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([
      ids.last,
      ids.crossProject,
      ids.readOnly,
      ids.refused,
      ids.single,
      ids.first,
    ]);
  });

  it("filters by user, key pair, rating, trace name and time range", async () => {
    const names = async (query: string) =>
      (await page(tokens.alice, query)).traces.map((trace) => trace.request_id);
    expect(await names("user=carol")).toEqual([ids.single]);
    expect(await names("user=nobody")).toEqual([]);
    expect(await names("resource_name=hosted-1")).toEqual([ids.readOnly, ids.first]);
    expect(await names("trace_rating=warning")).toEqual([
      ids.crossProject,
      ids.readOnly,
      ids.refused,
    ]);
    expect(await names("trace_rating=normal&user=alice")).toEqual([ids.last, ids.first]);
    expect(await names("trace_rating=incident")).toEqual([]);
    expect(await names("trace_name=exportPrivateKey")).toEqual([ids.last, ids.single]);
    expect(await names("service_type=ECS")).toEqual([]);
    expect(await names("resource_type=keypair&service_type=KPS&trace_type=system")).toHaveLength(6);
    const all = (await page(tokens.alice, "limit=50")).traces;
    const single = all.find((trace) => trace.request_id === ids.single) as Trace;
    // from and to are exclusive, in milliseconds.
    expect(await names(`from=${single.time - 1}&to=${single.time + 1}`)).toContain(ids.single);
    expect(await names(`to=${all.at(-1)?.time}`)).toEqual([]);
    expect(await names(`from=${all[0]?.time}`)).toEqual([]);
    expect(await names(`trace_id=${single.trace_id}`)).toEqual([ids.single]);
  });

  it("refuses a user without cts:trace:list, and callers without a valid token", async () => {
    const bob = await traces(tokens.bob);
    expect(bob.statusCode).toBe(403);
    expect(bob.json().error_code).toBe("KPS.9003");
    for (const token of ["", "kps1.forged-token-value-000000"]) {
      const response = await world.app.inject({
        method: "GET",
        url: `/v3/${world.projects.main}/traces`,
        headers: token ? { "x-auth-token": token } : {},
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error_code).toBe("APIGW.0301");
    }
  });

  it("refuses a limit above 200, a tampered marker and malformed times cleanly", async () => {
    const carol = await page(tokens.carol, "limit=200");
    expect(carol.traces).toHaveLength(6);
    for (const query of [
      "limit=201",
      "limit=0",
      "limit=-1",
      "limit=1e2",
      "limit=100000000000",
      "next=not-a-marker",
      "next=00000000-0000-0000-0000-zzzzzzzzzzzz",
      "next=00000000-0000-0000-0000-000000000000",
      `next=${"0".repeat(70)}`,
      "next=1%27%20OR%201=1",
      "trace_id=..%2F..%2Fetc",
      "from=yesterday",
      "from=20&to=10",
      "trace_rating=fatal",
      "resource_name=..%2Fx",
      "limit=1&limit=2",
      "trace_type=other",
    ]) {
      const response = await traces(tokens.alice, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error_code, query).toBe("KPS.0002");
    }
    // A well-formed marker from elsewhere only pages this project's own records.
    const elsewhere = await page(tokens.alice, "next=00000000-0000-0000-0000-00000000ffff");
    expect(elsewhere.traces.length).toBe(6);
  });
});

describe("the history at 100,000 records", () => {
  let big: TestWorld;
  beforeAll(async () => {
    big = await createTestWorld();
    seedAuditRows(big.store.db, {
      projectId: big.projects.main,
      actors: [
        { userId: big.users.alice, name: "acme/alice" },
        { userId: big.users.carol, name: "acme/carol" },
      ],
      count: 100_000,
      keypairNames: ["hosted-1", "hosted-2", "hosted-3", "plain", "ed-hosted"],
    });
    // Another project's history in the same table, as on a shared server.
    seedAuditRows(big.store.db, {
      projectId: big.projects.other,
      actors: [{ userId: big.users.alice, name: "acme/alice" }],
      count: 20_000,
      keypairNames: ["other-hosted"],
    });
  }, 120_000);
  afterAll(() => big.close());

  it("plans every filter on an index, never a scan of the table or a sort", () => {
    const base = { projectId: big.projects.main, limit: 51 };
    const filters = [
      {},
      { beforeId: 50_000 },
      { actorName: "acme/carol" },
      { rating: "warning" as const },
      { rating: "incident" as const, actorName: "acme/carol" },
      { keypairName: "hosted-2" },
      { keypairName: "hosted-2", actorName: "acme/alice", beforeId: 40_000 },
      { from: Date.now() - 30 * 86_400_000, to: Date.now() - 10 * 86_400_000 },
      { id: 1234 },
    ];
    for (const filter of filters) {
      const plan = explainTraces(big.store.db, { ...base, ...filter }).join("\n");
      // Rows come out of an index in order, so LIMIT stops early: no scan, no sort.
      expect(plan, JSON.stringify(filter)).not.toMatch(/SCAN (a|n|audit)\b|USE TEMP B-TREE/);
      expect(plan, JSON.stringify(filter)).toMatch(/USING (COVERING )?INDEX|PRIMARY KEY/);
    }
  });

  it("pages the newest first and filters through all of them", async () => {
    const token = await big.token("alice");
    const first = await big.app.inject({
      method: "GET",
      url: `/v3/${big.projects.main}/traces?limit=50`,
      headers: { "x-auth-token": token },
    });
    const body = first.json() as Page;
    expect(body.traces).toHaveLength(50);
    expect(body.meta_data.marker).not.toBeNull();
    const times = body.traces.map((trace) => trace.time);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const byCarol = await big.app.inject({
      method: "GET",
      url: `/v3/${big.projects.main}/traces?limit=200&user=carol&trace_rating=incident`,
      headers: { "x-auth-token": token },
    });
    const incidents = (byCarol.json() as Page).traces;
    expect(incidents.length).toBeGreaterThan(0);
    for (const trace of incidents)
      expect(trace).toMatchObject({ trace_rating: "incident", user: { name: "carol" } });
  });
});
