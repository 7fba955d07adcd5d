// Permanent access keys in IAM's shapes (kps-api.md section 8): a user manages only their own,
// by token or by a signature of one of their keys. Another user's key answers as missing, so
// the routes tell nobody which access keys exist.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod/mini";
import { iamError } from "../http/errors.ts";
import type { Db } from "../store/database.ts";
import { type AccessKey, type AccessKeyStore, TooManyAccessKeys } from "./access-keys.ts";
import { identify } from "./authenticate.ts";

const BASE = "/v3.0/OS-CREDENTIAL/credentials";
const description = z.optional(z.string().check(z.maxLength(255)));

const createSchema = z.strictObject({
  credential: z.strictObject({ user_id: z.string().check(z.maxLength(64)), description }),
});
const updateSchema = z.strictObject({
  credential: z.strictObject({
    status: z.optional(z.enum(["active", "inactive"])),
    description,
  }),
});

export function registerCredentialRoutes(
  app: FastifyInstance,
  { db, accessKeys }: { db: Db; accessKeys: AccessKeyStore },
): void {
  app.post(BASE, async (request, reply) => {
    const userId = signedInUser(request, db);
    const { credential } = parseBody(createSchema, request.body);
    if (credential.user_id !== userId)
      throw iamError(403, "You may only manage your own access keys.");
    try {
      const created = accessKeys.create(userId, credential.description ?? "");
      return reply.code(201).send({ credential: { ...shown(created), secret: created.secret } });
    } catch (error) {
      if (error instanceof TooManyAccessKeys)
        throw iamError(409, "A user may have at most two access keys.");
      throw error;
    }
  });

  app.get(BASE, async (request) => {
    const userId = signedInUser(request, db);
    const asked = (request.query as { user_id?: unknown }).user_id;
    if (asked !== undefined && asked !== userId)
      throw iamError(403, "You may only manage your own access keys.");
    return { credentials: accessKeys.list(userId).map(shown) };
  });

  app.get(`${BASE}/:access`, async (request) => ({
    credential: shown(ownKey(request, db, accessKeys)),
  }));

  app.put(`${BASE}/:access`, async (request) => {
    const key = ownKey(request, db, accessKeys);
    const { credential } = parseBody(updateSchema, request.body);
    accessKeys.update(key.access, credential);
    return { credential: shown(ownKey(request, db, accessKeys)) };
  });

  app.delete(`${BASE}/:access`, async (request, reply) => {
    accessKeys.delete(ownKey(request, db, accessKeys).access);
    return reply.code(204).send();
  });
}

function signedInUser(request: FastifyRequest, db: Db): string {
  const identity = identify(request, db);
  if (!identity) throw iamError(401, "The request you have made requires authentication.");
  return identity.userId;
}

function ownKey(request: FastifyRequest, db: Db, accessKeys: AccessKeyStore): AccessKey {
  const userId = signedInUser(request, db);
  const access = (request.params as { access: string }).access;
  const key = accessKeys.find(access);
  if (!key || key.user_id !== userId) throw iamError(404, "The access key could not be found.");
  return key;
}

function parseBody<T extends z.ZodMiniType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw iamError(400, "The request body is not valid.");
  return result.data;
}

function shown(key: AccessKey) {
  return {
    access: key.access,
    status: key.status,
    user_id: key.user_id,
    create_time: new Date(key.create_time).toISOString(),
    description: key.description,
  };
}
