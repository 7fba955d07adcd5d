// Housekeeping while the server runs, not only at start: expired tokens go, audit rows past the
// retention period go, and flood summaries are written. The timer is unref'd so it never keeps
// a process (or a test) alive.
import { deleteExpiredTokens } from "../iam/tokens.ts";
import { deleteAuditBefore } from "../kps/audit-log.ts";
import type { Db } from "../store/database.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export type SweepOptions = {
  db: Db;
  auditRetentionDays: number;
  flushAuditSummaries: (all?: boolean) => Promise<void>;
  now?: () => number;
  log?: (error: unknown) => void;
};

export function sweepOnce(options: SweepOptions): { tokens: number; auditRows: number } {
  const now = options.now?.() ?? Date.now();
  const tokens = deleteExpiredTokens(options.db, now);
  const auditRows = deleteAuditBefore(
    options.db,
    new Date(now - options.auditRetentionDays * DAY_MS),
  );
  return { tokens, auditRows };
}

/** Starts the periodic sweep; the returned stop writes what is pending and stops the timer. */
export function startSweeps(options: SweepOptions, intervalMs = 30_000): () => Promise<void> {
  const tick = () => {
    try {
      sweepOnce(options);
    } catch (error) {
      options.log?.(error);
    }
    options.flushAuditSummaries().catch((error) => options.log?.(error));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await options.flushAuditSummaries(true).catch((error) => options.log?.(error));
  };
}
