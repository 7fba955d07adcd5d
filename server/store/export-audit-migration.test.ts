// Migration 005 on a store written before issue 15: its export records show in the history of
// the project they were made in, with their names indexed, and nothing else changes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { findTraces } from "../cts/trace-query.ts";
import { openDatabase } from "./database.ts";

const migrations = join(import.meta.dirname, "migrations");
const BEFORE = ["001-init.sql", "002-names-per-owner.sql", "003-limits.sql", "004-access-keys.sql"];

describe("migration 005 on an older store", () => {
  it("files earlier export records under their project, names indexed", () => {
    const dir = mkdtempSync(join(tmpdir(), "kps-migrate-"));
    const file = join(dir, "kps.sqlite");
    try {
      const old = new Database(file);
      old.exec("CREATE TABLE migrations (name TEXT PRIMARY KEY)");
      for (const name of BEFORE) {
        old.exec(readFileSync(join(migrations, name), "utf8"));
        old.prepare("INSERT INTO migrations (name) VALUES (?)").run(name);
      }
      const insert = old.prepare(
        `INSERT INTO audit (time, request_id, operation, actor_user_id, actor_name, project_id,
                            keypair_names, fingerprints, outcome, error_code, client_address)
         VALUES (?, ?, ?, 'u1', 'acme/alice', ?, ?, '[]', ?, ?, '127.0.0.1')`,
      );
      insert.run(
        "2026-01-01T00:00:00.000Z",
        "r1",
        "batch-export",
        "p1",
        '["a","b"]',
        "success",
        null,
      );
      insert.run("2026-01-02T00:00:00.000Z", "r2", "export", "p1", '["b"]', "failure", "KPS.4016");
      insert.run(
        "2026-01-03T00:00:00.000Z",
        "r3",
        "export",
        null,
        '["c"]',
        "failure",
        "APIGW.0301",
      );
      old.close();

      const db = openDatabase(file);
      try {
        const rows = findTraces(db, { projectId: "p1", limit: 10 });
        expect(rows.map((row) => [row.request_id, row.status, row.reason])).toEqual([
          ["r2", null, null],
          ["r1", 200, null],
        ]);
        expect(findTraces(db, { projectId: "p1", keypairName: "b", limit: 10 })).toHaveLength(2);
        expect(findTraces(db, { projectId: "p1", keypairName: "a", limit: 10 })).toHaveLength(1);
        const anonymous = db.prepare("SELECT target_project_id FROM audit WHERE request_id = 'r3'");
        expect(anonymous.get()).toEqual({ target_project_id: null });
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
