// Failed attempts are cheap to send and each audit row is a durable write: beyond a per-minute
// allowance per source (or per actor, when the token resolved), refusals are counted in memory
// and written as one summary row per key and window, so a flood cannot fill the disk or the
// write queue. Successes never pass through here: each one is always recorded.
import type { AuditRecord } from "../kps/audit-log.ts";

const WINDOW_MS = 60_000;
/** All keys together: address rotation (IPv6 hands out millions) must not multiply the rows. */
const TOTAL_FACTOR = 10;
const MAX_KEYS = 100_000;

type Window = { start: number; written: number; suppressed: number; sample: AuditRecord | null };

export class AuditGate {
  private readonly windows = new Map<string, Window>();
  private total: Window = { start: 0, written: 0, suppressed: 0, sample: null };
  private readonly ended: AuditRecord[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** True when the record may be written now; false when it was counted into a summary. */
  admit(record: AuditRecord): boolean {
    const now = this.now();
    const key = record.actorUserId
      ? `actor:${record.actorUserId}`
      : `source:${record.clientAddress}`;
    let window = this.windows.get(key);
    if (window && now - window.start >= WINDOW_MS) {
      this.close(window);
      window = undefined;
    }
    if (!window) {
      if (this.windows.size >= MAX_KEYS) this.drainEnded(now, true);
      window = { start: now, written: 0, suppressed: 0, sample: null };
      this.windows.set(key, window);
    }
    if (now - this.total.start >= WINDOW_MS)
      this.total = { start: now, written: 0, suppressed: 0, sample: null };
    if (window.written < this.perMinute && this.total.written < this.perMinute * TOTAL_FACTOR) {
      window.written += 1;
      this.total.written += 1;
      return true;
    }
    window.suppressed += 1;
    window.sample = record;
    return false;
  }

  /**
   * Summary rows for windows that have ended (all of them when `all`, as at shutdown), each
   * with `attempts` = how many refusals it stands for.
   */
  drain(all = false): AuditRecord[] {
    this.drainEnded(this.now(), all);
    return this.ended.splice(0);
  }

  private drainEnded(now: number, all: boolean): void {
    for (const [key, window] of this.windows) {
      if (!all && now - window.start < WINDOW_MS) continue;
      this.close(window);
      this.windows.delete(key);
    }
  }

  private close(window: Window): void {
    if (window.suppressed === 0 || !window.sample) return;
    this.ended.push({ ...window.sample, attempts: window.suppressed });
    window.suppressed = 0;
  }
}
