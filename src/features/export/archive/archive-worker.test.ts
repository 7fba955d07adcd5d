import { afterEach, describe, expect, it, vi } from "vitest";
import { zipKeys } from "../../../testing/hostile-archives.ts";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.ts";

// Loads the real worker module against a stand-in worker scope.
async function startWorker() {
  let listener: ((event: { data: WorkerRequest }) => void) | undefined;
  const replies: WorkerReply[] = [];
  vi.stubGlobal("addEventListener", (_type: string, handler: typeof listener) => {
    listener = handler;
  });
  vi.stubGlobal("postMessage", (reply: WorkerReply) => replies.push(reply));
  vi.resetModules();
  await import("./archive-worker.ts");
  return {
    async send(request: WorkerRequest): Promise<WorkerReply> {
      listener?.({ data: request });
      await vi.waitFor(() => expect(replies).toHaveLength(1));
      return replies[0] as WorkerReply;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("archive-worker", () => {
  it("posts the report for a readable archive", async () => {
    const worker = await startWorker();
    const zip = await zipKeys({ web: "hello" });
    const reply = await worker.send({ bytes: zip.slice().buffer, expected: [{ name: "web" }] });
    expect(reply).toMatchObject({ kind: "report", report: { missing: [] } });
  });

  it("posts the refusal's code, with the entry name shown safely, for a hostile archive", async () => {
    const worker = await startWorker();
    const zip = await zipKeys({ "../web": "hello" });
    const reply = await worker.send({ bytes: zip.slice().buffer, expected: [{ name: "web" }] });
    expect(reply).toEqual({
      kind: "rejected",
      refusal: { code: "entryBadName", params: { name: "../web.pem" } },
    });
  });
});
