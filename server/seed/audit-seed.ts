// Many export-audit rows at once, for the history's benchmark and its index test: one
// transaction, straight inserts, times rising with ids over the last `spanDays` as real records
// do. Never key material: names, fingerprints-free rows, reasons made of words.
import type { Db } from "../store/database.ts";

export type AuditSeedActor = { userId: string; name: string };

export type AuditSeedOptions = {
  projectId: string;
  actors: AuditSeedActor[];
  count: number;
  /** Key-pair names the attempts ask for, a few at a time. */
  keypairNames: string[];
  spanDays?: number;
  now?: number;
};

const OUTCOMES = [
  { outcome: "success", code: null, status: 200 },
  { outcome: "failure", code: "KPS.4016", status: 400 },
  { outcome: "failure", code: "KPS.7003", status: 403 },
  { outcome: "failure", code: "KPS.0004", status: 500 },
] as const;

export function seedAuditRows(db: Db, options: AuditSeedOptions): number {
  const { projectId, actors, count, keypairNames } = options;
  if (actors.length === 0 || keypairNames.length === 0) throw new Error("nothing to seed with");
  const now = options.now ?? Date.now();
  const spanMs = (options.spanDays ?? 90) * 24 * 3_600_000;
  const insert = db.prepare(
    `INSERT INTO audit (time, request_id, operation, actor_user_id, actor_name, project_id,
                        keypair_names, fingerprints, outcome, error_code, client_address, attempts,
                        reason, target_project_id, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, 1, ?, ?, ?)`,
  );
  const name = db.prepare(
    "INSERT OR IGNORE INTO audit_names (audit_id, target_project_id, name) VALUES (?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const actor = actors[i % actors.length] as AuditSeedActor;
      // Mostly successes, as a real history is: one refusal in seven, one incident in 97.
      const kind = OUTCOMES[i % 97 === 0 ? 3 : i % 7 === 0 ? 1 + (i % 2) : 0] ?? OUTCOMES[0];
      const size = 1 + (i % 3);
      const names = Array.from(
        { length: size },
        (_, j) => keypairNames[(i * 7 + j) % keypairNames.length] as string,
      );
      const unique = [...new Set(names)];
      const time = new Date(now - spanMs + Math.floor((spanMs * i) / count)).toISOString();
      const { lastInsertRowid } = insert.run(
        time,
        `seed${i.toString(16).padStart(28, "0")}`,
        unique.length === 1 ? "export" : "batch-export",
        actor.userId,
        actor.name,
        projectId,
        JSON.stringify(unique),
        kind.outcome,
        kind.code,
        `10.0.${(i >> 8) & 255}.${i & 255}`,
        `Ticket SUP-${10_000 + i}: export requested by the customer`,
        projectId,
        kind.status,
      );
      for (const keypair of unique) name.run(lastInsertRowid, projectId, keypair);
    }
  })();
  return count;
}
