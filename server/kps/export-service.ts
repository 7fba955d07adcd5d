// Reads hosted private keys for export, all or nothing. The audit record of a success is written
// in the same transaction that reads the ciphertexts: if it cannot be written, no key leaves
// (fail closed). Every failure is audited too, whatever stopped it.
//
// Attempts share transactions through group commit: an attempt settles only once the commit
// holding its audit record has succeeded, so no key bytes leave before that record is durable.
import type { FastifyRequest } from "fastify";
import { ApiFailure, kpsError } from "../http/errors.ts";
import { type Caller, callerMay } from "../iam/tokens.ts";
import { AuditGate } from "../limits/audit-gate.ts";
import type { Db } from "../store/database.ts";
import type { GroupCommit } from "../store/group-commit.ts";
import { type AuditRecord, actorFields, orNull, writeAudit } from "./audit-log.ts";
import { type ExportRateLimit, throttled } from "./export-rate-limit.ts";
import { findExportable } from "./keypair-store.ts";
import { tokenCaller } from "./kps-request.ts";
import type { PrivateKeyVault } from "./private-key-vault.ts";

// The key stays as the bytes it was sealed from: the zip takes them as they are.
export type ExportedKey = { name: string; privateKey: Buffer; fingerprint: string };

type Outcome = { keys: ExportedKey[] } | { error: unknown };

export class ExportService {
  constructor(
    private readonly db: Db,
    private readonly vault: PrivateKeyVault,
    private readonly rateLimit: ExportRateLimit,
    private readonly commits: GroupCommit,
    private readonly gate: AuditGate = new AuditGate(Number.POSITIVE_INFINITY),
  ) {}

  /**
   * Runs one export attempt. `authenticate` and `parseNames` run inside the audited region so
   * that unauthenticated and malformed attempts leave a record as well.
   */
  async run(
    request: FastifyRequest,
    operation: AuditRecord["operation"],
    authenticate: () => Caller,
    parseNames: () => string[],
  ): Promise<ExportedKey[]> {
    let caller: Caller | null = null;
    let names: string[] = [];
    const record = (
      outcome: AuditRecord["outcome"],
      errorCode: string | null,
      fingerprints: string[],
    ) => auditRecord(request, operation, caller, names, outcome, errorCode, fingerprints);
    const auditFailure = (code: string) => {
      try {
        const failure = record("failure", code, []);
        if (this.gate.admit(failure)) writeAudit(this.db, failure);
      } catch (auditError) {
        request.log.error({ err: auditError }, "audit write failed");
      }
    };
    let outcome: Outcome;
    try {
      outcome = await this.commits.run((): Outcome => {
        try {
          // The names are read first, untrusted, only so that every refusal below still says
          // what was asked for; they are parsed again, strictly, before anything is looked up.
          names = orNull(parseNames) ?? carriedNames(request.body);
          try {
            caller = authenticate();
          } catch (error) {
            // A token for another project, say: the record still names who sent it.
            caller = tokenCaller(request, this.db);
            throw error;
          }
          this.admit(caller);
          names = parseNames();
          const keys = this.read(names, caller);
          // The only write of a success, and a statement that fails leaves nothing behind, so
          // the failure record below can follow it in the same transaction.
          writeAudit(
            this.db,
            record(
              "success",
              null,
              keys.map((key) => key.fingerprint),
            ),
          );
          return { keys };
        } catch (error) {
          // SQLite rolled the whole group back (disk full, I/O error): a record written now
          // would be committed on its own, and the group's failure below records it again.
          if (!this.db.inTransaction) throw error;
          auditFailure(error instanceof ApiFailure ? error.code : "KPS.0004");
          return { error };
        }
      });
    } catch (commitError) {
      // The group's commit failed: nothing this attempt wrote is durable, its audit record
      // included. Record the failure on its own and send nothing.
      request.log.error({ err: commitError }, "export commit failed");
      await this.commits
        .run(() => {
          // An attempt queued after a rolled-back one never ran: the record still says who
          // asked for which keys (both are reads; the rate limit is not charged again).
          caller ??= orNull(authenticate) ?? tokenCaller(request, this.db);
          if (names.length === 0) names = orNull(parseNames) ?? carriedNames(request.body);
          auditFailure("KPS.0004");
        })
        .catch((auditError) => {
          request.log.error({ err: auditError }, "audit write failed");
        });
      throw kpsError("KPS.0004");
    }
    if ("error" in outcome) throw outcome.error;
    return outcome.keys;
  }

  /**
   * An attempt the framework refused before the handler ran (bad JSON, 413, 415, a draining
   * server): still one audit record, with the actor when its token resolves, and no names.
   */
  async recordRefused(
    request: FastifyRequest,
    operation: AuditRecord["operation"],
    authenticate: () => Caller,
    errorCode: string,
  ): Promise<void> {
    const record = auditRecord(
      request,
      operation,
      orNull(authenticate) ?? tokenCaller(request, this.db),
      carriedNames(request.body),
      "failure",
      errorCode,
      [],
    );
    if (!this.gate.admit(record)) return;
    await this.commits.run(() => writeAudit(this.db, record));
  }

  /** Writes the summary rows of flood windows that have ended (all of them at shutdown). */
  async flushAuditSummaries(all = false): Promise<void> {
    const summaries = this.gate.drain(all);
    if (summaries.length === 0) return;
    await this.commits.run(() => {
      for (const summary of summaries) writeAudit(this.db, summary);
    });
  }

  private admit(caller: Caller): void {
    const wait = this.rateLimit.take(caller.userId);
    if (wait > 0) throw throttled(wait);
    if (!callerMay(caller, "kps:SSHKeyPair:exportPrivateKey")) throw kpsError("KPS.9003");
  }

  /** The first requested name, in order, that cannot be exported decides the error. */
  private read(names: string[], caller: Caller): ExportedKey[] {
    const viewer = { projectId: caller.projectId, userId: caller.userId };
    const rows = new Map(findExportable(this.db, viewer, names).map((row) => [row.name, row]));
    return names.map((name) => {
      const row = rows.get(name);
      if (!row) throw kpsError("KPS.4016", `The key pair is not exist: ${name}`);
      if (!row.sealed) throw kpsError("KPS.6005", `No private key managed: ${name}`);
      if (row.frozen_state !== 0) throw kpsError("KPS.9004", `The key pair is frozen: ${name}`);
      return { name, privateKey: this.vault.open(row), fingerprint: row.fingerprint };
    });
  }
}

function auditRecord(
  request: FastifyRequest,
  operation: AuditRecord["operation"],
  caller: Caller | null,
  names: string[],
  outcome: AuditRecord["outcome"],
  errorCode: string | null,
  fingerprints: string[],
): AuditRecord {
  return {
    requestId: request.id,
    operation,
    ...actorFields(caller),
    names,
    fingerprints,
    outcome,
    errorCode,
    clientAddress: request.ip,
  };
}

const MAX_RECORDED_NAMES = 100;

/**
 * The key names a body carries, read leniently and never trusted: only for the record of a
 * refused attempt, cut to the longest valid name and a bounded count.
 */
function carriedNames(body: unknown): string[] {
  const items = Array.isArray(body) ? body : [body];
  const names: string[] = [];
  for (const item of items.slice(0, MAX_RECORDED_NAMES)) {
    const name = (item as { keypair?: { name?: unknown } } | null)?.keypair?.name;
    if (typeof name === "string") names.push(name.slice(0, 255));
  }
  return names;
}
