import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { zipKeys } from "../../../testing/hostile-archives.ts";
import { analyzeArchive } from "./analyze-archive.ts";
import { ArchiveRejectedError, inspectArchive } from "./inspect-archive.ts";
import type { WorkerRequest } from "./worker-protocol.ts";

// Node has no Web Worker; this stand-in runs the same analysis (or hangs, or fails) and records
// what inspectArchive does with it.
type Behaviour = "analyze" | "hang" | "crash";
let behaviour: Behaviour = "analyze";
let workers: FakeWorker[] = [];

class FakeWorker extends EventTarget {
  terminated = false;
  transferred: Transferable[] = [];
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    workers.push(this);
  }
  postMessage(request: WorkerRequest, transfer: Transferable[]) {
    this.transferred = transfer;
    if (behaviour === "crash") {
      queueMicrotask(() => this.dispatchEvent(new Event("error")));
    }
    if (behaviour === "analyze") {
      analyzeArchive(request.bytes, request.expected).then(
        (report) => this.reply({ kind: "report", report }),
        (error: ArchiveRejectedError) => this.reply({ kind: "rejected", refusal: error.refusal }),
      );
    }
  }
  private reply(data: unknown) {
    if (!this.terminated) this.dispatchEvent(new MessageEvent("message", { data }));
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  behaviour = "analyze";
  workers = [];
  vi.stubGlobal("Worker", FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function notAKeyZip(): Promise<ArrayBuffer> {
  const zip = await zipKeys({ web: "hello" });
  return zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer;
}

describe("inspectArchive", () => {
  it("starts a module worker, returns its report and terminates it", async () => {
    const bytes = await notAKeyZip();
    const report = await inspectArchive(bytes, [{ name: "web", fingerprint: "aa" }]);
    expect(report.entries[0]?.status).toBe("unreadable");
    expect(workers).toHaveLength(1);
    expect(workers[0]?.options).toEqual({ type: "module" });
    expect(workers[0]?.url.pathname).toMatch(/archive-worker\.ts$/);
    expect(workers[0]?.terminated).toBe(true);
  });

  it("transfers a copy, so the caller's bytes stay intact for saving", async () => {
    const bytes = await notAKeyZip();
    const length = bytes.byteLength;
    await inspectArchive(bytes, [{ name: "web" }]);
    expect(bytes.byteLength).toBe(length);
    expect(workers[0]?.transferred[0]).not.toBe(bytes);
  });

  it("passes the worker's refusal on as ArchiveRejectedError", async () => {
    const bytes = new TextEncoder().encode("PK but not really a zip archive at all").buffer;
    const failure = inspectArchive(bytes as ArrayBuffer, [{ name: "web" }]);
    await expect(failure).rejects.toBeInstanceOf(ArchiveRejectedError);
    await expect(failure).rejects.toMatchObject({ refusal: { code: "notAZip" } });
    expect(workers[0]?.terminated).toBe(true);
  });

  it("refuses oversized and empty input without starting a worker", async () => {
    await expect(inspectArchive(new ArrayBuffer(300 * 1024), [])).rejects.toMatchObject({
      refusal: { code: "tooLarge" },
    });
    await expect(inspectArchive(new ArrayBuffer(0), [])).rejects.toMatchObject({
      refusal: { code: "notAZip" },
    });
    expect(workers).toHaveLength(0);
  });

  it("gives up after the timeout and terminates the worker", async () => {
    behaviour = "hang";
    const failure = inspectArchive(await notAKeyZip(), [{ name: "web" }], { timeoutMs: 30 });
    await expect(failure).rejects.toMatchObject({ refusal: { code: "tooSlow" } });
    await expect(failure).rejects.toBeInstanceOf(ArchiveRejectedError);
    expect(workers[0]?.terminated).toBe(true);
  });

  it("rejects with AbortError on abort and terminates the worker", async () => {
    behaviour = "hang";
    const controller = new AbortController();
    const failure = inspectArchive(await notAKeyZip(), [{ name: "web" }], {
      signal: controller.signal,
    });
    controller.abort();
    await expect(failure).rejects.toMatchObject({ name: "AbortError" });
    expect(workers[0]?.terminated).toBe(true);
  });

  it("does not start at all when already aborted", async () => {
    const failure = inspectArchive(await notAKeyZip(), [], { signal: AbortSignal.abort() });
    await expect(failure).rejects.toMatchObject({ name: "AbortError" });
    expect(workers).toHaveLength(0);
  });

  it("turns a crashed worker into a refusal", async () => {
    behaviour = "crash";
    await expect(inspectArchive(await notAKeyZip(), [{ name: "web" }])).rejects.toMatchObject({
      refusal: { code: "uncheckable" },
    });
    expect(workers[0]?.terminated).toBe(true);
  });
});
