import type {
  ProtectEntry,
  ProtectPhase,
  ProtectRefusal,
  ProtectReply,
} from "./protect-protocol.ts";

export type { ProtectEntry, ProtectPhase, ProtectRefusal } from "./protect-protocol.ts";

/** Nothing was protected; the refusal is a code the dialog turns into words. */
export class ProtectFailedError extends Error {
  override name = "ProtectFailedError";
  constructor(readonly refusal: ProtectRefusal) {
    super(refusal.code);
  }
}

const WORKER_FAILED: ProtectRefusal = { code: "failed" };

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("Protecting the keys was cancelled.", "AbortError");
}

type Options = {
  signal?: AbortSignal;
  onProgress?: (index: number, phase: ProtectPhase) => void;
};

function runWorker<T>(
  entries: ProtectEntry[],
  passphrase: string,
  output: "zip" | "pem",
  pick: (reply: ProtectReply) => T | undefined,
  { signal, onProgress }: Options,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL("./protect-worker.ts", import.meta.url), { type: "module" });
    let settled = false;
    const onAbort = () => finish(() => reject(abortReason(signal as AbortSignal)));
    // Terminating is the cancel and the clean-up: the passphrase and keys die with the thread.
    function finish(settle: () => void) {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      worker.terminate();
      settle();
    }
    worker.addEventListener("message", (event: MessageEvent<ProtectReply>) => {
      const reply = event.data;
      if (reply.kind === "progress") {
        if (!settled) onProgress?.(reply.index, reply.phase);
        return;
      }
      if (reply.kind === "refused") {
        finish(() => reject(new ProtectFailedError(reply.refusal)));
        return;
      }
      const value = pick(reply);
      finish(() =>
        value === undefined ? reject(new ProtectFailedError(WORKER_FAILED)) : resolve(value),
      );
    });
    worker.addEventListener("error", () =>
      finish(() => reject(new ProtectFailedError(WORKER_FAILED))),
    );
    worker.addEventListener("messageerror", () =>
      finish(() => reject(new ProtectFailedError(WORKER_FAILED))),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.postMessage({ entries, passphrase, output });
  });
}

/** The protected zip's bytes, every key re-opened and proven first. Rejects, never half-done. */
export function protectToZip(entries: ProtectEntry[], passphrase: string, options: Options = {}) {
  return runWorker(
    entries,
    passphrase,
    "zip",
    (reply) => (reply.kind === "zip" ? reply.bytes : undefined),
    options,
  );
}

/** One protected PEM, re-opened and proven first. */
export function protectOne(entry: ProtectEntry, passphrase: string, options: Options = {}) {
  return runWorker(
    [entry],
    passphrase,
    "pem",
    (reply) => (reply.kind === "pem" ? reply.text : undefined),
    options,
  );
}
