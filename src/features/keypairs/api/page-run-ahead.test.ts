import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ListKeypairsResponse } from "../../../../contract/kps.ts";
import { clearSession, setSession } from "../../../lib/session.ts";
import { testSession } from "../../../testing/test-session.ts";
import { type PageRunner, pageRunAhead } from "./page-run-ahead.ts";
import type { PageRun, PageRunEvent } from "./run-pages.ts";

const page = (name: string): ListKeypairsResponse => ({ keypairs: [{ keypair: { name } }] });

/** A runner the test drives: each run it was asked for, what it may tell, and whether it stopped. */
function scriptedRunner() {
  const runs: {
    run: PageRun;
    tell: (event: PageRunEvent) => void;
    stopped: boolean;
    resumed: boolean;
  }[] = [];
  const runner: PageRunner = (run, tell) => {
    const started = { run, tell, stopped: false, resumed: false };
    runs.push(started);
    return {
      stop: () => {
        started.stopped = true;
      },
      resume: () => {
        started.resumed = true;
      },
    };
  };
  return { runs, runner };
}

function setUp() {
  const { runs, runner } = scriptedRunner();
  const request = vi.fn(async (projectId: string, marker: string | null, _signal: AbortSignal) =>
    page(`asked ${projectId}:${marker}`),
  );
  const ahead = pageRunAhead({
    address: (projectId) => ({ base: `/v3/${projectId}/keypairs`, limit: 1000 }),
    request,
    runner,
  });
  return { runs, request, ahead };
}

const live = () => new AbortController().signal;
const names = (answer: ListKeypairsResponse) => answer.keypairs.map(({ keypair }) => keypair.name);

beforeEach(() => setSession(testSession()));
afterEach(() => {
  clearSession("user");
  vi.useRealTimers();
});

describe("pageRunAhead", () => {
  it("reads the whole list in one run, the next page asked for before anyone claims it", async () => {
    const { runs, request, ahead } = setUp();
    const first = ahead.take("p1", null, live());
    expect(runs).toHaveLength(1);
    expect(runs[0]?.run).toEqual({
      base: "/v3/p1/keypairs",
      limit: 1000,
      token: testSession().token,
      from: null,
      holdMs: undefined,
    });
    runs[0]?.tell({ kind: "page", page: page("a"), next: "m1" });
    runs[0]?.tell({ kind: "page", page: page("b"), next: "m2" });
    runs[0]?.tell({ kind: "page", page: page("c"), next: undefined });
    expect(names(await first)).toEqual(["a"]);
    expect(names(await ahead.take("p1", "m1", live()))).toEqual(["b"]);
    expect(names(await ahead.take("p1", "m2", live()))).toEqual(["c"]);
    expect(runs).toHaveLength(1);
    expect(request).not.toHaveBeenCalled();
  });

  it("holds a first load's run after its first page until the rows are drawn", async () => {
    const { runs, ahead } = setUp();
    void ahead.take("p1", null, live(), true);
    expect(runs[0]?.run.holdMs).toBe(1000);
    expect(runs[0]?.resumed).toBe(false);
    ahead.resume();
    expect(runs[0]?.resumed).toBe(true);
    // A refresh, with rows on screen already, is not held.
    void ahead.take("p1", null, live());
    expect(runs[1]?.run.holdMs).toBeUndefined();
  });

  it("hands a page to the request waiting for it as soon as the run brings it", async () => {
    const { runs, ahead } = setUp();
    void ahead.take("p1", null, live());
    runs[0]?.tell({ kind: "page", page: page("a"), next: "m1" });
    const second = ahead.take("p1", "m1", live());
    runs[0]?.tell({ kind: "page", page: page("b"), next: undefined });
    expect(names(await second)).toEqual(["b"]);
    expect(runs).toHaveLength(1);
  });

  it("hands a page out once: asked for again, it starts a run from there", async () => {
    const { runs, ahead } = setUp();
    void ahead.take("p1", null, live());
    runs[0]?.tell({ kind: "page", page: page("a"), next: undefined });
    const again = ahead.take("p1", null, live());
    expect(runs).toHaveLength(2);
    expect(runs[0]?.stopped).toBe(true);
    runs[1]?.tell({ kind: "page", page: page("a, read again"), next: undefined });
    expect(names(await again)).toEqual(["a, read again"]);
  });

  it("starts a new run, stopping the old, for a page the run will not bring or another project", async () => {
    const { runs, ahead } = setUp();
    void ahead.take("p1", null, live());
    void ahead.take("p1", "elsewhere", live());
    expect(runs[0]?.stopped).toBe(true);
    expect(runs[1]?.run.from).toBe("elsewhere");
    void ahead.take("p2", "elsewhere", live());
    expect(runs[1]?.stopped).toBe(true);
    expect(runs[2]?.run.base).toBe("/v3/p2/keypairs");
  });

  it("stops the run when the session changes, and reads nothing of it for the next token", async () => {
    const { runs, request, ahead } = setUp();
    const waiting = ahead.take("p1", null, live());
    setSession({ ...testSession(), token: "another-token" });
    expect(runs[0]?.stopped).toBe(true);
    // The request that was waiting asks for its page itself, with the session now current.
    expect(names(await waiting)).toEqual(["asked p1:null"]);
    expect(request).toHaveBeenCalledTimes(1);
    void ahead.take("p1", null, live());
    expect(runs[1]?.run.token).toBe("another-token");
  });

  it("asks through the console's client for a page the run failed to bring, whose error is the user's", async () => {
    const { runs, request, ahead } = setUp();
    const refused = new Error("IAM.0101");
    request.mockRejectedValueOnce(refused);
    const first = ahead.take("p1", null, live());
    runs[0]?.tell({ kind: "failed" });
    await expect(first).rejects.toBe(refused);
    expect(request).toHaveBeenCalledWith("p1", null, expect.any(AbortSignal));
  });

  it("leaves a page the run failed to bring, and its retries, to the client until it is read", async () => {
    const { runs, request, ahead } = setUp();
    void ahead.take("p1", null, live());
    runs[0]?.tell({ kind: "page", page: page("a"), next: "m1" });
    void ahead.take("p1", "m1", live());
    runs[0]?.tell({ kind: "failed" });
    await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    expect(names(await ahead.take("p1", "m1", live()))).toEqual(["asked p1:m1"]);
    expect(request).toHaveBeenCalledTimes(2);
    expect(runs).toHaveLength(1);
    // Once the client has it, the page after it is read ahead again.
    void ahead.take("p1", "m2", live());
    expect(runs[1]?.run.from).toBe("m2");
  });

  it("does not hand out a page left unclaimed for seconds", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const { runs, ahead } = setUp();
    void ahead.take("p1", null, live());
    runs[0]?.tell({ kind: "page", page: page("a"), next: "m1" });
    runs[0]?.tell({ kind: "page", page: page("b, old"), next: undefined });
    vi.advanceTimersByTime(2500);
    const later = ahead.take("p1", "m1", live());
    expect(runs).toHaveLength(2);
    runs[1]?.tell({ kind: "page", page: page("b, fresh"), next: undefined });
    expect(names(await later)).toEqual(["b, fresh"]);
  });

  it("stops the run when the request that claimed a page is cancelled", async () => {
    const { runs, request, ahead } = setUp();
    const caller = new AbortController();
    const first = ahead.take("p1", null, caller.signal);
    caller.abort(new DOMException("gone", "AbortError"));
    await expect(first).rejects.toMatchObject({ name: "AbortError" });
    expect(runs[0]?.stopped).toBe(true);
    expect(request).not.toHaveBeenCalled();
  });

  it("reads nothing ahead without a session", async () => {
    const { runs, request, ahead } = setUp();
    clearSession("user");
    expect(names(await ahead.take("p1", null, live()))).toEqual(["asked p1:null"]);
    expect(runs).toHaveLength(0);
    expect(request).toHaveBeenCalledTimes(1);
  });
});
