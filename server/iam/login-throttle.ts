// Slows repeated wrong passwords per account and per client. Counting per (user, client) pair
// means an attacker elsewhere cannot lock a victim out of their own client; the per-client
// counter stops one client from spraying many accounts.
const WINDOW_MS = 15 * 60 * 1000;
const FREE_FAILURES_PER_USER = 5;
const FREE_FAILURES_PER_CLIENT = 50;
const MAX_DELAY_MS = 15 * 60 * 1000;

type Entry = { failures: number; lastFailure: number };

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the caller must still wait, or 0. */
  retryAfter(account: string, user: string, client: string): number {
    return Math.max(
      this.wait(`u:${account}:${user}:${client}`, FREE_FAILURES_PER_USER),
      this.wait(`c:${client}`, FREE_FAILURES_PER_CLIENT),
    );
  }

  recordFailure(account: string, user: string, client: string): void {
    for (const key of [`u:${account}:${user}:${client}`, `c:${client}`]) {
      const entry = this.fresh(key);
      this.entries.set(key, { failures: (entry?.failures ?? 0) + 1, lastFailure: this.now() });
    }
    if (this.entries.size > 100_000) this.prune();
  }

  recordSuccess(account: string, user: string, client: string): void {
    this.entries.delete(`u:${account}:${user}:${client}`);
  }

  private wait(key: string, free: number): number {
    const entry = this.fresh(key);
    if (!entry || entry.failures < free) return 0;
    const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (entry.failures - free));
    return Math.max(0, entry.lastFailure + delay - this.now());
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.lastFailure > WINDOW_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    for (const key of this.entries.keys()) this.fresh(key);
  }
}
