// Reads hosted private keys for export, all or nothing. The audit record of a success is written
// in the same transaction that reads the ciphertexts: if it cannot be written, no key leaves
// (fail closed). Every failure is audited too, whatever stopped it.
//
// Attempts share transactions through group commit: an attempt settles only once the commit
// holding its audit record has succeeded, so no key bytes leave before that record is durable.
import type { FastifyRequest } from "fastify";
import {
  DEFAULT_EXPORT_POLICY,
  EXPORT_AUDIT_ERRORS,
  type ExportPolicy,
} from "../../contract/export-audit.ts";
import { PROJECT_ID_PATTERN } from "../../contract/kps.ts";
import { ApiFailure, kpsError } from "../http/errors.ts";
import { type Caller, callerMay } from "../iam/tokens.ts";
import { AuditGate } from "../limits/audit-gate.ts";
import type { Db } from "../store/database.ts";
import type { GroupCommit } from "../store/group-commit.ts";
import { type AuditRecord, actorFields, orNull, writeAudit } from "./audit-log.ts";
import { type ExportRateLimit, throttled } from "./export-rate-limit.ts";
import { carriedNames, checkedReason, recordedReason } from "./export-reason.ts";
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
    private readonly policy: ExportPolicy = DEFAULT_EXPORT_POLICY,
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
    // Whatever the outcome, the record says what reason was given.
    const reason = recordedReason(
      request.headers["x-export-reason"],
      this.policy.reasonMode,
      tokenOf(request),
    );
    const record = (
      outcome: AuditRecord["outcome"],
      failure: ApiFailure | null,
      fingerprints: string[],
    ) => auditRecord(request, operation, caller, names, outcome, failure, fingerprints, reason);
    const auditFailure = (failure: ApiFailure) => {
      try {
        const failureRecord = record("failure", failure, []);
        if (this.gate.admit(failureRecord)) writeAudit(this.db, failureRecord);
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
          this.checkStepUp(request, caller);
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
          auditFailure(error instanceof ApiFailure ? error : kpsError("KPS.0004"));
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
          auditFailure(kpsError("KPS.0004"));
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
    failure: ApiFailure,
  ): Promise<void> {
    const record = auditRecord(
      request,
      operation,
      orNull(authenticate) ?? tokenCaller(request, this.db),
      carriedNames(request.body),
      "failure",
      failure,
      [],
      recordedReason(request.headers["x-export-reason"], this.policy.reasonMode, tokenOf(request)),
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

  /**
   * The reason (when the server asks for one) and a recent password check, after the
   * permission: telling a user who may not export to sign in again would help nobody.
   */
  private checkStepUp(request: FastifyRequest, caller: Caller): void {
    checkedReason(request.headers["x-export-reason"], this.policy.reasonMode, tokenOf(request));
    const ageMs = Date.now() - caller.authenticatedAt;
    if (ageMs > this.policy.freshAuthSeconds * 1000)
      // 403, not 401: the console reads 401 as "the session is over"; this one only needs the
      // password (and code) again for a fresh token.
      throw new ApiFailure(
        403,
        EXPORT_AUDIT_ERRORS.freshAuthRequired,
        `Sign in again to export: the password was last checked more than ${this.policy.freshAuthSeconds} seconds ago.`,
      );
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
  failure: ApiFailure | null,
  fingerprints: string[],
  reason: string | null,
): AuditRecord {
  return {
    requestId: request.id,
    operation,
    ...actorFields(caller),
    names,
    fingerprints,
    outcome,
    errorCode: failure?.code ?? null,
    status: failure?.status ?? 200,
    clientAddress: request.ip,
    reason,
    targetProjectId: pathProject(request),
  };
}

function tokenOf(request: FastifyRequest): string | undefined {
  const token = request.headers["x-auth-token"];
  return typeof token === "string" ? token : undefined;
}

/** The project the path names, kept only when it is shaped like a project id. */
function pathProject(request: FastifyRequest): string | null {
  const project = (request.params as { project_id?: unknown } | undefined)?.project_id;
  return typeof project === "string" && PROJECT_ID_PATTERN.test(project) ? project : null;
}
