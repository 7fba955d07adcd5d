// Export (and create) is limited per actor, not per address: every local client is 127.0.0.1.
import { ApiFailure } from "../http/errors.ts";

const WINDOW_MS = 60_000;

/** The gateway's throttling answer, as the real API gateway sends it. */
export function throttled(waitSeconds: number): ApiFailure {
  return new ApiFailure(
    429,
    "APIGW.0308",
    "The request is throttled. Try again later.",
    "gateway",
    {
      "Retry-After": String(waitSeconds),
    },
  );
}

export class ExportRateLimit {
  // Times arrive in order, so expired hits are always at the front: dropping them is cheap,
  // where filtering the whole window on every request grew with the limit.
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; returns 0 when allowed, else the seconds to wait. */
  take(actor: string): number {
    const now = this.now();
    let recent = this.hits.get(actor);
    if (!recent) {
      recent = [];
      this.hits.set(actor, recent);
    }
    let expired = 0;
    while (expired < recent.length && now - (recent[expired] ?? now) >= WINDOW_MS) expired += 1;
    if (expired > 0) recent.splice(0, expired);
    if (recent.length >= this.perMinute) {
      return Math.max(1, Math.ceil(((recent[0] ?? now) + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    return 0;
  }
}
