import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearSession, setSession } from "../../../lib/session.ts";
import { testSession } from "../../../testing/test-session.ts";
import { pageReadAhead } from "./page-read-ahead.ts";

type Call = { projectId: string; marker: string | null; signal: AbortSignal };

function recorder() {
  const calls: Call[] = [];
  const request = vi.fn(async (projectId: string, marker: string | null, signal: AbortSignal) => {
    calls.push({ projectId, marker, signal });
    return `${projectId}:${marker}:${calls.length}`;
  });
  return { calls, readAhead: pageReadAhead(request) };
}

const live = () => new AbortController().signal;

beforeEach(() => setSession(testSession()));
afterEach(() => {
  clearSession("user");
  vi.useRealTimers();
});

describe("pageReadAhead", () => {
  it("hands the page read ahead to the request for that page, asking once", async () => {
    const { calls, readAhead } = recorder();
    readAhead.start("p1", "m1");
    expect(await readAhead.take("p1", "m1", live())).toBe("p1:m1:1");
    expect(calls).toHaveLength(1);
    // Claimed once: the same page asked for again is asked of the server again.
    expect(await readAhead.take("p1", "m1", live())).toBe("p1:m1:2");
  });

  it("asks afresh, and drops what it read, for another marker or another project", async () => {
    const { calls, readAhead } = recorder();
    readAhead.start("p1", "m1");
    expect(await readAhead.take("p1", "m2", live())).toBe("p1:m2:2");
    expect(calls[0]?.signal.aborted).toBe(true);
    readAhead.start("p1", "m1");
    expect(await readAhead.take("p2", "m1", live())).toBe("p2:m1:4");
    expect(calls[2]?.signal.aborted).toBe(true);
  });

  it("drops the page when the session changes, so no answer crosses tokens or users", async () => {
    const { calls, readAhead } = recorder();
    readAhead.start("p1", "m1");
    setSession({ ...testSession(), token: "another-token" });
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(await readAhead.take("p1", "m1", live())).toBe("p1:m1:2");
  });

  it("does not hand out an answer left unclaimed for seconds", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const { readAhead } = recorder();
    readAhead.start("p1", "m1");
    await Promise.resolve();
    await Promise.resolve();
    vi.advanceTimersByTime(2500);
    expect(await readAhead.take("p1", "m1", live())).toBe("p1:m1:2");
  });

  it("cancels the request it hands over when the one that claimed it is cancelled", async () => {
    const { calls, readAhead } = recorder();
    readAhead.start("p1", "m1");
    const caller = new AbortController();
    const page = readAhead.take("p1", "m1", caller.signal);
    caller.abort();
    expect(calls[0]?.signal.aborted).toBe(true);
    await page;
  });
});
