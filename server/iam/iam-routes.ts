// The embedded IAM: issue tokens (password or token method), list projects, revoke tokens.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { EXPORT_AUDIT_ERRORS } from "../../contract/export-audit.ts";
import {
  passwordAuthRequestSchema,
  passwordTotpAuthRequestSchema,
  tokenAuthRequestSchema,
} from "../../contract/iam.ts";
import { ApiFailure, iamError } from "../http/errors.ts";
import { WorkQueueFull } from "../limits/work-limiter.ts";
import type { Db } from "../store/database.ts";
import type { AccessKeyStore } from "./access-keys.ts";
import { identify } from "./authenticate.ts";
import { registerCredentialRoutes } from "./credential-routes.ts";
import { findGrantedProject, findUser, findUserById, listGrantedProjects } from "./identities.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import type { MfaDeviceStore } from "./mfa-devices.ts";
import { DUMMY_HASH, verifyPassword } from "./passwords.ts";
import { issueToken, resolveToken, revokeToken } from "./tokens.ts";

export type IamDeps = {
  db: Db;
  throttle: LoginThrottle;
  accessKeys: AccessKeyStore;
  mfaDevices: MfaDeviceStore;
};

const WRONG_CREDENTIALS = "The username or password is wrong.";

export function registerIamRoutes(
  app: FastifyInstance,
  { db, throttle, accessKeys, mfaDevices }: IamDeps,
): void {
  registerCredentialRoutes(app, { db, accessKeys });
  app.post("/v3/auth/tokens", async (request, reply) => {
    const identity = await authenticate(request, db, throttle, mfaDevices);
    const project = findGrantedProject(db, identity.userId, identity.scope);
    if (!project) throw iamError(401, "The user has no access to the requested project.");
    const user = findUserById(db, identity.userId);
    if (!user) throw iamError(401, WRONG_CREDENTIALS);
    const now = Date.now();
    const issued = issueToken(
      db,
      user.id,
      project.id,
      identity.methods,
      now,
      identity.expiresAt,
      identity.authenticatedAt ?? now,
    );
    return reply
      .code(201)
      .header("X-Subject-Token", issued.token)
      .send(tokenBody(db, issued.token));
  });

  // KeystoneValidateToken: what a token is (the proxy's export log asks who exported); a caller
  // may only look up tokens of its own user, as with sign-out.
  app.get("/v3/auth/tokens", async (request, reply) => {
    const caller = callerOf(request, db);
    const subject = header(request, "x-subject-token");
    if (!subject) throw iamError(400, "X-Subject-Token is required.");
    const target = resolveToken(db, subject);
    if (!target || target.userId !== caller.userId)
      throw iamError(404, "The token could not be found.");
    return reply.header("X-Subject-Token", subject).send(tokenBody(db, subject));
  });

  app.get("/v3/auth/projects", async (request) => {
    const caller = callerOf(request, db);
    return {
      projects: listGrantedProjects(db, caller.userId).map((p) => ({
        id: p.id,
        name: p.name,
        domain_id: p.domain_id,
        enabled: true,
        description: p.description,
      })),
    };
  });

  // The SDK cores' first call with region-only credentials: the project named after the region.
  app.get("/v3/projects", async (request) => {
    const caller = callerOf(request, db);
    const name = (request.query as { name?: unknown }).name;
    const projects = listGrantedProjects(db, caller.userId).filter(
      (p) => name === undefined || p.name === name,
    );
    return {
      projects: projects.map((p) => ({
        id: p.id,
        name: p.name,
        domain_id: p.domain_id,
        parent_id: p.domain_id,
        is_domain: false,
        enabled: true,
        description: p.description,
        links: { self: `/v3/projects/${p.id}` },
      })),
      links: { self: "/v3/projects", previous: null, next: null },
    };
  });

  // Global services' cores ask which account the key belongs to.
  app.get("/v3/auth/domains", async (request) => {
    const caller = callerOf(request, db);
    const user = findUserById(db, caller.userId);
    if (!user) throw iamError(401, "The request you have made requires authentication.");
    return {
      domains: [
        {
          id: user.domain_id,
          name: user.domain_name,
          enabled: true,
          description: "",
          links: { self: `/v3/domains/${user.domain_id}` },
        },
      ],
      links: { self: "/v3/auth/domains", previous: null, next: null },
    };
  });

  // Sign-out: the token named by X-Subject-Token dies at once; a caller may only revoke tokens
  // of its own user.
  app.delete("/v3/auth/tokens", async (request, reply) => {
    const caller = callerOf(request, db);
    const subject = header(request, "x-subject-token");
    if (!subject) throw iamError(400, "X-Subject-Token is required.");
    const target = resolveToken(db, subject);
    if (!target || target.userId !== caller.userId)
      throw iamError(404, "The token could not be found.");
    revokeToken(db, subject);
    return reply.code(204).send();
  });
}

type Identity = {
  userId: string;
  methods: string[];
  scope: { id: string } | { name: string };
  /** A re-scoped token keeps the original's expiry, so exchanges cannot extend a session. */
  expiresAt?: number;
  /** ...and its password check's time, so re-scoping is no way around step-up. */
  authenticatedAt?: number;
};

async function authenticate(
  request: FastifyRequest,
  db: Db,
  throttle: LoginThrottle,
  mfaDevices: MfaDeviceStore,
): Promise<Identity> {
  const withCode = passwordTotpAuthRequestSchema.safeParse(request.body);
  const byPassword = withCode.success
    ? withCode
    : passwordAuthRequestSchema.safeParse(request.body);
  if (byPassword.success) {
    const { user: credentials } = byPassword.data.auth.identity.password;
    const account = credentials.domain.name;
    const client = request.ip;
    const wait = throttle.retryAfter(account, credentials.name, client);
    if (wait > 0) {
      const seconds = String(Math.ceil(wait / 1000));
      throw iamError(429, `Too many failed sign-in attempts. Try again in ${seconds} seconds.`, {
        "Retry-After": seconds,
      });
    }
    const user = findUser(db, account, credentials.name);
    // Hash even for an unknown user, so the answer's timing does not reveal who exists.
    const ok = await verifyPassword(credentials.password, user?.password_hash ?? DUMMY_HASH).catch(
      (error: unknown) => {
        if (!(error instanceof WorkQueueFull)) throw error;
        // Not a failure of the caller's: nothing is counted against the account.
        const seconds = String(error.retryAfterSeconds);
        throw iamError(503, `The service is busy. Try again in ${seconds} seconds.`, {
          "Retry-After": seconds,
        });
      },
    );
    if (!user || !ok) {
      throttle.recordFailure(account, credentials.name, client);
      throw iamError(401, WRONG_CREDENTIALS);
    }
    const totp = withCode.success ? withCode.data.auth.identity.totp.user : undefined;
    if (mfaDevices.has(user.id)) {
      // The password was right: asking for the code is the second step of a sign-in, not a
      // guess, so it is not counted. A wrong or replayed code is.
      if (!totp)
        throw mfaFailure(
          EXPORT_AUDIT_ERRORS.mfaRequired,
          "This user has a virtual MFA device: send the totp method with its six-digit code.",
          user.id,
        );
      const check = totp.id === user.id ? mfaDevices.check(user.id, totp.passcode) : "wrong";
      if (check !== "accepted") {
        throttle.recordFailure(account, credentials.name, client);
        throw check === "replayed"
          ? mfaFailure(
              EXPORT_AUDIT_ERRORS.mfaCodeReplayed,
              "This code was already used. Wait for the next one.",
            )
          : mfaFailure(EXPORT_AUDIT_ERRORS.mfaCodeWrong, "The verification code is wrong.");
      }
    } else if (totp) {
      throttle.recordFailure(account, credentials.name, client);
      throw mfaFailure(EXPORT_AUDIT_ERRORS.mfaCodeWrong, "The verification code is wrong.");
    }
    throttle.recordSuccess(account, credentials.name, client);
    return {
      userId: user.id,
      methods: totp ? ["password", "totp"] : ["password"],
      scope: byPassword.data.auth.scope.project,
    };
  }
  const byToken = tokenAuthRequestSchema.safeParse(request.body);
  if (byToken.success) {
    const caller = resolveToken(db, byToken.data.auth.identity.token.id);
    if (!caller) throw iamError(401, "The token is invalid or has expired.");
    return {
      userId: caller.userId,
      methods: ["token"],
      scope: byToken.data.auth.scope.project,
      expiresAt: caller.expiresAt,
      authenticatedAt: caller.authenticatedAt,
    };
  }
  throw iamError(400, "The request body is not a valid authentication request.");
}

/** The user behind the request's token or signature (authenticate.ts, the one door). */
function callerOf(request: FastifyRequest, db: Db): { userId: string } {
  const identity = identify(request, db);
  if (!identity) throw iamError(401, "The request you have made requires authentication.");
  return identity;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * IAM's Keystone shape with a distinct `error_code` (contract/export-audit.ts). The MFA-needed
 * answer names the user's id, which the totp method must carry; it is given only after the
 * password was right.
 */
function mfaFailure(code: string, message: string, userId?: string): ApiFailure {
  return new ApiFailure(401, code, message, "iam", {}, userId ? { user_id: userId } : undefined);
}

/** The body IAM answers a token with: who, where, how, until when, with which roles. */
function tokenBody(db: Db, token: string) {
  const caller = resolveToken(db, token);
  if (!caller) throw iamError(401, "The token is invalid or has expired.");
  const domain = { id: caller.domainId, name: caller.domainName };
  const policies = [caller.policy, ...caller.extraPolicies];
  return {
    token: {
      expires_at: new Date(caller.expiresAt).toISOString(),
      issued_at: new Date(caller.issuedAt).toISOString(),
      methods: caller.methods,
      project: { id: caller.projectId, name: caller.projectName, domain },
      user: { id: caller.userId, name: caller.userName, domain },
      roles: policies.map((policy) => ({ id: policy.replaceAll(" ", "_"), name: policy })),
    },
  };
}
