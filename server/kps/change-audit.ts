// Host, replace, clear and delete are audited like exports: one record per attempt with actor,
// project, key name, fingerprint, outcome, error code, client address and request id; never key
// material. The change and its success record commit in one transaction, so a change that
// cannot be audited does not happen. Attempts whose token does not resolve leave no record:
// they change nothing, and durable writes for unauthenticated callers are what the audit-flood
// limit guards against (issue 10, finding 6).
import { ApiFailure } from "../http/errors.ts";
import type { Caller } from "../iam/tokens.ts";
import type { Db } from "../store/database.ts";
import {
  type AuditRecord,
  actorFields,
  type KeyChangeOperation,
  orNull,
  writeAudit,
} from "./audit-log.ts";

export type RequestInfo = {
  requestId: string;
  clientAddress: string;
  log?: (error: unknown) => void;
};

/** What an attempt has learnt so far; filled in by the attempt as it goes. */
export type ChangeNote = {
  operation: KeyChangeOperation;
  caller: Caller | null;
  name: string | null;
  fingerprint: string | null;
};

/**
 * `prepare` authorizes and validates (outside any transaction: parsing and proving a key take
 * milliseconds) and returns the write; `identify` names the actor of a refusal that came before
 * the attempt knew its caller (a token of another project).
 */
export async function auditedChange<T>(
  db: Db,
  info: RequestInfo,
  note: ChangeNote,
  identify: () => Caller | null,
  prepare: () => Promise<() => T> | (() => T),
): Promise<T> {
  try {
    const write = await prepare();
    return db.transaction(() => {
      const result = write();
      writeAudit(db, record(info, note, "success", null));
      return result;
    })();
  } catch (error) {
    note.caller ??= orNull(identify);
    if (note.caller) {
      try {
        const code = error instanceof ApiFailure ? error.code : "KPS.0004";
        writeAudit(db, record(info, note, "failure", code));
      } catch (auditError) {
        info.log?.(auditError);
      }
    }
    throw error;
  }
}

function record(
  info: RequestInfo,
  note: ChangeNote,
  outcome: AuditRecord["outcome"],
  errorCode: string | null,
): AuditRecord {
  return {
    requestId: info.requestId,
    operation: note.operation,
    ...actorFields(note.caller),
    names: note.name ? [note.name] : [],
    fingerprints: note.fingerprint ? [note.fingerprint] : [],
    outcome,
    errorCode,
    clientAddress: info.clientAddress,
  };
}
