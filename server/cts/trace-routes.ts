// GET /v3/{project_id}/traces: every export attempt of the project in the shape of Cloud Trace
// Service's ListTraces (huaweicloud-sdk-*-v3 cts ListTracesRequest, Traces, MetaData), so the
// console's history page reads the real CTS in proxy mode with the same code. Field mapping and
// decisions: docs/export-audit.md.
import type { FastifyInstance } from "fastify";
import { DEFAULT_TRACE_LIMIT, MAX_TRACE_LIMIT } from "../../contract/export-audit.ts";
import { KEYPAIR_NAME_PATTERN } from "../../contract/kps.ts";
import { kpsError } from "../http/errors.ts";
import { authorize } from "../kps/kps-request.ts";
import type { Db } from "../store/database.ts";
import { findTraces, type TraceFilter, type TraceRating, type TraceRow } from "./trace-query.ts";

const TRACE_NAMES = {
  export: "exportPrivateKey",
  "batch-export": "batchExportPrivateKey",
} as const;
const RATINGS = ["normal", "warning", "incident"] as const;
/** A trace id is a UUID's layout holding the audit row's id: opaque to clients, cheap to page by. */
const TRACE_ID = /^00000000-0000-0000-0000-([0-9a-f]{12})$/;
const MILLIS = /^\d{1,15}$/;

export function registerTraceRoutes(app: FastifyInstance, db: Db): void {
  app.get("/v3/:project_id/traces", async (request, reply) => {
    const caller = authorize(request, db, "cts:trace:list");
    const filter = parseFilter(request.query as Record<string, unknown>, caller.projectId);
    reply.header("Cache-Control", "no-store");
    if (!filter) return { traces: [], meta_data: { count: 0, marker: null } };
    if (filter.actorName !== undefined)
      filter.actorName = `${caller.domainName}/${filter.actorName}`;
    const rows = findTraces(db, { ...filter, limit: filter.limit + 1 });
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    return {
      traces: page.map(toTrace),
      meta_data: {
        count: page.length,
        marker: rows.length > filter.limit && last ? traceId(last.id) : null,
      },
    };
  });
}

/**
 * The query as a filter; null when it can match nothing here (another service, resource type or
 * tracker); a refusal when a parameter is malformed. Unknown parameters are ignored, as CTS does.
 */
function parseFilter(query: Record<string, unknown>, projectId: string): TraceFilter | null {
  const text = (name: string, max = 255): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.length === 0 || value.length > max)
      throw kpsError("KPS.0002", `parameter error: ${name}`);
    return value;
  };
  const number = (name: string): number | undefined => {
    const value = text(name, 15);
    if (value === undefined) return undefined;
    if (!MILLIS.test(value)) throw kpsError("KPS.0002", `parameter error: ${name}`);
    return Number(value);
  };
  const traceType = text("trace_type");
  if (traceType !== undefined && traceType !== "system" && traceType !== "data")
    throw kpsError("KPS.0002", "parameter error: trace_type");
  const limitText = text("limit", 4);
  const limit = limitText === undefined ? DEFAULT_TRACE_LIMIT : Number(limitText);
  // Decision: above the maximum is refused, not clamped, so a client never mistakes a short
  // page for the whole answer.
  if (limitText !== undefined && (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_TRACE_LIMIT))
    throw kpsError(
      "KPS.0002",
      `parameter error: limit must be an integer from 1 to ${MAX_TRACE_LIMIT}`,
    );
  const from = number("from");
  const to = number("to");
  if (from !== undefined && to !== undefined && from >= to)
    throw kpsError("KPS.0002", "parameter error: from must be before to");
  const next = text("next", 64);
  const beforeId = next === undefined ? undefined : idOf(next, "next");
  const traceIdText = text("trace_id", 64);
  const id = traceIdText === undefined ? undefined : idOf(traceIdText, "trace_id");
  const rating = text("trace_rating");
  if (rating !== undefined && !(RATINGS as readonly string[]).includes(rating))
    throw kpsError("KPS.0002", "parameter error: trace_rating");
  const keypairName = text("resource_name");
  if (keypairName !== undefined && !KEYPAIR_NAME_PATTERN.test(keypairName))
    throw kpsError("KPS.0002", "parameter error: resource_name");
  const user = text("user", 64);
  const serviceType = text("service_type", 64);
  const resourceType = text("resource_type", 64);
  const trackerName = text("tracker_name", 64);
  const traceName = text("trace_name", 64);
  const operation = traceName
    ? (Object.entries(TRACE_NAMES).find(([, name]) => name === traceName)?.[0] as
        | TraceFilter["operation"]
        | undefined)
    : undefined;
  const nothing =
    traceType === "data" ||
    (serviceType !== undefined && serviceType !== "KPS") ||
    (resourceType !== undefined && resourceType !== "keypair") ||
    (trackerName !== undefined && trackerName !== "system") ||
    (traceName !== undefined && operation === undefined) ||
    (text("resource_id") !== undefined && id === undefined && keypairName === undefined);
  if (nothing) return null;
  return {
    projectId,
    limit,
    ...(user !== undefined ? { actorName: user } : {}),
    ...(keypairName !== undefined ? { keypairName } : {}),
    ...(rating !== undefined ? { rating: rating as TraceRating } : {}),
    ...(operation !== undefined ? { operation } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(beforeId !== undefined ? { beforeId } : {}),
    ...(id !== undefined ? { id } : {}),
  };
}

function idOf(value: string, name: string): number {
  const match = TRACE_ID.exec(value);
  const id = match?.[1] ? Number.parseInt(match[1], 16) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw kpsError("KPS.0002", `parameter error: ${name}`);
  return id;
}

export function traceId(id: number): string {
  return `00000000-0000-0000-0000-${id.toString(16).padStart(12, "0")}`;
}

function rating(row: TraceRow): TraceRating {
  if (row.outcome === "success") return "normal";
  return (row.status ?? 400) >= 500 ? "incident" : "warning";
}

/** One audit row as a CTS trace; never key material (the audit holds none), never a token. */
function toTrace(row: TraceRow) {
  const names = JSON.parse(row.keypair_names) as string[];
  const time = Date.parse(row.time);
  const slash = row.actor_name.indexOf("/");
  const domainName = row.domain_name ?? row.actor_name.slice(0, Math.max(slash, 0));
  const status = row.status ?? (row.outcome === "success" ? 200 : 400);
  return {
    trace_id: traceId(row.id),
    trace_name: TRACE_NAMES[row.operation],
    trace_rating: rating(row),
    trace_type: "ApiCall",
    // The request body as the API took it: key-pair names only.
    request: JSON.stringify(
      row.operation === "export"
        ? { keypair: { name: names[0] ?? "" } }
        : names.map((name) => ({ keypair: { name } })),
    ),
    ...(row.error_code ? { response: JSON.stringify({ error_code: row.error_code }) } : {}),
    code: String(status),
    api_version: "v3",
    // Decision: the export reason is the remark KPS adds to the trace (CTS has no field of its
    // own for it); absent when none was given.
    ...(row.reason !== null ? { message: row.reason } : {}),
    record_time: time,
    time,
    user: {
      id: row.actor_user_id,
      name: row.user_name ?? row.actor_name.slice(slash + 1),
      domain: { ...(row.domain_id ? { id: row.domain_id } : {}), name: domainName },
    },
    service_type: "KPS",
    resource_type: "keypair",
    resource_name: names.join(","),
    source_ip: row.client_address ?? "",
    request_id: row.request_id,
    ...(row.error_code ? { location_info: row.error_code } : {}),
    // Not CTS's: a flood's summary row stands for this many refused attempts.
    ...(row.attempts > 1 ? { attempts: row.attempts } : {}),
  };
}
