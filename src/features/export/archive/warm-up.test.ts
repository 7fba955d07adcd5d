import { describe, expect, it } from "vitest";
import { NOT_POSSESSED } from "../../../lib/ssh-key/inspect-key.ts";
import { analyzeArchive } from "./analyze-archive.ts";
import { warmUpArchive } from "./warm-up.ts";

describe("the worker's warm-up archive", () => {
  it("goes through the zip reader and the PEM, DER and big-integer checks, and is refused there", async () => {
    const { bytes, expected } = await warmUpArchive();
    const report = await analyzeArchive(bytes, expected);
    expect(report.entries).toHaveLength(10);
    for (const entry of report.entries) {
      expect(entry.status).toBe("mismatch");
      // The possession check is the last one: everything ahead of it ran.
      expect(entry.problem).toBe(NOT_POSSESSED);
    }
    expect(report.verdict.ok).toBe(false);
  });
});
