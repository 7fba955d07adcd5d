// Issue 15: every export attempt, batch and single, records the reason it carried, whatever its
// outcome; a server that requires one refuses an export without it, and a hostile reason
// (control characters, direction overrides, 10 KB, broken encoding) is refused and never stored
// as sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../iam/tokens.ts";
import { ed25519Pair } from "../testing/ssh-pairs.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let tokens: { alice: string; bob: string; aliceOther: string; stale: string };

const REASON = "Ticket SUP-1234: customer asked for the web keys (été ✓)";
const encoded = (text: string) => encodeURIComponent(text);

beforeAll(async () => {
  world = await createTestWorld({ exportReason: "required", exportRateLimit: 10_000 });
  const stale = await world.token("alice");
  world.store.db
    .prepare("UPDATE tokens SET auth_at = ? WHERE hash = ?")
    .run(Date.now() - 3_600_000, hashToken(stale));
  tokens = {
    alice: await world.token("alice"),
    bob: await world.token("bob"),
    aliceOther: await world.token("alice", "other"),
    stale,
  };
});
afterAll(() => world.close());

let sequence = 0;
async function exportWith(
  options: {
    token?: string;
    reason?: string;
    names?: string[];
    single?: boolean;
    project?: string;
    contentType?: string;
  } = {},
) {
  const names = options.names ?? ["hosted-1"];
  sequence += 1;
  const headers: Record<string, string> = { "x-test": `reason-${sequence}` };
  if (options.token) headers["x-auth-token"] = options.token;
  if (options.reason !== undefined) headers["x-export-reason"] = options.reason;
  headers["content-type"] = options.contentType ?? "application/json";
  const response = await world.app.inject({
    method: "POST",
    url: `/v3/${options.project ?? world.projects.main}/keypairs/private-key/${options.single ? "export" : "batch-export"}`,
    headers,
    payload: options.single
      ? JSON.stringify({ keypair: { name: names[0] } })
      : JSON.stringify(names.map((name) => ({ keypair: { name } }))),
  });
  const requestId = response.headers["x-request-id"] as string;
  const rows = world.store.db
    .prepare(
      "SELECT outcome, error_code, reason, status, target_project_id, keypair_names FROM audit WHERE request_id = ?",
    )
    .all(requestId) as {
    outcome: string;
    error_code: string | null;
    reason: string | null;
    status: number;
    target_project_id: string | null;
    keypair_names: string;
  }[];
  return { response, rows };
}

describe("the export reason", () => {
  it("is recorded with a successful batch and single export, decoded from percent-encoded UTF-8", async () => {
    for (const single of [false, true]) {
      const { response, rows } = await exportWith({
        token: tokens.alice,
        reason: encoded(REASON),
        single,
      });
      expect(response.statusCode).toBe(200);
      expect(rows).toEqual([
        {
          outcome: "success",
          error_code: null,
          reason: REASON,
          status: 200,
          target_project_id: world.projects.main,
          keypair_names: '["hosted-1"]',
        },
      ]);
    }
  });

  it("is required by default: missing, too short or too long is 400 with its own code, audited", async () => {
    const cases = [
      { reason: undefined, code: "KPS.7001", recorded: null },
      { reason: "", code: "KPS.7001", recorded: null },
      { reason: encoded("short"), code: "KPS.7002", recorded: "short" },
      { reason: encoded("        x  "), code: "KPS.7002", recorded: "        x  " },
      { reason: encoded("y".repeat(501)), code: "KPS.7002", recorded: "y".repeat(500) },
    ];
    for (const single of [false, true]) {
      for (const { reason, code, recorded } of cases) {
        const { response, rows } = await exportWith({ token: tokens.alice, reason, single });
        expect(response.statusCode, `${reason}`).toBe(400);
        expect(response.json().error_code).toBe(code);
        expect(rows).toEqual([
          expect.objectContaining({
            outcome: "failure",
            error_code: code,
            reason: recorded,
            status: 400,
          }),
        ]);
      }
    }
  });

  it("accepts exactly 8 and exactly 500 characters, counted as characters, not bytes", async () => {
    for (const reason of ["12345678", "é".repeat(500), "😀".repeat(500)]) {
      const { response, rows } = await exportWith({ token: tokens.alice, reason: encoded(reason) });
      expect(response.statusCode).toBe(200);
      expect(rows[0]?.reason).toBe(reason);
    }
  });

  it("refuses control and direction characters, 10 KB, and broken encoding", async () => {
    const hostile = [
      encoded("Ticket 1234\nInjected: line"),
      encoded("Ticket 1234\u0000 null"),
      encoded("Ticket \u202egnp.exe 1234"),
      encoded("Ticket \u2066isolate\u2069 1234"),
      encoded("x".repeat(10 * 1024)),
      "x".repeat(10 * 1024),
      "Ticket %E0%A4%A 1234",
      "Ticket %FF%FE 12345",
    ];
    for (const reason of hostile) {
      const { response, rows } = await exportWith({ token: tokens.alice, reason });
      expect(response.statusCode, reason.slice(0, 40)).toBe(400);
      expect(response.json().error_code).toBe("KPS.7002");
      const [row] = rows;
      expect(row?.outcome).toBe("failure");
      // What was tried is kept, bounded and defused: no control characters reach the audit.
      expect([...(row?.reason ?? "")].length).toBeLessThanOrEqual(500);
      expect(row?.reason ?? "").not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
    }
  });

  it("refuses and redacts key material or the caller's own token pasted into the reason", async () => {
    for (const pasted of [
      `Ticket 1: ${tokens.alice}`,
      // A real key made now, pasted on one line (a line break would be refused first).
      `Ticket 2: ${ed25519Pair().privateKey.trim().replaceAll("\n", " ")}`,
      "Ticket 3: openssh-key-v1 leaked",
    ]) {
      const { response, rows } = await exportWith({ token: tokens.alice, reason: encoded(pasted) });
      expect(response.statusCode).toBe(400);
      expect(response.json().error_code).toBe("KPS.7002");
      const recorded = rows[0]?.reason ?? "";
      expect(recorded).toContain("[redacted]");
      expect(recorded).not.toContain(tokens.alice);
      expect(recorded).not.toMatch(/-----BEGIN|PRIVATE KEY|openssh-key-v1/i);
    }
  });

  it("is recorded with every other refusal too", async () => {
    const reason = encoded("Ticket SUP-9: check the refusals");
    const cases = [
      { options: { names: ["nope"] }, status: 400, code: "KPS.4016" },
      { options: { names: ["plain"] }, status: 400, code: "KPS.6005" },
      { options: { names: ["frozen"] }, status: 403, code: "KPS.9004" },
      { options: { names: ["carol-own"] }, status: 400, code: "KPS.4016" },
      { options: { names: ["hosted-1", "hosted-1"] }, status: 400, code: "KPS.0002" },
      { options: { token: tokens.bob }, status: 403, code: "KPS.9003" },
      { options: { token: tokens.aliceOther }, status: 403, code: "KPS.9003" },
      { options: { token: tokens.stale }, status: 403, code: "KPS.7003" },
      { options: { contentType: "text/plain" }, status: 415, code: "KPS.0002" },
    ];
    for (const { options, status, code } of cases) {
      const { response, rows } = await exportWith({ token: tokens.alice, reason, ...options });
      expect(response.statusCode, code).toBe(status);
      expect(response.json().error_code).toBe(code);
      expect(rows, code).toEqual([
        expect.objectContaining({
          outcome: "failure",
          error_code: code,
          status,
          reason: "Ticket SUP-9: check the refusals",
          target_project_id: world.projects.main,
        }),
      ]);
    }
  });

  it("is recorded when SQLite rolls the whole group back", async () => {
    const { db } = world.store;
    db.exec(`CREATE TRIGGER audit_rollback_reason AFTER INSERT ON audit
               WHEN NEW.outcome = 'success' AND NEW.reason = 'Ticket SUP-77: roll me back'
               BEGIN SELECT RAISE(ROLLBACK, 'disk full'); END`);
    try {
      const { response, rows } = await exportWith({
        token: tokens.alice,
        reason: encoded("Ticket SUP-77: roll me back"),
      });
      expect(response.statusCode).toBe(500);
      expect(response.json().error_code).toBe("KPS.0004");
      expect(rows).toEqual([
        expect.objectContaining({
          outcome: "failure",
          error_code: "KPS.0004",
          status: 500,
          reason: "Ticket SUP-77: roll me back",
        }),
      ]);
    } finally {
      db.exec("DROP TRIGGER audit_rollback_reason");
    }
  });

  it("is ignored when the server hides the field, and optional when it says so", async () => {
    const hidden = await createTestWorld({ exportReason: "hidden" });
    const optional = await createTestWorld({ exportReason: "optional" });
    try {
      for (const [target, sent, status, recorded] of [
        [hidden, undefined, 200, null],
        [hidden, encoded("Ticket 1234\nnewline"), 200, null],
        [optional, undefined, 200, null],
        [optional, encoded("Ticket OPT-1 given"), 200, "Ticket OPT-1 given"],
        [optional, encoded("short"), 400, "short"],
      ] as const) {
        const response = await target.app.inject({
          method: "POST",
          url: `/v3/${target.projects.main}/keypairs/private-key/export`,
          headers: {
            "x-auth-token": await target.token("alice"),
            ...(sent === undefined ? {} : { "x-export-reason": sent }),
          },
          payload: { keypair: { name: "hosted-1" } },
        });
        expect(response.statusCode).toBe(status);
        const row = target.store.db
          .prepare("SELECT reason FROM audit WHERE request_id = ?")
          .get(response.headers["x-request-id"]) as { reason: string | null };
        expect(row.reason).toBe(recorded);
      }
    } finally {
      await hidden.close();
      await optional.close();
    }
  });

  it("is told to the console in GET /console/setup", async () => {
    const response = await world.app.inject({ method: "GET", url: "/console/setup" });
    expect(response.json()).toMatchObject({
      exportReason: "required",
      exportFreshAuthSeconds: 300,
    });
  });
});
