// The one door every token route goes through: a Caller from either X-Auth-Token or an
// SDK-HMAC-SHA256 signature (kps-api.md section 8). A signature is checked once per request, in
// a preHandler (after the body is parsed, as its hash needs the bytes); routes read the outcome,
// so a refusal is thrown where the route authenticates and its audit still records the attempt.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiFailure, gatewayUnauthorized } from "../http/errors.ts";
import { keepRawBody, rawBody } from "../http/raw-body.ts";
import type { Db } from "../store/database.ts";
import { sql } from "../store/statements.ts";
import type { AccessKeyStore } from "./access-keys.ts";
import { findUserById } from "./identities.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import {
  canonicalRequest,
  checkDate,
  expectedSignature,
  isSigned,
  parseAuthorization,
  SignatureRefused,
  signaturesMatch,
} from "./signature.ts";
import { type Caller, extraPolicies, resolveToken } from "./tokens.ts";

/** Who sent a request: a token names its project; a signature names one in X-Project-Id. */
export type Identity =
  | { via: "token"; userId: string; caller: Caller }
  | { via: "signature"; userId: string; projectId: string | undefined };

type Outcome = { identity: Identity } | { refusal: ApiFailure };

export type SignedRequestDeps = {
  db: Db;
  accessKeys: AccessKeyStore;
  throttle: LoginThrottle;
  now?: () => number;
};

const outcomes = new WeakMap<FastifyRequest, Outcome>();
/** Unknown access keys share throttle buckets of their own, never a real account's. */
const UNKNOWN_KEY_ACCOUNT = "\u0000access-key";

export function registerSignedRequests(app: FastifyInstance, deps: SignedRequestDeps): void {
  // The cores send `{}` with a GET; Fastify never reads a GET's body, so it is read here.
  app.addHook("preParsing", async (request, _reply, payload) => {
    if (!isSigned(request.headers.authorization)) return payload;
    if (request.method !== "GET" && request.method !== "HEAD") return payload;
    const chunks: Buffer[] = [];
    const limit = request.routeOptions.bodyLimit ?? 64 * 1024;
    let size = 0;
    for await (const chunk of payload) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new ApiFailure(413, "KPS.0002", "body too large");
      chunks.push(chunk as Buffer);
    }
    keepRawBody(request, Buffer.concat(chunks));
    return payload;
  });
  app.addHook("preHandler", async (request) => {
    if (isSigned(request.headers.authorization)) outcomes.set(request, verifySigned(request, deps));
  });
}

/**
 * The request's identity, null when it carries neither a token nor a signature, or a token that
 * is unknown or expired; a refused signature throws its refusal.
 */
export function identify(request: FastifyRequest, db: Db): Identity | null {
  const outcome = outcomes.get(request);
  if (outcome) {
    if ("refusal" in outcome) throw outcome.refusal;
    return outcome.identity;
  }
  if (isSigned(request.headers.authorization))
    throw gatewayUnauthorized("the signature was not checked");
  const token = request.headers["x-auth-token"];
  if (typeof token !== "string" || token.length === 0) return null;
  const caller = resolveToken(db, token);
  return caller ? { via: "token", userId: caller.userId, caller } : null;
}

/** The caller in the project the request names, or null when there is none (no throw). */
export function requestCaller(
  request: FastifyRequest,
  db: Db,
  pathProject?: string,
): Caller | null {
  try {
    const identity = identify(request, db);
    if (!identity) return null;
    if (identity.via === "token") return identity.caller;
    const project = identity.projectId ?? pathProject;
    return project ? signedCaller(db, identity.userId, project) : null;
  } catch (error) {
    if (error instanceof ApiFailure) return null;
    throw error;
  }
}

/** A signed request acts as the key's user with that user's grant in the project. */
function signedCaller(db: Db, userId: string, projectId: string): Caller | null {
  const row = sql(
    db,
    `SELECT u.name AS user_name, u.domain_id, d.name AS domain_name, p.name AS project_name,
            g.policy
       FROM users u
       JOIN domains d ON d.id = u.domain_id
       JOIN grants g ON g.user_id = u.id AND g.project_id = ?
       JOIN projects p ON p.id = g.project_id
      WHERE u.id = ?`,
  ).get(projectId, userId) as
    | {
        user_name: string;
        domain_id: string;
        domain_name: string;
        project_name: string;
        policy: Caller["policy"];
      }
    | undefined;
  if (!row) return null;
  const now = Date.now();
  return {
    userId,
    userName: row.user_name,
    domainId: row.domain_id,
    domainName: row.domain_name,
    projectId,
    projectName: row.project_name,
    policy: row.policy,
    extraPolicies: extraPolicies(db, userId, projectId),
    methods: ["aksk"],
    issuedAt: now,
    expiresAt: now,
    // Decision (issue 15): each signature is a fresh proof of the secret, so a signed export
    // needs no step-up; the permanent key is what IAM's own MFA rules govern.
    authenticatedAt: now,
  };
}

function verifySigned(request: FastifyRequest, deps: SignedRequestDeps): Outcome {
  const now = deps.now?.() ?? Date.now();
  let bucket: [string, string] | undefined = [UNKNOWN_KEY_ACCOUNT, ""];
  try {
    const authorization = parseAuthorization(String(request.headers.authorization));
    const { access } = authorization;
    bucket = [UNKNOWN_KEY_ACCOUNT, access];
    const found = deps.accessKeys.activeSecret(access);
    const user = found ? findUserById(deps.db, found.key.user_id) : undefined;
    bucket = user ? [user.domain_name, user.name] : [UNKNOWN_KEY_ACCOUNT, access];
    const wait = deps.throttle.retryAfter(bucket[0], bucket[1], request.ip);
    if (wait > 0) {
      found?.secret.fill(0);
      const seconds = String(Math.ceil(wait / 1000));
      return {
        refusal: new ApiFailure(
          429,
          "APIGW.0308",
          `Too many failed attempts. Try again in ${seconds} seconds.`,
          "gateway",
          { "Retry-After": seconds },
        ),
      };
    }
    checkDate(request.headers["x-sdk-date"], now);
    if (!found || !user) throw new SignatureRefused("the access key is unknown or not active");
    let expected: string;
    try {
      const canonical = canonicalRequest(
        {
          method: request.method,
          url: request.raw.url ?? request.url,
          headers: request.headers,
          body: rawBody(request),
        },
        authorization.signedHeaders,
      );
      expected = expectedSignature(found.secret, String(request.headers["x-sdk-date"]), canonical);
    } finally {
      found.secret.fill(0);
    }
    if (!signaturesMatch(expected, authorization.signature))
      throw new SignatureRefused("the signature does not match");
    // The secret was right: a wrong X-Project-Id is no guess, so it is not counted as one.
    deps.throttle.recordSuccess(bucket[0], bucket[1], request.ip);
    bucket = undefined;
    return { identity: { via: "signature", userId: user.id, projectId: projectHeader(request) } };
  } catch (error) {
    if (!(error instanceof SignatureRefused)) throw error;
    if (bucket) deps.throttle.recordFailure(bucket[0], bucket[1], request.ip);
    return { refusal: gatewayUnauthorized(error.message) };
  }
}

/** X-Project-Id, which must name the path's project when the path has one. */
function projectHeader(request: FastifyRequest): string | undefined {
  const header = request.headers["x-project-id"];
  if (header !== undefined && typeof header !== "string")
    throw new SignatureRefused("X-Project-Id is repeated");
  const pathProject = (request.params as { project_id?: string } | undefined)?.project_id;
  if (pathProject !== undefined && header !== undefined && header !== pathProject)
    throw new SignatureRefused("X-Project-Id does not match the project in the path");
  return header ?? pathProject;
}
