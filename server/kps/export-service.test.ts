// Export attempts started in the same turn share one commit: each must still succeed or fail on
// its own, be audited on its own, and send nothing unless its audit record is durable.
import type { FastifyRequest } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiFailure } from "../http/errors.ts";
import { type Caller, resolveToken } from "../iam/tokens.ts";
import { GroupCommit } from "../store/group-commit.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";
import { ExportRateLimit } from "./export-rate-limit.ts";
import { ExportService } from "./export-service.ts";

let world: TestWorld;
let service: ExportService;
let caller: Caller;

beforeAll(async () => {
  world = await createTestWorld();
  const { db, vault } = world.store;
  service = new ExportService(db, vault, new ExportRateLimit(10_000), new GroupCommit(db));
  const found = resolveToken(db, await world.token("alice"));
  if (!found) throw new Error("no caller");
  caller = found;
});
afterAll(() => world.close());

const request = (id: string) =>
  ({
    id,
    ip: "127.0.0.1",
    headers: { "x-export-reason": encodeURIComponent("Ticket SUP-42: rotate keys") },
    log: { error: () => {} },
  }) as unknown as FastifyRequest;

/** Starts an attempt without awaiting it, so attempts started together share a group. */
const attempt = (id: string, names: string[]) =>
  service.run(
    request(id),
    "batch-export",
    () => caller,
    () => names,
  );

const auditOf = (id: string) =>
  world.store.db
    .prepare("SELECT outcome, error_code, keypair_names FROM audit WHERE request_id = ?")
    .all(id);

const failureCode = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === "rejected" && outcome.reason instanceof ApiFailure
    ? outcome.reason.code
    : outcome.status;

/** Two attempts in one group whose commit fails: both refused, each with one failure record. */
async function expectBothFailedOnce(...attempts: [id: string, name: string][]) {
  const outcomes = await Promise.allSettled(attempts.map(([id, name]) => attempt(id, [name])));
  expect(outcomes.map(failureCode)).toEqual(["KPS.0004", "KPS.0004"]);
  for (const [id, name] of attempts) {
    expect(auditOf(id)).toEqual([
      { outcome: "failure", error_code: "KPS.0004", keypair_names: JSON.stringify([name]) },
    ]);
  }
}

describe("export attempts in one group", () => {
  it("succeed or fail each on its own, each audited once", async () => {
    const [valid, unknown] = await Promise.allSettled([
      attempt("req-valid", ["hosted-1", "hosted-2"]),
      attempt("req-unknown", ["hosted-3", "no-such-key"]),
    ]);
    expect(valid.status === "fulfilled" && valid.value.map((key) => key.name)).toEqual([
      "hosted-1",
      "hosted-2",
    ]);
    expect(failureCode(unknown)).toBe("KPS.4016");
    expect(auditOf("req-valid")).toEqual([
      { outcome: "success", error_code: null, keypair_names: '["hosted-1","hosted-2"]' },
    ]);
    expect(auditOf("req-unknown")).toEqual([
      { outcome: "failure", error_code: "KPS.4016", keypair_names: '["hosted-3","no-such-key"]' },
    ]);
  });

  it("keeps the first failing name in request order deciding the error", async () => {
    const outcomes = await Promise.allSettled([
      attempt("req-order-1", ["plain", "no-such-key"]),
      attempt("req-order-2", ["frozen", "plain"]),
      attempt("req-order-3", ["no-such-key", "frozen"]),
    ]);
    expect(outcomes.map(failureCode)).toEqual(["KPS.6005", "KPS.9004", "KPS.4016"]);
  });

  it("sends no key to any member when the group's commit fails, and records the failures", async () => {
    const { db } = world.store;
    // A deferred foreign key is checked at COMMIT, so one member's success record makes the
    // whole group's commit fail.
    db.exec(`CREATE TABLE poison_parent (id INTEGER PRIMARY KEY);
             CREATE TABLE poison_child (parent_id INTEGER REFERENCES poison_parent(id) DEFERRABLE INITIALLY DEFERRED);
             CREATE TRIGGER audit_poison AFTER INSERT ON audit
               WHEN NEW.request_id = 'req-poison' AND NEW.outcome = 'success'
               BEGIN INSERT INTO poison_child VALUES (42); END`);
    try {
      await expectBothFailedOnce(["req-innocent", "hosted-4"], ["req-poison", "hosted-5"]);
    } finally {
      db.exec("DROP TRIGGER audit_poison; DROP TABLE poison_child; DROP TABLE poison_parent");
    }
  });

  it("audits each attempt once, with who and what, when SQLite rolls the whole group back", async () => {
    const { db } = world.store;
    // RAISE(ROLLBACK) ends the transaction the way SQLITE_FULL or an I/O error does: the
    // attempt that hit it and every attempt queued after it are rolled back with it.
    db.exec(`CREATE TRIGGER audit_rollback AFTER INSERT ON audit
               WHEN NEW.request_id = 'req-rollback' AND NEW.outcome = 'success'
               BEGIN SELECT RAISE(ROLLBACK, 'disk full'); END`);
    try {
      await expectBothFailedOnce(["req-rollback", "hosted-6"], ["req-after-rollback", "hosted-7"]);
      const actors = db
        .prepare("SELECT DISTINCT actor_name FROM audit WHERE request_id LIKE 'req-%rollback'")
        .all();
      expect(actors).toEqual([{ actor_name: `${caller.domainName}/${caller.userName}` }]);
    } finally {
      db.exec("DROP TRIGGER audit_rollback");
    }
  });
});
