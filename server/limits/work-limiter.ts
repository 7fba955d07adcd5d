// A concurrency limit with a bounded queue. p-limit and its kin queue without bound, which is
// the very failure being fixed (a flood waits in memory, then runs anyway), and none says how
// long a caller would wait; ~40 lines here do both.

/** Thrown when the queue is full; the route answers 503 in its own shape with Retry-After. */
export class WorkQueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("busy");
  }
}

export class WorkLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** A moving average of how long one task takes, so Retry-After is an estimate, not a guess. */
  private averageMs: number;

  constructor(
    readonly concurrency: number,
    readonly maxQueued: number,
    expectedMs: number,
  ) {
    this.averageMs = expectedMs;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) this.active += 1;
    else {
      if (this.waiting.length >= this.maxQueued) throw new WorkQueueFull(this.retryAfter());
      // The finishing task hands its slot over without releasing it, so nobody jumps the queue.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const started = performance.now();
    try {
      return await task();
    } finally {
      this.averageMs = this.averageMs * 0.8 + (performance.now() - started) * 0.2;
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Seconds until the queue, as it stands, would have drained. */
  retryAfter(): number {
    const rounds = Math.ceil((this.waiting.length + this.active) / this.concurrency);
    return Math.max(1, Math.ceil((rounds * this.averageMs) / 1000));
  }

  get load(): { active: number; queued: number } {
    return { active: this.active, queued: this.waiting.length };
  }
}
