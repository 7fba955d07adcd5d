// The export audit trail: who asked for which keys, when, from where, and what happened.
// Never key material, never a token.
import type { Caller } from "../iam/tokens.ts";
import type { Db } from "../store/database.ts";
import { sql } from "../store/statements.ts";

/** Changes to a hosted key (issue 10), audited like exports: server/kps/change-audit.ts. */
export type KeyChangeOperation =
  | "host-private-key"
  | "replace-private-key"
  | "clear-private-key"
  | "delete-keypair";

export type AuditRecord = {
  requestId: string;
  operation: "export" | "batch-export" | KeyChangeOperation;
  actorUserId: string | null;
  actorName: string | null;
  projectId: string | null;
  names: string[];
  fingerprints: string[];
  outcome: "success" | "failure";
  errorCode: string | null;
  clientAddress: string;
  /** How many attempts the row stands for: more than 1 only for a flood's summary row. */
  attempts?: number;
  /** What the requester gave in X-Export-Reason (export-reason.ts); exports only. */
  reason?: string | null;
  /** The project the request's path named, when it is a project id: the history's key. */
  targetProjectId?: string | null;
  /** The HTTP status the attempt was answered with. */
  status?: number | null;
};

/** Who an attempt's record names: the token's owner, whichever route the attempt took. */
export function actorFields(
  caller: Caller | null,
): Pick<AuditRecord, "actorUserId" | "actorName" | "projectId"> {
  return {
    actorUserId: caller?.userId ?? null,
    actorName: caller ? `${caller.domainName}/${caller.userName}` : null,
    projectId: caller?.projectId ?? null,
  };
}

/** A read that may throw (authenticate, parse), for the record of an attempt it refused. */
export function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export function writeAudit(db: Db, record: AuditRecord, now = new Date()): void {
  const { lastInsertRowid } = sql(
    db,
    `INSERT INTO audit (time, request_id, operation, actor_user_id, actor_name, project_id, keypair_names,
                        fingerprints, outcome, error_code, client_address, attempts, reason,
                        target_project_id, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    now.toISOString(),
    record.requestId,
    record.operation,
    record.actorUserId,
    record.actorName,
    record.projectId,
    JSON.stringify(record.names),
    JSON.stringify(record.fingerprints),
    record.outcome,
    record.errorCode,
    record.clientAddress,
    record.attempts ?? 1,
    record.reason ?? null,
    record.targetProjectId ?? null,
    record.status ?? (record.outcome === "success" ? 200 : null),
  );
  if (!record.targetProjectId) return;
  const name = sql(
    db,
    "INSERT OR IGNORE INTO audit_names (audit_id, target_project_id, name) VALUES (?, ?, ?)",
  );
  for (const keypair of record.names) name.run(lastInsertRowid, record.targetProjectId, keypair);
}

/** Retention: rows older than the cut-off go; returns how many. */
export function deleteAuditBefore(db: Db, cutoff: Date): number {
  return sql(db, "DELETE FROM audit WHERE time < ?").run(cutoff.toISOString()).changes;
}
