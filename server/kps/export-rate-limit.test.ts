import { describe, expect, it } from "vitest";
import { ExportRateLimit } from "./export-rate-limit.ts";

describe("export rate limit", () => {
  it("allows exactly the limit per minute per actor, then says how long to wait", () => {
    let now = 1_000_000;
    const limit = new ExportRateLimit(3, () => now);
    expect([limit.take("a"), limit.take("a"), limit.take("a")]).toEqual([0, 0, 0]);
    now += 20_000;
    expect(limit.take("a")).toBe(40);
    expect(limit.take("b")).toBe(0);
    now += 40_000;
    expect([limit.take("a"), limit.take("a"), limit.take("a")]).toEqual([0, 0, 0]);
    expect(limit.take("a")).toBe(60);
  });
});
