import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let alice: string;

beforeAll(async () => {
  world = await createTestWorld();
  alice = await world.token("alice");
});
afterAll(() => world.close());

const batch = (names: string[]) => names.map((name) => ({ keypair: { name } }));

async function batchExport(
  body: unknown,
  token: string | null = alice,
  project = world.projects.main,
) {
  return world.app.inject({
    method: "POST",
    url: `/v3/${project}/keypairs/private-key/batch-export`,
    headers: {
      "content-type": "application/json;charset=UTF-8",
      ...(token ? { "x-auth-token": token } : {}),
    },
    payload: JSON.stringify(body),
  });
}

async function singleExport(name: string) {
  const response = await world.app.inject({
    method: "POST",
    url: `/v3/${world.projects.main}/keypairs/private-key/export`,
    headers: { "x-auth-token": alice },
    payload: { keypair: { name } },
  });
  expect(response.statusCode).toBe(200);
  return response.json().keypair.private_key as string;
}

function rawExport(contentType: string, payload: string) {
  return world.app.inject({
    method: "POST",
    url: `/v3/${world.projects.main}/keypairs/private-key/batch-export`,
    headers: { "content-type": contentType, "x-auth-token": alice },
    payload,
  });
}

function auditCount(): number {
  return (world.store.db.prepare("SELECT COUNT(*) AS n FROM audit").get() as { n: number }).n;
}

describe("batch export", () => {
  it("returns one <name>.pem per key holding exactly what single export returns, with the contract's headers", async () => {
    const names = ["hosted-1", "ed-hosted", "alice-own"];
    const response = await batchExport(batch(names));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="keypairs.zip"');
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(response.headers["content-length"])).toBe(response.rawPayload.length);
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    const zip = await JSZip.loadAsync(response.rawPayload);
    const entries = Object.values(zip.files);
    expect(entries.map((entry) => entry.name).sort()).toEqual(names.map((n) => `${n}.pem`).sort());
    expect(entries.every((entry) => !entry.dir)).toBe(true);
    for (const name of names) {
      expect(await zip.file(`${name}.pem`)?.async("string")).toBe(await singleExport(name));
    }
  });

  it("exports ten keys, the maximum", async () => {
    const names = Array.from({ length: 10 }, (_, i) => `hosted-${i + 1}`);
    const response = await batchExport(batch(names));
    expect(response.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(response.rawPayload);
    expect(Object.keys(zip.files)).toHaveLength(10);
  });

  it("accepts whole list rows as items, as Terraform sends them", async () => {
    const list = await world.app.inject({
      method: "GET",
      url: `/v3/${world.projects.main}/keypairs?limit=2`,
      headers: { "x-auth-token": alice },
    });
    const rows = list.json().keypairs;
    const response = await batchExport(rows);
    expect(response.statusCode).toBe(200);
  });

  const refusals: [
    string,
    () => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>,
    number,
    string,
  ][] = [
    [
      "eleven items",
      () => batchExport(batch(Array.from({ length: 11 }, (_, i) => `hosted-${(i % 12) + 1}`))),
      400,
      "KPS.0002",
    ],
    ["an empty array", () => batchExport([]), 400, "KPS.0002"],
    ["a duplicate name", () => batchExport(batch(["hosted-1", "hosted-1"])), 400, "KPS.0002"],
    ["a bad name", () => batchExport(batch(["hosted-1", "../etc/passwd"])), 400, "KPS.0002"],
    [
      "an object instead of an array",
      () => batchExport({ keypair: { name: "hosted-1" } }),
      400,
      "KPS.0002",
    ],
    ["an unknown name", () => batchExport(batch(["hosted-1", "no-such-key"])), 400, "KPS.4016"],
    ["a key that is not hosted", () => batchExport(batch(["hosted-1", "plain"])), 400, "KPS.6005"],
    ["a frozen key", () => batchExport(batch(["hosted-1", "frozen"])), 403, "KPS.9004"],
    [
      "another user's private key pair",
      () => batchExport(batch(["hosted-1", "carol-own"])),
      400,
      "KPS.4016",
    ],
    [
      "another project's key pair",
      () => batchExport(batch(["hosted-1", "other-hosted"])),
      400,
      "KPS.4016",
    ],
    [
      "the path of another project",
      () => batchExport(batch(["other-hosted"]), alice, world.projects.other),
      403,
      "KPS.9003",
    ],
    [
      "a read-only user",
      async () => batchExport(batch(["hosted-1"]), await world.token("bob")),
      403,
      "KPS.9003",
    ],
    ["no token", () => batchExport(batch(["hosted-1"]), null), 401, "APIGW.0301"],
    [
      "a text/plain body (refused before the handler)",
      () => rawExport("text/plain", "hosted-1"),
      415,
      "KPS.0002",
    ],
    [
      "malformed JSON (refused before the handler)",
      () => rawExport("application/json", "[{"),
      400,
      "KPS.0002",
    ],
    [
      "a body over 64 KiB (refused before the handler)",
      () => rawExport("application/json", JSON.stringify(batch(["a".repeat(70_000)]))),
      413,
      "KPS.0002",
    ],
    [
      "an unknown token",
      () => batchExport(batch(["hosted-1"]), "kps1.not-a-real-token-at-all"),
      401,
      "APIGW.0301",
    ],
  ];

  it.each(refusals)(
    "refuses %s with no zip at all, and audits the attempt",
    async (_label, send, status, code) => {
      const before = auditCount();
      const response = await send();
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.body.startsWith("PK")).toBe(false);
      expect(JSON.parse(response.body).error_code).toBe(code);
      expect(auditCount()).toBe(before + 1);
      const last = world.store.db
        .prepare("SELECT outcome, error_code FROM audit ORDER BY id DESC LIMIT 1")
        .get();
      expect(last).toEqual({ outcome: "failure", error_code: code });
    },
  );

  it("names the actor of an attempt refused before the handler ran", async () => {
    const response = await rawExport("text/plain", "hosted-1");
    expect(response.statusCode).toBe(415);
    const last = world.store.db
      .prepare("SELECT request_id, actor_name, keypair_names FROM audit ORDER BY id DESC LIMIT 1")
      .get();
    expect(last).toEqual({
      request_id: response.headers["x-request-id"],
      actor_name: "acme/alice",
      keypair_names: "[]",
    });
  });

  it("writes one audit record per success, with names and fingerprints but no key material or token", async () => {
    const response = await batchExport(batch(["hosted-2", "hosted-3"]));
    expect(response.statusCode).toBe(200);
    const record = world.store.db
      .prepare("SELECT * FROM audit ORDER BY id DESC LIMIT 1")
      .get() as Record<string, string>;
    expect(record.outcome).toBe("success");
    expect(record.request_id).toBe(response.headers["x-request-id"]);
    expect(JSON.parse(record.keypair_names ?? "")).toEqual(["hosted-2", "hosted-3"]);
    expect(JSON.parse(record.fingerprints ?? "")).toHaveLength(2);
    expect(record.actor_name).toBe("acme/alice");
    const all = JSON.stringify(world.store.db.prepare("SELECT * FROM audit").all());
    expect(all).not.toContain("PRIVATE KEY");
    expect(all).not.toContain(alice);
  });

  it("sends no key when the audit record cannot be written (fail closed)", async () => {
    const { db } = world.store;
    db.exec(
      "CREATE TRIGGER audit_broken BEFORE INSERT ON audit WHEN NEW.outcome = 'success' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    try {
      const response = await batchExport(batch(["hosted-4"]));
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain("PRIVATE KEY");
      expect(response.body).not.toContain("disk full");
      expect(response.json()).toEqual({ error_code: "KPS.0004", error_msg: "Response error" });
    } finally {
      db.exec("DROP TRIGGER audit_broken");
    }
  });

  it("answers concurrent exports each on its own merits, each audited once", async () => {
    const [valid, unknown] = await Promise.all([
      batchExport(batch(["hosted-5", "hosted-6"])),
      batchExport(batch(["hosted-7", "no-such-key"])),
    ]);
    expect(valid.statusCode).toBe(200);
    expect(Object.keys((await JSZip.loadAsync(valid.rawPayload)).files).sort()).toEqual([
      "hosted-5.pem",
      "hosted-6.pem",
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error_code).toBe("KPS.4016");
    const outcome = (response: { headers: Record<string, unknown> }) =>
      world.store.db
        .prepare("SELECT outcome, error_code FROM audit WHERE request_id = ?")
        .all(response.headers["x-request-id"]);
    expect(outcome(valid)).toEqual([{ outcome: "success", error_code: null }]);
    expect(outcome(unknown)).toEqual([{ outcome: "failure", error_code: "KPS.4016" }]);
  });

  it("sends no key to any concurrent export while the audit table refuses writes", async () => {
    const { db } = world.store;
    db.exec(
      "CREATE TRIGGER audit_read_only BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'read-only'); END",
    );
    try {
      const responses = await Promise.all([
        batchExport(batch(["hosted-8"])),
        batchExport(batch(["hosted-9", "hosted-10"])),
        batchExport(batch(["no-such-key"])),
      ]);
      expect(responses.map((response) => response.statusCode)).toEqual([500, 500, 400]);
      for (const response of responses) {
        expect(response.body.startsWith("PK")).toBe(false);
        expect(response.body).not.toContain("PRIVATE KEY");
      }
    } finally {
      db.exec("DROP TRIGGER audit_read_only");
    }
  });

  it("limits exports per actor with 429 and Retry-After, leaving other actors alone", async () => {
    const limited = await createTestWorld({ exportRateLimit: 3 });
    try {
      const [aliceToken, carolToken] = [await limited.token("alice"), await limited.token("carol")];
      const send = (token: string) =>
        limited.app.inject({
          method: "POST",
          url: `/v3/${limited.projects.main}/keypairs/private-key/batch-export`,
          headers: { "x-auth-token": token },
          payload: batch(["hosted-1"]),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await send(aliceToken)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const throttled = await send(aliceToken);
      expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
      expect(throttled.json().error_code).toBe("APIGW.0308");
      expect((await send(carolToken)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
