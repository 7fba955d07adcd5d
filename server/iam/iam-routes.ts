// The embedded IAM: issue tokens (password or token method), list projects, revoke tokens.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { passwordAuthRequestSchema, tokenAuthRequestSchema } from "../../contract/iam.ts";
import { iamError } from "../http/errors.ts";
import { WorkQueueFull } from "../limits/work-limiter.ts";
import type { Db } from "../store/database.ts";
import type { AccessKeyStore } from "./access-keys.ts";
import { identify } from "./authenticate.ts";
import { registerCredentialRoutes } from "./credential-routes.ts";
import { findGrantedProject, findUser, findUserById, listGrantedProjects } from "./identities.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import { DUMMY_HASH, verifyPassword } from "./passwords.ts";
import { issueToken, resolveToken, revokeToken } from "./tokens.ts";

export type IamDeps = { db: Db; throttle: LoginThrottle; accessKeys: AccessKeyStore };

const WRONG_CREDENTIALS = "The username or password is wrong.";

export function registerIamRoutes(
  app: FastifyInstance,
  { db, throttle, accessKeys }: IamDeps,
): void {
  registerCredentialRoutes(app, { db, accessKeys });
  app.post("/v3/auth/tokens", async (request, reply) => {
    const identity = await authenticate(request, db, throttle);
    const project = findGrantedProject(db, identity.userId, identity.scope);
    if (!project) throw iamError(401, "The user has no access to the requested project.");
    const user = findUserById(db, identity.userId);
    if (!user) throw iamError(401, WRONG_CREDENTIALS);
    const issued = issueToken(
      db,
      user.id,
      project.id,
      [identity.method],
      Date.now(),
      identity.expiresAt,
    );
    const domain = { id: user.domain_id, name: user.domain_name };
    return reply
      .code(201)
      .header("X-Subject-Token", issued.token)
      .send({
        token: {
          expires_at: new Date(issued.expiresAt).toISOString(),
          issued_at: new Date(issued.issuedAt).toISOString(),
          methods: [identity.method],
          project: { id: project.id, name: project.name, domain },
          user: { id: user.id, name: user.name, domain },
          roles: [{ id: project.policy.replaceAll(" ", "_"), name: project.policy }],
        },
      });
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
  method: "password" | "token";
  scope: { id: string } | { name: string };
  /** A re-scoped token keeps the original's expiry, so exchanges cannot extend a session. */
  expiresAt?: number;
};

async function authenticate(
  request: FastifyRequest,
  db: Db,
  throttle: LoginThrottle,
): Promise<Identity> {
  const byPassword = passwordAuthRequestSchema.safeParse(request.body);
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
    throttle.recordSuccess(account, credentials.name, client);
    return { userId: user.id, method: "password", scope: byPassword.data.auth.scope.project };
  }
  const byToken = tokenAuthRequestSchema.safeParse(request.body);
  if (byToken.success) {
    const caller = resolveToken(db, byToken.data.auth.identity.token.id);
    if (!caller) throw iamError(401, "The token is invalid or has expired.");
    return {
      userId: caller.userId,
      method: "token",
      scope: byToken.data.auth.scope.project,
      expiresAt: caller.expiresAt,
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
