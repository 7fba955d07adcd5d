// The routes that change a hosted private key: ImportPrivateKey and ClearPrivateKey, each
// attempt audited (change-audit.ts). Export has its own service and stays in kps-routes.ts.
import type { FastifyInstance } from "fastify";
import { ApiFailure, kpsError } from "../http/errors.ts";
import { callerMay } from "../iam/tokens.ts";
import type { Db } from "../store/database.ts";
import { auditedChange, type ChangeNote } from "./change-audit.ts";
import { importPrivateKey } from "./import-private-key.ts";
import {
  clearSealed,
  deleteKeypair as deleteKeypairRow,
  findVisible,
  purgeWal,
} from "./keypair-store.ts";
import { authenticate, keypairName, requestInfo, tokenCaller } from "./kps-request.ts";
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
    const note: ChangeNote = {
      operation: "clear-private-key",
      caller: null,
      name: null,
      fingerprint: null,
    };
    await auditedChange(
      db,
      requestInfo(request),
      note,
      () => tokenCaller(request, db),
      () => {
        note.caller = authenticate(request, db);
        if (!callerMay(note.caller, "kps:SSHKeyPair:clearPrivateKey")) throw kpsError("KPS.9003");
        note.name = keypairName(request);
        const viewer = { projectId: note.caller.projectId, userId: note.caller.userId };
        const row = findVisible(db, viewer, note.name);
        if (!row) throw kpsError("KPS.4016");
        note.fingerprint = row.fingerprint;
        return () => {
          if (!clearSealed(db, row.id, Date.now()))
            throw new ApiFailure(404, "KPS.6005", "No private key managed");
        };
      },
    );
    purgeWal(db);
    return reply.code(200).send();
  });
}

/** DeleteKeypair, audited like the other changes: deleting a key pair deletes its hosted key. */
export function registerDeleteRoute(app: FastifyInstance, db: Db): void {
  app.delete(`${BASE}/:keypair_name`, async (request, reply) => {
    const note: ChangeNote = {
      operation: "delete-keypair",
      caller: null,
      name: null,
      fingerprint: null,
    };
    await auditedChange(
      db,
      requestInfo(request),
      note,
      () => tokenCaller(request, db),
      () => {
        note.caller = authenticate(request, db);
        if (!callerMay(note.caller, "kps:SSHKeyPair:delete")) throw kpsError("KPS.9003");
        note.name = keypairName(request);
        const viewer = { projectId: note.caller.projectId, userId: note.caller.userId };
        const row = findVisible(db, viewer, note.name);
        if (!row) throw kpsError("KPS.4016");
        note.fingerprint = row.fingerprint;
        return () => deleteKeypairRow(db, row.id);
      },
    );
    purgeWal(db);
    return reply.code(204).send();
  });
}
