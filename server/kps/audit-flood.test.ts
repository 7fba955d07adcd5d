// Finding 6: an unauthenticated flood writes a bounded number of audit rows (the rest counted
// into a summary); every refusal's record says who asked for which keys; old rows expire.
import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "../iam/tokens.ts";
import { sweepOnce } from "../limits/sweeper.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

const exportOnce = (
  world: TestWorld,
  options: { token?: string; project?: string; source?: string; name?: string } = {},
) =>
  world.app.inject({
    method: "POST",
    url: `/v3/${options.project ?? world.projects.main}/keypairs/private-key/export`,
    headers: options.token ? { "x-auth-token": options.token } : {},
    payload: { keypair: { name: options.name ?? "hosted-1" } },
    remoteAddress: options.source ?? "127.0.0.1",
  });

describe("audit flood", () => {
  it("stores at most the per-source limit of unauthenticated attempts and counts the rest in one summary row", async () => {
    const world = await createTestWorld({ auditFailuresPerMinute: 20 });
    for (let i = 0; i < 200; i += 1) await exportOnce(world, { source: "10.5.5.5" });
    for (let i = 0; i < 3; i += 1) await exportOnce(world, { source: "10.5.5.6" });
    const rowsNow = world.store.db
      .prepare("SELECT count(*) AS n FROM audit WHERE client_address = '10.5.5.5'")
      .get() as { n: number };
    expect(rowsNow.n).toBe(20);
    // Shutting down writes the pending summary.
    await world.app.close();
    const db = new Database(join(world.dataDir, "kps.sqlite"), { readonly: true });
    try {
      const bySource = db
        .prepare(
          "SELECT client_address, count(*) AS rows, sum(attempts) AS attempts FROM audit GROUP BY client_address ORDER BY client_address",
        )
        .all();
      expect(bySource).toEqual([
        { client_address: "10.5.5.5", rows: 21, attempts: 200 },
        { client_address: "10.5.5.6", rows: 3, attempts: 3 },
      ]);
    } finally {
      db.close();
      rmSync(world.dataDir, { recursive: true, force: true });
    }
  });
});

describe("audit records of refusals", () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld({ exportRateLimit: 2 });
  });
  afterAll(() => world.close());

  const last = () =>
    world.store.db
      .prepare(
        "SELECT actor_name, keypair_names, outcome, error_code FROM audit ORDER BY id DESC LIMIT 1",
      )
      .get();

  it("names the actor and the keys for a token of another project", async () => {
    const token = await world.token("alice", "main");
    const response = await exportOnce(world, { token, project: world.projects.other });
    expect(response.statusCode).toBe(403);
    expect(last()).toEqual({
      actor_name: "acme/alice",
      keypair_names: '["hosted-1"]',
      outcome: "failure",
      error_code: "KPS.9003",
    });
  });

  it("names the keys for a read-only user", async () => {
    const response = await exportOnce(world, { token: await world.token("bob"), name: "plain" });
    expect(response.statusCode).toBe(403);
    expect(last()).toMatchObject({ actor_name: "acme/bob", keypair_names: '["plain"]' });
  });

  it("names the keys for a rate-limited attempt and for an unauthenticated one", async () => {
    const token = await world.token("carol");
    for (let i = 0; i < 2; i += 1) await exportOnce(world, { token });
    expect((await exportOnce(world, { token, name: "hosted-9" })).statusCode).toBe(429);
    expect(last()).toMatchObject({ actor_name: "acme/carol", keypair_names: '["hosted-9"]' });
    expect((await exportOnce(world, { name: "hosted-3" })).statusCode).toBe(401);
    expect(last()).toMatchObject({ actor_name: null, keypair_names: '["hosted-3"]' });
  });

  it("removes audit rows past the retention period and expired tokens as the server runs", async () => {
    const { db } = world.store;
    const old = new Date(Date.now() - 401 * 24 * 60 * 60 * 1000).toISOString();
    db.prepare(
      `INSERT INTO audit (time, request_id, operation, keypair_names, fingerprints, outcome, client_address)
       VALUES (?, 'ancient', 'export', '[]', '[]', 'failure', '127.0.0.1')`,
    ).run(old);
    issueToken(
      db,
      world.users.alice,
      world.projects.main,
      ["password"],
      Date.now() - 10,
      Date.now() - 1,
    );
    const before = (db.prepare("SELECT count(*) AS n FROM audit").get() as { n: number }).n;
    const swept = sweepOnce({ db, auditRetentionDays: 400, flushAuditSummaries: async () => {} });
    expect(swept).toEqual({ tokens: 1, auditRows: 1 });
    expect((db.prepare("SELECT count(*) AS n FROM audit").get() as { n: number }).n).toBe(
      before - 1,
    );
  });
});
