// Sign-in throttling after OWASP's authentication cheat sheet: failures are counted per account
// (across every source, so a new address brings no fresh guesses), per source (so one client
// cannot spray many accounts) and per account-and-source. A wait is a bounded slow-down, never a
// permanent lock, and Retry-After is the real time until the attempt is let through: refused
// attempts are not counted, so waiting it out always works.
//
// Who is protected from whom: a source where the user has signed in before ("recognised", like
// OWASP's device cookie, keyed on the address since the IAM API has no cookies) skips the
// account and source buckets, so failures elsewhere, or by another client behind the same NAT
// for other names, never keep the user out there; only the account-and-source bucket applies.
// Names that match no user get buckets of their own, treated exactly like a real account's, so
// they never touch a real account and the throttle tells nobody which names exist.
const WINDOW_MS = 15 * 60 * 1000;
const RECOGNISED_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 100_000;
const MAX_SOURCES_PER_ACCOUNT = 16;

type Rule = { free: number; maxDelayMs: number };
const ACCOUNT: Rule = { free: 5, maxDelayMs: 5 * 60 * 1000 };
const SOURCE: Rule = { free: 50, maxDelayMs: 60 * 1000 };
const PAIR: Rule = { free: 10, maxDelayMs: 60 * 1000 };

type Entry = { failures: number; lastFailure: number };

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  /** account -> source -> time of the last success from there. */
  private readonly recognised = new Map<string, Map<string, number>>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Milliseconds the caller must still wait, or 0. */
  retryAfter(account: string, user: string, source: string): number {
    const name = accountKey(account, user);
    const pair = this.wait(`p:${name}\n${source}`, PAIR);
    if (this.isRecognised(name, source)) return pair;
    return Math.max(pair, this.wait(`a:${name}`, ACCOUNT), this.wait(`s:${source}`, SOURCE));
  }

  recordFailure(account: string, user: string, source: string): void {
    const name = accountKey(account, user);
    for (const key of [`a:${name}`, `s:${source}`, `p:${name}\n${source}`]) {
      const entry = this.fresh(key);
      this.entries.set(key, { failures: (entry?.failures ?? 0) + 1, lastFailure: this.now() });
    }
    if (this.entries.size > MAX_ENTRIES) this.prune();
  }

  /** The account bucket is left alone: a success must not hand an attacker fresh guesses. */
  recordSuccess(account: string, user: string, source: string): void {
    const name = accountKey(account, user);
    this.entries.delete(`p:${name}\n${source}`);
    let sources = this.recognised.get(name);
    if (!sources) {
      if (this.recognised.size >= MAX_ENTRIES) this.recognised.clear();
      sources = new Map();
      this.recognised.set(name, sources);
    }
    sources.delete(source);
    sources.set(source, this.now());
    // Insertion order is age order: the least recently used source goes first.
    if (sources.size > MAX_SOURCES_PER_ACCOUNT) {
      const oldest = sources.keys().next().value;
      if (oldest !== undefined) sources.delete(oldest);
    }
  }

  private isRecognised(name: string, source: string): boolean {
    const at = this.recognised.get(name)?.get(source);
    return at !== undefined && this.now() - at < RECOGNISED_MS;
  }

  private wait(key: string, rule: Rule): number {
    const entry = this.fresh(key);
    if (!entry || entry.failures < rule.free) return 0;
    const delay = Math.min(rule.maxDelayMs, 1000 * 2 ** (entry.failures - rule.free));
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
    // Still full of live entries (a flood of names): drop the oldest rather than grow.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES * 0.9) break;
      this.entries.delete(key);
    }
  }
}

// Exactly as the user lookup matches, so a name that finds no user never shares a real bucket.
function accountKey(account: string, user: string): string {
  return `${account}\n${user}`;
}
