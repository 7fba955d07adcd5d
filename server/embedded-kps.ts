// The embedded KPS + IAM: store, master key, vault, and their routes.
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { checkOrWriteCanary, storeHasCanary } from "./crypto/canary.ts";
import { loadMasterKey } from "./crypto/master-key.ts";
import { registerIamRoutes } from "./iam/iam-routes.ts";
import { LoginThrottle } from "./iam/login-throttle.ts";
import { deleteExpiredTokens } from "./iam/tokens.ts";
import { ExportRateLimit } from "./kps/export-rate-limit.ts";
import { ExportService } from "./kps/export-service.ts";
import { registerKpsRoutes } from "./kps/kps-routes.ts";
import { PrivateKeyVault } from "./kps/private-key-vault.ts";
import { type Db, openDatabase } from "./store/database.ts";
import { GroupCommit } from "./store/group-commit.ts";

export type EmbeddedOptions = { exportRateLimit: number };

export type EmbeddedKps = { db: Db; vault: PrivateKeyVault };

export function openEmbeddedStore(dataDir: string): EmbeddedKps {
  const db = openDatabase(join(dataDir, "kps.sqlite"));
  try {
    const masterKey = loadMasterKey(join(dataDir, "master.key"), !storeHasCanary(db));
    checkOrWriteCanary(db, masterKey);
    deleteExpiredTokens(db);
    return { db, vault: new PrivateKeyVault(db, masterKey) };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function registerEmbeddedKps(
  app: FastifyInstance,
  store: EmbeddedKps,
  options: EmbeddedOptions,
): void {
  const { db, vault } = store;
  registerIamRoutes(app, { db, throttle: new LoginThrottle() });
  const exports = new ExportService(
    db,
    vault,
    new ExportRateLimit(options.exportRateLimit),
    new GroupCommit(db),
  );
  registerKpsRoutes(app, { db, vault, exports });
  app.addHook("onClose", async () => {
    db.close();
  });
}
