// The embedded KPS + IAM: store, master key, vault, and their routes.
import { chmodSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { DEFAULT_EXPORT_POLICY, type ExportPolicy } from "../contract/export-audit.ts";
import { checkOrWriteCanary, dropStaleCanary, storeIsEmpty } from "./crypto/canary.ts";
import { loadMasterKey } from "./crypto/master-key.ts";
import { registerTraceRoutes } from "./cts/trace-routes.ts";
import { AccessKeyStore } from "./iam/access-keys.ts";
import { registerSignedRequests } from "./iam/authenticate.ts";
import { registerIamRoutes } from "./iam/iam-routes.ts";
import { LoginThrottle } from "./iam/login-throttle.ts";
import { MfaDeviceStore } from "./iam/mfa-devices.ts";
import { deleteExpiredTokens } from "./iam/tokens.ts";
import { ExportRateLimit } from "./kps/export-rate-limit.ts";
import { ExportService } from "./kps/export-service.ts";
import { registerKpsRoutes } from "./kps/kps-routes.ts";
import { PrivateKeyVault } from "./kps/private-key-vault.ts";
import { AuditGate } from "./limits/audit-gate.ts";
import { startSweeps } from "./limits/sweeper.ts";
import { type Db, openDatabase } from "./store/database.ts";
import { GroupCommit } from "./store/group-commit.ts";

export type EmbeddedOptions = {
  exportRateLimit: number;
  /** Creates per user per minute; unset means the export limit's default, 30. */
  createRateLimit?: number;
  /** Durable failure records per source (or actor) per minute before they are summarised. */
  auditFailuresPerMinute?: number;
  auditRetentionDays?: number;
  sweepIntervalMs?: number;
};

export const LIMIT_DEFAULTS = {
  createRateLimit: 30,
  auditFailuresPerMinute: 60,
  auditRetentionDays: 400,
} as const;

export type EmbeddedKps = {
  db: Db;
  vault: PrivateKeyVault;
  accessKeys: AccessKeyStore;
  mfaDevices: MfaDeviceStore;
};

export function openEmbeddedStore(dataDir: string): EmbeddedKps {
  // The directory holds the master key beside the database: nobody else may even list it.
  chmodSync(dataDir, 0o700);
  const db = openDatabase(join(dataDir, "kps.sqlite"));
  try {
    const empty = storeIsEmpty(db);
    const masterKey = loadMasterKey(join(dataDir, "master.key"), empty);
    // Nothing is sealed under whatever key wrote an old canary, so a new key may replace it.
    if (empty) dropStaleCanary(db);
    checkOrWriteCanary(db, masterKey);
    deleteExpiredTokens(db);
    return {
      db,
      vault: new PrivateKeyVault(db, masterKey),
      accessKeys: new AccessKeyStore(db, masterKey),
      mfaDevices: new MfaDeviceStore(db, masterKey),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function registerEmbeddedKps(
  app: FastifyInstance,
  store: EmbeddedKps,
  options: EmbeddedOptions,
  exportPolicy: ExportPolicy = DEFAULT_EXPORT_POLICY,
): void {
  const { db, vault, accessKeys, mfaDevices } = store;
  // Failed signatures and failed sign-ins slow down the same guesser.
  const throttle = new LoginThrottle();
  registerSignedRequests(app, { db, accessKeys, throttle });
  registerIamRoutes(app, { db, throttle, accessKeys, mfaDevices });
  const exports = new ExportService(
    db,
    vault,
    new ExportRateLimit(options.exportRateLimit),
    new GroupCommit(db),
    new AuditGate(options.auditFailuresPerMinute ?? LIMIT_DEFAULTS.auditFailuresPerMinute),
    exportPolicy,
  );
  const createRateLimit = new ExportRateLimit(
    options.createRateLimit ?? LIMIT_DEFAULTS.createRateLimit,
  );
  registerKpsRoutes(app, { db, vault, exports, createRateLimit });
  registerTraceRoutes(app, db);
  const stopSweeps = startSweeps(
    {
      db,
      auditRetentionDays: options.auditRetentionDays ?? LIMIT_DEFAULTS.auditRetentionDays,
      flushAuditSummaries: (all) => exports.flushAuditSummaries(all),
      log: (error) => app.log.error({ err: error }, "sweep failed"),
    },
    options.sweepIntervalMs,
  );
  app.addHook("onClose", async () => {
    await stopSweeps();
    db.close();
  });
}
