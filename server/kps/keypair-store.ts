// SQL for key pairs, always filtered to what the caller may see: a project's domain-scope key
// pairs and the caller's own user-scope ones. A foreign key pair is indistinguishable from none.
// Names are unique among what one user sees (migration 002): when another user created a domain
// key pair under the name of this user's private one, this user's own key pair wins, so nobody
// can hide a user's key from them by naming a shared one after it, and a name means one row.
import type { Db } from "../store/database.ts";
import { sql } from "../store/statements.ts";

export type KeypairRow = {
  id: number;
  project_id: string;
  name: string;
  type: string;
  scope: "domain" | "user";
  user_id: string;
  algorithm: string | null;
  public_key: string;
  fingerprint: string;
  description: string;
  frozen_state: number;
  create_time: number;
  update_time: number | null;
  hosted: 0 | 1;
};

export type Viewer = { projectId: string; userId: string };

const SELECT = `SELECT k.*, EXISTS (SELECT 1 FROM private_keys p WHERE p.keypair_id = k.id) AS hosted FROM keypairs k`;
const VISIBLE = `k.project_id = @projectId AND (
  (k.scope = 'user' AND k.user_id = @userId) OR
  (k.scope = 'domain' AND NOT EXISTS (
     SELECT 1 FROM keypairs own WHERE own.project_id = k.project_id AND own.name = k.name
        AND own.scope = 'user' AND own.user_id = @userId)))`;

export function listVisible(
  db: Db,
  viewer: Viewer,
  marker: string | undefined,
  limit: number,
): KeypairRow[] {
  return sql(
    db,
    `${SELECT} WHERE ${VISIBLE} AND k.name > @marker ORDER BY k.name LIMIT @limit`,
  ).all({ ...viewer, marker: marker ?? "", limit }) as KeypairRow[];
}

export function findVisible(db: Db, viewer: Viewer, name: string): KeypairRow | undefined {
  return sql(db, `${SELECT} WHERE ${VISIBLE} AND k.name = @name`).get({ ...viewer, name }) as
    | KeypairRow
    | undefined;
}

export type ExportableRow = Pick<
  KeypairRow,
  "id" | "project_id" | "name" | "fingerprint" | "frozen_state"
> & {
  /** Null when no private key is hosted. */
  wrapped_key: Buffer | null;
  sealed: Buffer | null;
};

/** The visible key pairs among `names` with their sealed keys, in one query (absent ones omitted). */
export function findExportable(db: Db, viewer: Viewer, names: string[]): ExportableRow[] {
  return sql(
    db,
    `SELECT k.id, k.project_id, k.name, k.fingerprint, k.frozen_state, p.wrapped_key, p.sealed
       FROM keypairs k LEFT JOIN private_keys p ON p.keypair_id = k.id
      WHERE ${VISIBLE} AND k.name IN (SELECT value FROM json_each(@names))`,
  ).all({ ...viewer, names: JSON.stringify(names) }) as ExportableRow[];
}

/**
 * Whether the viewer already sees a key pair of this name. Rows the viewer cannot see never
 * count, so a create cannot reveal another user's private key pair.
 */
export function nameTaken(db: Db, viewer: Viewer, name: string): boolean {
  return findVisible(db, viewer, name) !== undefined;
}

export type NewKeypair = Omit<
  KeypairRow,
  "id" | "hosted" | "update_time" | "description" | "frozen_state"
> & {
  description?: string;
  frozen_state?: number;
};

export function insertKeypair(db: Db, row: NewKeypair): number {
  const result = sql(
    db,
    `INSERT INTO keypairs (project_id, name, type, scope, user_id, algorithm, public_key, fingerprint,
                             description, frozen_state, create_time)
       VALUES (@project_id, @name, @type, @scope, @user_id, @algorithm, @public_key, @fingerprint,
               @description, @frozen_state, @create_time)`,
  ).run({ description: "", frozen_state: 0, ...row });
  return Number(result.lastInsertRowid);
}

export function updateDescription(db: Db, id: number, description: string, now: number): void {
  sql(db, "UPDATE keypairs SET description = ?, update_time = ? WHERE id = ?").run(
    description,
    now,
    id,
  );
}

export function deleteKeypair(db: Db, id: number): void {
  sql(db, "DELETE FROM keypairs WHERE id = ?").run(id);
}

export type SealedRow = { wrapped_key: Buffer; sealed: Buffer; format_version: number };

export function writeSealed(db: Db, keypairId: number, sealed: SealedRow, now: number): void {
  sql(
    db,
    `INSERT INTO private_keys (keypair_id, format_version, wrapped_key, sealed) VALUES (?, ?, ?, ?)
     ON CONFLICT (keypair_id) DO UPDATE SET format_version = excluded.format_version,
       wrapped_key = excluded.wrapped_key, sealed = excluded.sealed`,
  ).run(keypairId, sealed.format_version, sealed.wrapped_key, sealed.sealed);
  sql(db, "UPDATE keypairs SET update_time = ? WHERE id = ?").run(now, keypairId);
}

export function clearSealed(db: Db, keypairId: number, now: number): boolean {
  const cleared =
    sql(db, "DELETE FROM private_keys WHERE keypair_id = ?").run(keypairId).changes > 0;
  if (cleared) sql(db, "UPDATE keypairs SET update_time = ? WHERE id = ?").run(now, keypairId);
  return cleared;
}

/** Old WAL frames still hold deleted pages until a checkpoint rewrites them. */
export function purgeWal(db: Db): void {
  db.pragma("wal_checkpoint(TRUNCATE)");
}
