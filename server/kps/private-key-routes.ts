// The routes that change a hosted private key: ImportPrivateKey and ClearPrivateKey, each
// attempt audited (change-audit.ts). Export has its own service and stays in kps-routes.ts.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { KpsAction } from "../../contract/iam.ts";
import { ApiFailure } from "../http/errors.ts";
import type { Db } from "../store/database.ts";
import { auditedChange, type ChangeNote } from "./change-audit.ts";
import { importPrivateKey } from "./import-private-key.ts";
import { clearSealed, deleteKeypair as deleteKeypairRow, purgeWal } from "./keypair-store.ts";
import {
  authenticate,
  authorize,
  keypairName,
  requestInfo,
  tokenCaller,
  visibleRow,
} from "./kps-request.ts";
import type { PrivateKeyVault } from "./private-key-vault.ts";

const BASE = "/v3/:project_id/keypairs";

export function registerPrivateKeyRoutes(
  app: FastifyInstance,
  { db, vault }: { db: Db; vault: PrivateKeyVault },
): void {
  app.post(`${BASE}/private-key/import`, async (request) =>
    importPrivateKey(
      db,
      vault,
      requestInfo(request),
      () => authenticate(request, db),
      () => tokenCaller(request, db),
      request.body,
    ),
  );

  app.delete(`${BASE}/:keypair_name/private-key`, async (request, reply) => {
    await changeVisibleRow(
      request,
      db,
      "clear-private-key",
      "kps:SSHKeyPair:clearPrivateKey",
      (row) => {
        if (!clearSealed(db, row.id, Date.now()))
          throw new ApiFailure(404, "KPS.6005", "No private key managed");
      },
    );
    purgeWal(db);
    return reply.code(200).send();
  });
}

/** DeleteKeypair, audited like the other changes: deleting a key pair deletes its hosted key. */
export function registerDeleteRoute(app: FastifyInstance, db: Db): void {
  app.delete(`${BASE}/:keypair_name`, async (request, reply) => {
    await changeVisibleRow(request, db, "delete-keypair", "kps:SSHKeyPair:delete", (row) =>
      deleteKeypairRow(db, row.id),
    );
    purgeWal(db);
    return reply.code(204).send();
  });
}

/**
 * One audited change to the key pair the path names: the caller, their permission and the row
 * are noted as they are found, so a refusal's record says as much as the request revealed.
 */
async function changeVisibleRow(
  request: FastifyRequest,
  db: Db,
  operation: "clear-private-key" | "delete-keypair",
  action: KpsAction,
  change: (row: { id: number }) => void,
): Promise<void> {
  const note: ChangeNote = { operation, caller: null, name: null, fingerprint: null };
  await auditedChange(
    db,
    requestInfo(request),
    note,
    () => tokenCaller(request, db),
    () => {
      // A refusal for want of the action still names its caller: identify() finds them.
      note.caller = authorize(request, db, action);
      note.name = keypairName(request);
      const row = visibleRow(db, note.caller, note.name);
      note.fingerprint = row.fingerprint;
      return () => change(row);
    },
  );
}
