import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startIdleTimer } from "./idle-timer.ts";

const MINUTE = 60_000;

function start() {
  const calls: string[] = [];
  const timer = startIdleTimer({
    timeoutMs: 15 * MINUTE,
    warnBeforeMs: MINUTE,
    onWarn: () => calls.push("warn"),
    onActive: () => calls.push("active"),
    onIdle: () => calls.push("idle"),
  });
  return { timer, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("startIdleTimer", () => {
  it("warns a minute before and signs out at the timeout without activity", () => {
    const { calls } = start();
    vi.advanceTimersByTime(14 * MINUTE - 1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(["warn"]);
    vi.advanceTimersByTime(MINUTE - 1);
    expect(calls).toEqual(["warn"]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(["warn", "idle"]);
  });

  it("keeps the user signed in while there is activity, however long", () => {
    const { timer, calls } = start();
    for (let minute = 0; minute < 60; minute += 1) {
      vi.advanceTimersByTime(10 * MINUTE);
      timer.activity();
    }
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(15 * MINUTE);
    expect(calls).toEqual(["warn", "idle"]);
  });

  it("takes the warning back on activity and starts the full count again", () => {
    const { timer, calls } = start();
    vi.advanceTimersByTime(14.5 * MINUTE);
    timer.activity();
    expect(calls).toEqual(["warn", "active"]);
    vi.advanceTimersByTime(13.9 * MINUTE);
    expect(calls).toEqual(["warn", "active"]);
    vi.advanceTimersByTime(1.1 * MINUTE);
    expect(calls).toEqual(["warn", "active", "warn", "idle"]);
  });

  it("signs out without a warning when the clock jumps past the timeout (a sleeping laptop)", () => {
    const { calls } = start();
    vi.setSystemTime(Date.now() + 20 * MINUTE);
    vi.advanceTimersByTime(14 * MINUTE);
    expect(calls).toEqual(["idle"]);
  });

  it("counts mouse movement before the warning but not after it", () => {
    const { timer, calls } = start();
    vi.advanceTimersByTime(13 * MINUTE);
    timer.activity("passive");
    vi.advanceTimersByTime(14 * MINUTE);
    expect(calls).toEqual(["warn"]);
    timer.activity("passive");
    vi.advanceTimersByTime(MINUTE);
    expect(calls).toEqual(["warn", "idle"]);
  });

  it("does nothing after it is stopped", () => {
    const { timer, calls } = start();
    timer.stop();
    timer.activity();
    vi.advanceTimersByTime(30 * MINUTE);
    expect(calls).toEqual([]);
  });
});
