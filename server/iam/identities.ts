// Accounts (domains), users, projects and grants of the embedded IAM.
import { randomBytes } from "node:crypto";
import type { PolicyName } from "../../contract/iam.ts";
import type { Db } from "../store/database.ts";
import { sql } from "../store/statements.ts";
import { hashPassword } from "./passwords.ts";

export type UserRow = {
  id: string;
  name: string;
  domain_id: string;
  domain_name: string;
  password_hash: string;
};
export type ProjectRow = { id: string; name: string; domain_id: string; description: string };

export const newId = (): string => randomBytes(16).toString("hex");

export function findUser(db: Db, domainName: string, userName: string): UserRow | undefined {
  return sql(
    db,
    `SELECT u.id, u.name, u.domain_id, d.name AS domain_name, u.password_hash
         FROM users u JOIN domains d ON d.id = u.domain_id
        WHERE d.name = ? AND u.name = ?`,
  ).get(domainName, userName) as UserRow | undefined;
}

export function findUserById(db: Db, userId: string): UserRow | undefined {
  return sql(
    db,
    `SELECT u.id, u.name, u.domain_id, d.name AS domain_name, u.password_hash
         FROM users u JOIN domains d ON d.id = u.domain_id WHERE u.id = ?`,
  ).get(userId) as UserRow | undefined;
}

/** The project the user may access, by id or name, with the policy granted there. */
export function findGrantedProject(
  db: Db,
  userId: string,
  project: { id: string } | { name: string },
): (ProjectRow & { policy: PolicyName }) | undefined {
  const [column, value] = "id" in project ? ["p.id", project.id] : ["p.name", project.name];
  return sql(
    db,
    `SELECT p.id, p.name, p.domain_id, p.description, g.policy
         FROM projects p JOIN grants g ON g.project_id = p.id
        WHERE g.user_id = ? AND ${column} = ?`,
  ).get(userId, value) as (ProjectRow & { policy: PolicyName }) | undefined;
}

export function listGrantedProjects(db: Db, userId: string): ProjectRow[] {
  return sql(
    db,
    `SELECT p.id, p.name, p.domain_id, p.description
         FROM projects p JOIN grants g ON g.project_id = p.id
        WHERE g.user_id = ? ORDER BY p.name`,
  ).all(userId) as ProjectRow[];
}

export function createDomain(db: Db, name: string): string {
  const id = newId();
  sql(db, "INSERT INTO domains (id, name) VALUES (?, ?)").run(id, name);
  return id;
}

export function createProject(db: Db, domainId: string, name: string, description = ""): string {
  const id = newId();
  sql(db, "INSERT INTO projects (id, domain_id, name, description) VALUES (?, ?, ?, ?)").run(
    id,
    domainId,
    name,
    description,
  );
  return id;
}

export async function createUser(
  db: Db,
  domainId: string,
  name: string,
  password: string,
): Promise<string> {
  const id = newId();
  const hash = await hashPassword(password);
  sql(db, "INSERT INTO users (id, domain_id, name, password_hash) VALUES (?, ?, ?, ?)").run(
    id,
    domainId,
    name,
    hash,
  );
  return id;
}

export function grant(db: Db, userId: string, projectId: string, policy: PolicyName): void {
  sql(db, "INSERT OR REPLACE INTO grants (user_id, project_id, policy) VALUES (?, ?, ?)").run(
    userId,
    projectId,
    policy,
  );
}

/** A role beside the user's KPS policy in the project (e.g. CTS ReadOnlyAccess). */
export function grantRole(db: Db, userId: string, projectId: string, policy: PolicyName): void {
  sql(db, "INSERT OR IGNORE INTO role_grants (user_id, project_id, policy) VALUES (?, ?, ?)").run(
    userId,
    projectId,
    policy,
  );
}
