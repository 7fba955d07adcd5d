// Export is limited per actor, not per address: every local client is 127.0.0.1.
const WINDOW_MS = 60_000;

export class ExportRateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; returns 0 when allowed, else the seconds to wait. */
  take(actor: string): number {
    const now = this.now();
    const recent = (this.hits.get(actor) ?? []).filter((time) => now - time < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.hits.set(actor, recent);
      return Math.max(1, Math.ceil(((recent[0] ?? now) + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.hits.set(actor, recent);
    return 0;
  }
}
