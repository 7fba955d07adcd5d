import { describe, expect, it } from "vitest";
import { requestIdSource } from "./request-ids.ts";

describe("request ids", () => {
  it("are 128-bit hex strings that do not repeat, across many pool refills", () => {
    const next = requestIdSource();
    const ids = Array.from({ length: 10_000 }, next);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
