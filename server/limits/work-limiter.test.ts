import { describe, expect, it } from "vitest";
import { WorkLimiter, WorkQueueFull } from "./work-limiter.ts";

const gate = () => {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
};

describe("WorkLimiter", () => {
  it("runs at most `concurrency` tasks at once and refuses beyond the queue with Retry-After", async () => {
    const limiter = new WorkLimiter(2, 3, 1000);
    let running = 0;
    let peak = 0;
    const release = gate();
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await release.opened;
      running -= 1;
      return "done";
    };
    const accepted = Array.from({ length: 5 }, () => limiter.run(task));
    await Promise.resolve();
    expect(limiter.load).toEqual({ active: 2, queued: 3 });
    const refused = await limiter.run(task).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkQueueFull);
    // 5 ahead, 2 at a time, ~1 s each: about 3 s to drain.
    expect((refused as WorkQueueFull).retryAfterSeconds).toBe(3);
    release.open();
    expect(await Promise.all(accepted)).toEqual(["done", "done", "done", "done", "done"]);
    expect(peak).toBe(2);
    expect(limiter.load).toEqual({ active: 0, queued: 0 });
  });

  it("frees the slot when a task fails", async () => {
    const limiter = new WorkLimiter(1, 0, 10);
    await expect(limiter.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limiter.run(async () => 1)).toBe(1);
  });
});
