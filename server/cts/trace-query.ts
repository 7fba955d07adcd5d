// The export history read from the audit table, newest first, paged by marker: the query behind
// GET /v3/{project_id}/traces (trace-routes.ts). Each filter is a condition an index serves
// (migration 005): by project, project and user, project and outcome, or a key pair's name
// through audit_names; a time range becomes an id range through the audit_time index, since ids
// grow with time.
import type { Db } from "../store/database.ts";
import { sql } from "../store/statements.ts";

export type TraceRating = "normal" | "warning" | "incident";

export type TraceFilter = {
  projectId: string;
  /** The actor as the audit names them: `account/user`. */
  actorName?: string;
  keypairName?: string;
  rating?: TraceRating;
  operation?: "export" | "batch-export";
  /** Exclusive bounds, epoch milliseconds. */
  from?: number;
  to?: number;
  /** Rows older than this audit id (the previous page's last). */
  beforeId?: number;
  /** Only this audit id (CTS's trace_id filter, which overrides the others). */
  id?: number;
  limit: number;
};

export type TraceRow = {
  id: number;
  time: string;
  request_id: string;
  operation: "export" | "batch-export";
  actor_user_id: string;
  actor_name: string;
  user_name: string | null;
  domain_id: string | null;
  domain_name: string | null;
  keypair_names: string;
  outcome: "success" | "failure";
  error_code: string | null;
  client_address: string | null;
  attempts: number;
  reason: string | null;
  status: number | null;
};

const COLUMNS = `a.id, a.time, a.request_id, a.operation, a.actor_user_id, a.actor_name,
  u.name AS user_name, d.id AS domain_id, d.name AS domain_name, a.keypair_names, a.outcome,
  a.error_code, a.client_address, a.attempts, a.reason, a.status`;

/** Up to `limit` rows matching the filter, newest first. */
export function findTraces(db: Db, filter: TraceFilter): TraceRow[] {
  const query = traceQuery(filter);
  return sql(db, query.text).all(...query.params) as TraceRow[];
}

/** The query plan of a filter: the test holds every filter to an index with it. */
export function explainTraces(db: Db, filter: TraceFilter): string[] {
  const query = traceQuery(filter);
  return (
    db.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as { detail: string }[]
  ).map((row) => row.detail);
}

/** One text per combination of filters, so each is prepared once and planned for its index. */
function traceQuery(filter: TraceFilter): { text: string; params: unknown[] } {
  const where: string[] = [
    "a.target_project_id = ?",
    "a.operation IN ('export', 'batch-export')",
    // Attempts nobody authenticated for are kept for the operator, not shown as the project's
    // history: anyone can send them, naming any project.
    "a.actor_user_id IS NOT NULL",
  ];
  const params: unknown[] = [filter.projectId];
  let from = "audit a";
  let order = "a.id";
  if (filter.id !== undefined) {
    where.push("a.id = ?");
    params.push(filter.id);
  } else {
    if (filter.keypairName !== undefined) {
      // Driven by audit_names' key, which is already in (project, name, id) order.
      from = "audit_names n JOIN audit a ON a.id = n.audit_id";
      where.unshift("n.target_project_id = ?", "n.name = ?");
      params.unshift(filter.projectId, filter.keypairName);
      order = "n.audit_id";
    }
    if (filter.actorName !== undefined) {
      where.push("a.actor_name = ?");
      params.push(filter.actorName);
    }
    if (filter.rating === "normal") where.push("a.outcome = 'success'");
    if (filter.rating === "warning")
      where.push("a.outcome = 'failure'", "COALESCE(a.status, 400) < 500");
    if (filter.rating === "incident") where.push("a.outcome = 'failure'", "a.status >= 500");
    if (filter.operation !== undefined) {
      where.push("a.operation = ?");
      params.push(filter.operation);
    }
    if (filter.beforeId !== undefined) {
      where.push(`${order} < ?`);
      params.push(filter.beforeId);
    }
    if (filter.to !== undefined) {
      const iso = new Date(filter.to).toISOString();
      where.push(
        `${order} <= (SELECT id FROM audit WHERE time < ? ORDER BY time DESC, id DESC LIMIT 1)`,
        "a.time < ?",
      );
      params.push(iso, iso);
    }
    if (filter.from !== undefined) {
      const iso = new Date(filter.from).toISOString();
      where.push(
        `${order} >= (SELECT id FROM audit WHERE time > ? ORDER BY time, id LIMIT 1)`,
        "a.time > ?",
      );
      params.push(iso, iso);
    }
  }
  params.push(filter.limit);
  return {
    text: `SELECT ${COLUMNS}
       FROM ${from}
       LEFT JOIN users u ON u.id = a.actor_user_id
       LEFT JOIN domains d ON d.id = u.domain_id
      WHERE ${where.join(" AND ")}
      ORDER BY ${order} DESC
      LIMIT ?`,
    params,
  };
}
