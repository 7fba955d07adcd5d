// Opaque bearer tokens: 256 bits from the CSPRNG, stored only as their SHA-256, 24-hour
// absolute expiry, revoked at once by deleting the row.
import { createHash, randomBytes } from "node:crypto";
import { type KpsAction, POLICIES, type PolicyName } from "../../contract/iam.ts";
import type { Db } from "../store/database.ts";
import { sql } from "../store/statements.ts";

export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Sign-ins in a loop must not grow the table without end; a person needs a few at most. */
export const MAX_LIVE_TOKENS_PER_USER = 20;

export type Caller = {
  userId: string;
  userName: string;
  domainId: string;
  domainName: string;
  projectId: string;
  projectName: string;
  policy: PolicyName;
  /** Roles granted beside `policy` in the project (role_grants), e.g. CTS ReadOnlyAccess. */
  extraPolicies: PolicyName[];
  methods: string[];
  issuedAt: number;
  expiresAt: number;
  /** When the password behind this token was checked (step-up before an export). */
  authenticatedAt: number;
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function issueToken(
  db: Db,
  userId: string,
  projectId: string,
  methods: string[],
  now = Date.now(),
  expiresAt = now + TOKEN_LIFETIME_MS,
  authenticatedAt = now,
): { token: string; issuedAt: number; expiresAt: number } {
  const token = `kps1.${randomBytes(32).toString("base64url")}`;
  sql(
    db,
    "INSERT INTO tokens (hash, user_id, project_id, methods, issued_at, expires_at, auth_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  ).run(hashToken(token), userId, projectId, methods.join(","), now, expiresAt, authenticatedAt);
  // The oldest beyond the cap are revoked, and the user's expired ones go with them. rowid breaks
  // ties between tokens issued in the same millisecond, in issue order.
  sql(
    db,
    `DELETE FROM tokens WHERE user_id = ? AND rowid NOT IN (
       SELECT rowid FROM tokens WHERE user_id = ? AND expires_at > ?
        ORDER BY issued_at DESC, rowid DESC LIMIT ?)`,
  ).run(userId, userId, now, MAX_LIVE_TOKENS_PER_USER);
  return { token, issuedAt: now, expiresAt };
}

/** The caller behind a token, or null when it is unknown, revoked or expired. */
export function resolveToken(db: Db, token: string, now = Date.now()): Caller | null {
  if (token.length < 16 || token.length > 512) return null;
  const row = sql(
    db,
    `SELECT t.user_id, u.name AS user_name, u.domain_id, d.name AS domain_name, t.project_id,
              p.name AS project_name, g.policy, t.methods, t.issued_at, t.expires_at,
              t.auth_at
         FROM tokens t
         JOIN users u ON u.id = t.user_id
         JOIN domains d ON d.id = u.domain_id
         JOIN projects p ON p.id = t.project_id
         JOIN grants g ON g.user_id = t.user_id AND g.project_id = t.project_id
        WHERE t.hash = ?`,
  ).get(hashToken(token)) as
    | {
        user_id: string;
        user_name: string;
        domain_id: string;
        domain_name: string;
        project_id: string;
        project_name: string;
        policy: PolicyName;
        methods: string;
        issued_at: number;
        expires_at: number;
        auth_at: number | null;
      }
    | undefined;
  if (!row || row.expires_at <= now) return null;
  return {
    userId: row.user_id,
    userName: row.user_name,
    domainId: row.domain_id,
    domainName: row.domain_name,
    projectId: row.project_id,
    projectName: row.project_name,
    policy: row.policy,
    extraPolicies: extraPolicies(db, row.user_id, row.project_id),
    methods: row.methods.split(","),
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    authenticatedAt: row.auth_at ?? row.issued_at,
  };
}

/** The roles granted beside the user's KPS policy in the project. */
export function extraPolicies(db: Db, userId: string, projectId: string): PolicyName[] {
  return (
    sql(
      db,
      "SELECT policy FROM role_grants WHERE user_id = ? AND project_id = ? ORDER BY policy",
    ).all(userId, projectId) as { policy: PolicyName }[]
  )
    .map((row) => row.policy)
    .filter((policy) => policy in POLICIES);
}

export function revokeToken(db: Db, token: string): boolean {
  return sql(db, "DELETE FROM tokens WHERE hash = ?").run(hashToken(token)).changes > 0;
}

export function deleteExpiredTokens(db: Db, now = Date.now()): number {
  return sql(db, "DELETE FROM tokens WHERE expires_at <= ?").run(now).changes;
}

export function callerMay(caller: Caller, action: KpsAction): boolean {
  return [caller.policy, ...caller.extraPolicies].some((policy) =>
    (POLICIES[policy] as readonly KpsAction[]).includes(action),
  );
}
