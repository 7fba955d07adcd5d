import type { Trace } from "../../../contract/traces.ts";

export type RowOutcome = "succeeded" | "refused" | "failed" | "unknown";
export type RowKind = "single" | "batch" | "unknown";

/** One export attempt as the page and the CSV show it: codes and values, no sentences. */
export type HistoryRow = {
  traceId: string;
  /** Epoch ms; null when the trace gave none. */
  time: number | null;
  user: string;
  keypairs: string[];
  outcome: RowOutcome;
  /** KPS.4016, KPS.7001…; null on success. */
  errorCode: string | null;
  /** The HTTP status answered, as the trace's `code` holds it. */
  status: string | null;
  reason: string | null;
  sourceIp: string;
  requestId: string;
  kind: RowKind;
  /** More than 1 only on a flood's summary row. */
  attempts: number;
};

const OUTCOMES: Record<string, RowOutcome> = {
  normal: "succeeded",
  warning: "refused",
  incident: "failed",
};
const KINDS: Record<string, RowKind> = {
  exportPrivateKey: "single",
  batchExportPrivateKey: "batch",
};

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The names from the request body (names only); the joined resource_name when it is not there. */
function keypairNames(trace: Trace): string[] {
  const body = parseJson(trace.request);
  const items = Array.isArray(body) ? body : body === undefined ? [] : [body];
  const names = items
    .map((item) => (item as { keypair?: { name?: unknown } } | null)?.keypair?.name)
    .filter((name): name is string => typeof name === "string" && name !== "");
  if (names.length > 0) return names;
  return (trace.resource_name ?? "").split(",").filter((name) => name !== "");
}

function errorCode(trace: Trace): string | null {
  if (trace.location_info) return trace.location_info;
  const body = parseJson(trace.response) as { error_code?: unknown } | undefined;
  return typeof body?.error_code === "string" ? body.error_code : null;
}

export function toHistoryRow(trace: Trace): HistoryRow {
  const outcome = OUTCOMES[trace.trace_rating ?? ""] ?? "unknown";
  return {
    traceId: trace.trace_id,
    time: typeof trace.time === "number" && Number.isFinite(trace.time) ? trace.time : null,
    user: trace.user?.name ?? "",
    keypairs: keypairNames(trace),
    outcome,
    errorCode: outcome === "succeeded" ? null : errorCode(trace),
    status: trace.code ?? null,
    reason: trace.message ?? null,
    sourceIp: trace.source_ip ?? "",
    requestId: trace.request_id ?? "",
    kind: KINDS[trace.trace_name ?? ""] ?? "unknown",
    attempts: trace.attempts ?? 1,
  };
}
