import { afterEach, describe, expect, it, vi } from "vitest";
import { generateTestKeys } from "../../../testing/test-keys.ts";
import type { ProtectReply, ProtectRequest } from "./protect-protocol.ts";

// Loads the real worker module against a stand-in worker scope.
async function startWorker() {
  let listener: ((event: { data: ProtectRequest }) => void) | undefined;
  const replies: ProtectReply[] = [];
  vi.stubGlobal("addEventListener", (_type: string, handler: typeof listener) => {
    listener = handler;
  });
  vi.stubGlobal("postMessage", (reply: ProtectReply) => replies.push(reply));
  vi.resetModules();
  await import("./protect-worker.ts");
  return {
    async send(request: ProtectRequest): Promise<ProtectReply[]> {
      listener?.({ data: request });
      await vi.waitFor(() => expect(replies.at(-1)?.kind).not.toBe("progress"), {
        timeout: 100_000,
      });
      return replies;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const key = generateTestKeys().find((candidate) => candidate.label === "ed25519-openssh");
if (!key) throw new Error("no ed25519 test key");
const entry = {
  fileName: "web.pem",
  keypairName: "web",
  text: key.pem,
  listedFingerprint: key.fingerprint,
};

describe("protect-worker", { timeout: 120_000 }, () => {
  it("posts each key's progress, then the protected zip", async () => {
    const worker = await startWorker();
    const replies = await worker.send({
      entries: [entry],
      passphrase: "long enough passphrase",
      output: "zip",
    });
    expect(replies.map((reply) => (reply.kind === "progress" ? reply.phase : reply.kind))).toEqual([
      "protecting",
      "checking",
      "done",
      "zip",
    ]);
  });

  it("posts a fixed code, never the key, when a key cannot be read", async () => {
    const worker = await startWorker();
    const replies = await worker.send({
      entries: [{ ...entry, text: "garbage that quotes itself" }],
      passphrase: "long enough passphrase",
      output: "pem",
    });
    expect(replies.at(-1)).toEqual({
      kind: "refused",
      refusal: { code: "failed" },
    });
  });
});
