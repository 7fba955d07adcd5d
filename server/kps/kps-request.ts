// What every KPS route reads from its request: the caller behind the token (checked against the
// path's project), the key-pair name in the path, and a body checked against its schema.
import type { FastifyRequest } from "fastify";
import type { z } from "zod/mini";
import type { KpsAction } from "../../contract/iam.ts";
import { KEYPAIR_NAME_PATTERN } from "../../contract/kps.ts";
import { gatewayUnauthorized, kpsError } from "../http/errors.ts";
import { identify, requestCaller } from "../iam/authenticate.ts";
import { type Caller, callerMay } from "../iam/tokens.ts";
import type { Db } from "../store/database.ts";
import type { RequestInfo } from "./change-audit.ts";
import { findVisible, type KeypairRow } from "./keypair-store.ts";

type Params = { project_id: string; keypair_name?: string };

/**
 * Gateway authentication by token or signature (iam/authenticate.ts), then the object-level
 * check that the caller's project is the path's.
 */
export function authenticate(request: FastifyRequest, db: Db): Caller {
  if (!identify(request, db)) {
    const token = request.headers["x-auth-token"];
    throw gatewayUnauthorized(
      typeof token !== "string" || token.length === 0
        ? "x-auth-token not found"
        : "token is invalid, revoked or expired",
    );
  }
  const caller = tokenCaller(request, db);
  // A signed request's user may hold no grant in the project it names.
  if (!caller || (request.params as Params).project_id !== caller.projectId)
    throw kpsError("KPS.9003");
  return caller;
}

/** The caller, who must hold the IAM action the operation needs. */
export function authorize(request: FastifyRequest, db: Db, action: KpsAction): Caller {
  const caller = authenticate(request, db);
  if (!callerMay(caller, action)) throw kpsError("KPS.9003");
  return caller;
}

/** The key pair of that name the caller may see: their own private ones and the account's. */
export function visibleRow(db: Db, caller: Caller, name: string): KeypairRow {
  const row = findVisible(db, { projectId: caller.projectId, userId: caller.userId }, name);
  if (!row) throw kpsError("KPS.4016");
  return row;
}

/**
 * The token's or signature's caller whatever the path's project (for audit records); null
 * without a valid one.
 */
export function tokenCaller(request: FastifyRequest, db: Db): Caller | null {
  return requestCaller(request, db, (request.params as Params).project_id);
}

export function keypairName(request: FastifyRequest): string {
  const name = (request.params as Params).keypair_name ?? "";
  if (!KEYPAIR_NAME_PATTERN.test(name)) throw kpsError("KPS.0002", "parameter error: keypair_name");
  return name;
}

export function parse<T extends z.ZodMiniType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw kpsError(
      "KPS.0002",
      `parameter error${issue ? `: ${issue.path.join(".") || "body"} ${issue.message}` : ""}`,
    );
  }
  return result.data;
}

export function requestInfo(request: FastifyRequest): RequestInfo {
  return {
    requestId: request.id,
    clientAddress: request.ip,
    log: (error) => request.log.error({ err: error }, "audit write failed"),
  };
}
