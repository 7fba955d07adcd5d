import { ArchiveRejectedError } from "./archive-rejected-error.ts";
import type { ArchiveRefusal, ArchiveReport, ExpectedKey } from "./archive-types.ts";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.ts";
import { MAX_ARCHIVE_BYTES, NOT_A_ZIP } from "./zip-guard.ts";

export { ArchiveRejectedError } from "./archive-rejected-error.ts";
export type {
  ArchiveRefusal,
  ArchiveReport,
  EntryReport,
  EntryStatus,
  ExpectedKey,
} from "./archive-types.ts";
export { refusalText } from "./refusal-text.ts";

const DEFAULT_TIMEOUT_MS = 10_000;
const TOO_SLOW: ArchiveRefusal = { code: "tooSlow" };
const WORKER_FAILED: ArchiveRefusal = { code: "uncheckable" };

const spawnWorker = () =>
  new Worker(new URL("./archive-worker.ts", import.meta.url), { type: "module" });

// One worker booted ahead of time: starting a module worker and compiling JSZip took most of
// the time from response to verdict. Each worker still checks exactly one archive.
let spare: Worker | null = null;

/** Boots the worker for the next check while the user reads the confirmation. */
export function warmArchiveInspector(): void {
  spare ??= spawnWorker();
}

/** Drops the booted worker (it holds no data, but a closed export needs no thread). */
export function releaseArchiveInspector(): void {
  spare?.terminate();
  spare = null;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The archive check was cancelled.", "AbortError");
}

/**
 * Checks an exported zip in a Web Worker and resolves with its report. The worker is
 * terminated after every outcome, on abort and on timeout, so a hostile archive can never keep
 * a thread (or the page) busy. Rejects with ArchiveRejectedError, or the signal's reason
 * (an AbortError) when aborted.
 */
export function inspectArchive(
  bytes: ArrayBuffer,
  expected: ExpectedKey[],
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<ArchiveReport> {
  const { signal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  if (bytes.byteLength === 0) return Promise.reject(new ArchiveRejectedError(NOT_A_ZIP));
  if (bytes.byteLength > MAX_ARCHIVE_BYTES) {
    // Refused here too, so an oversized body is not even copied.
    return Promise.reject(new ArchiveRejectedError({ code: "tooLarge" }));
  }

  return new Promise<ArchiveReport>((resolve, reject) => {
    const worker = spare ?? spawnWorker();
    spare = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const onAbort = () => finish(() => reject(abortReason(signal as AbortSignal)));
    function finish(settle: () => void) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      worker.terminate();
      settle();
    }

    worker.addEventListener("message", (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      finish(() =>
        reply.kind === "report"
          ? resolve(reply.report)
          : reject(new ArchiveRejectedError(reply.refusal)),
      );
    });
    worker.addEventListener("error", () =>
      finish(() => reject(new ArchiveRejectedError(WORKER_FAILED))),
    );
    worker.addEventListener("messageerror", () =>
      finish(() => reject(new ArchiveRejectedError(WORKER_FAILED))),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
    timer = setTimeout(() => finish(() => reject(new ArchiveRejectedError(TOO_SLOW))), timeoutMs);

    // Transfer a copy: the caller keeps the server's bytes intact for saving the zip unchanged.
    const copy = bytes.slice(0);
    const request: WorkerRequest = { bytes: copy, expected };
    worker.postMessage(request, [copy]);
  });
}
