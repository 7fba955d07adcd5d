// Reads hosted private keys for export, all or nothing. The audit record of a success is written
// in the same transaction that reads the ciphertexts: if it cannot be written, no key leaves
// (fail closed). Every failure is audited too, whatever stopped it.
import type { FastifyRequest } from "fastify";
import { ApiFailure, kpsError } from "../http/errors.ts";
import { type Caller, callerMay } from "../iam/tokens.ts";
import type { Db } from "../store/database.ts";
import { type AuditRecord, writeAudit } from "./audit-log.ts";
import type { ExportRateLimit } from "./export-rate-limit.ts";
import { findVisible } from "./keypair-store.ts";
import type { PrivateKeyVault } from "./private-key-vault.ts";

export type ExportedKey = { name: string; privateKey: string; fingerprint: string };

export class ExportService {
  constructor(
    private readonly db: Db,
    private readonly vault: PrivateKeyVault,
    private readonly rateLimit: ExportRateLimit,
  ) {}

  /**
   * Runs one export attempt. `authenticate` and `parseNames` run inside the audited region so
   * that unauthenticated and malformed attempts leave a record as well.
   */
  run(
    request: FastifyRequest,
    operation: AuditRecord["operation"],
    authenticate: () => Caller,
    parseNames: () => string[],
  ): ExportedKey[] {
    let caller: Caller | null = null;
    let names: string[] = [];
    const record = (
      outcome: AuditRecord["outcome"],
      errorCode: string | null,
      fingerprints: string[],
    ) => ({
      requestId: request.id,
      operation,
      actorUserId: caller?.userId ?? null,
      actorName: caller ? `${caller.domainName}/${caller.userName}` : null,
      projectId: caller?.projectId ?? null,
      names,
      fingerprints,
      outcome,
      errorCode,
      clientAddress: request.ip,
    });
    try {
      caller = authenticate();
      const wait = this.rateLimit.take(caller.userId);
      if (wait > 0) {
        throw new ApiFailure(
          429,
          "APIGW.0308",
          "The request is throttled. Try again later.",
          "gateway",
          {
            "Retry-After": String(wait),
          },
        );
      }
      if (!callerMay(caller, "kps:SSHKeyPair:exportPrivateKey")) throw kpsError("KPS.9003");
      names = parseNames();
      const viewer = { projectId: caller.projectId, userId: caller.userId };
      return this.db.transaction(() => {
        const keys = names.map((name) => {
          const row = findVisible(this.db, viewer, name);
          if (!row) throw kpsError("KPS.4016", `The key pair is not exist: ${name}`);
          if (row.hosted !== 1) throw kpsError("KPS.6005", `No private key managed: ${name}`);
          if (row.frozen_state !== 0) throw kpsError("KPS.9004", `The key pair is frozen: ${name}`);
          return { name, privateKey: this.vault.read(row), fingerprint: row.fingerprint };
        });
        writeAudit(
          this.db,
          record(
            "success",
            null,
            keys.map((key) => key.fingerprint),
          ),
        );
        return keys;
      })();
    } catch (error) {
      const code = error instanceof ApiFailure ? error.code : "KPS.0004";
      try {
        writeAudit(this.db, record("failure", code, []));
      } catch (auditError) {
        request.log.error({ err: auditError }, "audit write failed");
      }
      throw error;
    }
  }
}
