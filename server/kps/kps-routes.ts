// The ten key-pair operations of the KPS v3 API, answering as the contract says.
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import type { KpsAction } from "../../contract/iam.ts";
import {
  batchExportRequestSchema,
  createKeypairRequestSchema,
  DEFAULT_LIST_LIMIT,
  exportPrivateKeyRequestSchema,
  KEYPAIR_NAME_PATTERN,
  MAX_LIST_LIMIT,
  updateDescriptionRequestSchema,
} from "../../contract/kps.ts";
import { toFailure } from "../http/error-handler.ts";
import { kpsError } from "../http/errors.ts";
import type { Caller } from "../iam/tokens.ts";
import type { Db } from "../store/database.ts";
import { batchImport } from "./batch-import.ts";
import { createKeypair } from "./create-keypair.ts";
import { type ExportRateLimit, throttled } from "./export-rate-limit.ts";
import type { ExportService } from "./export-service.ts";
import { listVisible, updateDescription } from "./keypair-store.ts";
import { zipPrivateKeys } from "./keypairs-zip.ts";
import {
  authenticate,
  authorize,
  keypairName,
  parse,
  requestInfo,
  visibleRow,
} from "./kps-request.ts";
import { registerDeleteRoute, registerPrivateKeyRoutes } from "./private-key-routes.ts";
import type { PrivateKeyVault } from "./private-key-vault.ts";
import { toDetail, toListItem } from "./serialize.ts";

export type KpsDeps = {
  db: Db;
  vault: PrivateKeyVault;
  exports: ExportService;
  createRateLimit?: ExportRateLimit;
};

const BASE = "/v3/:project_id/keypairs";

export function registerKpsRoutes(
  app: FastifyInstance,
  { db, vault, exports, createRateLimit }: KpsDeps,
): void {
  const guard = (request: FastifyRequest, action: KpsAction): Caller =>
    authorize(request, db, action);
  const visible = (caller: Caller, request: FastifyRequest) =>
    visibleRow(db, caller, keypairName(request));

  app.get(BASE, async (request) => {
    const caller = guard(request, "kps:SSHKeyPair:list");
    const query = request.query as Record<string, unknown>;
    const limit = query.limit === undefined ? DEFAULT_LIST_LIMIT : Number(query.limit);
    if (
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > MAX_LIST_LIMIT ||
      /\D/.test(String(query.limit ?? "1"))
    ) {
      throw kpsError("KPS.0002", "parameter error: limit must be an integer from 1 to 1000");
    }
    const marker = query.marker;
    if (
      marker !== undefined &&
      (typeof marker !== "string" || !KEYPAIR_NAME_PATTERN.test(marker))
    ) {
      throw kpsError("KPS.0002", "parameter error: marker");
    }
    const rows = listVisible(
      db,
      { projectId: caller.projectId, userId: caller.userId },
      marker,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      keypairs: page.map(toListItem),
      page_info: {
        ...(rows.length > limit && last ? { next_marker: last.name } : {}),
        ...(marker ? { previous_marker: marker } : {}),
        current_count: page.length,
      },
    };
  });

  app.get(`${BASE}/:keypair_name`, async (request) =>
    toDetail(visible(guard(request, "kps:SSHKeyPair:get"), request)),
  );

  app.post(BASE, async (request) => {
    const caller = guard(request, "kps:SSHKeyPair:create");
    // Charged per attempt, before parsing, as export is: generation is the costly part.
    const wait = createRateLimit?.take(caller.userId) ?? 0;
    if (wait > 0) throw throttled(wait);
    const body = parse(createKeypairRequestSchema, request.body);
    return {
      keypair: await createKeypair(db, vault, caller, body.keypair, requestInfo(request)),
    };
  });

  app.put(`${BASE}/:keypair_name`, async (request, reply) => {
    const caller = guard(request, "kps:SSHKeyPair:update");
    const body = parse(updateDescriptionRequestSchema, request.body);
    updateDescription(db, visible(caller, request).id, body.keypair.description, Date.now());
    return reply.code(200).send();
  });

  registerDeleteRoute(app, db);
  registerPrivateKeyRoutes(app, { db, vault });

  // Attempts refused before their handler runs (bad JSON, 413, 415) are export attempts too.
  const entered = new WeakSet<FastifyRequest>();
  const auditRefusal =
    (operation: "export" | "batch-export") =>
    async (request: FastifyRequest, _reply: unknown, error: FastifyError) => {
      if (entered.has(request)) return;
      await exports
        .recordRefused(
          request,
          operation,
          () => authenticate(request, db),
          toFailure(error, request),
        )
        .catch((auditError) => request.log.error({ err: auditError }, "audit write failed"));
    };

  app.post(`${BASE}/private-key/export`, { onError: auditRefusal("export") }, async (request) => {
    entered.add(request);
    const [key] = await exports.run(
      request,
      "export",
      () => authenticate(request, db),
      () => [parse(exportPrivateKeyRequestSchema, request.body).keypair.name],
    );
    if (!key) throw kpsError("KPS.0004");
    return { keypair: { name: key.name, private_key: key.privateKey.toString("utf8") } };
  });

  app.post(
    `${BASE}/private-key/batch-export`,
    { onError: auditRefusal("batch-export") },
    async (request, reply) => {
      entered.add(request);
      const keys = await exports.run(
        request,
        "batch-export",
        () => authenticate(request, db),
        () => {
          const names = parse(batchExportRequestSchema, request.body).map(
            (item) => item.keypair.name,
          );
          if (new Set(names).size !== names.length)
            throw kpsError("KPS.0002", "parameter error: duplicate key pair name");
          return names;
        },
      );
      const zip = zipPrivateKeys(keys);
      return reply
        .type("application/zip")
        .header("Content-Disposition", 'attachment; filename="keypairs.zip"')
        .header("Content-Length", zip.length)
        .send(zip);
    },
  );

  app.post(`${BASE}/batch-import`, async (request) =>
    batchImport(
      db,
      vault,
      guard(request, "kps:SSHKeyPair:create"),
      requestInfo(request),
      request.body,
    ),
  );
}
