import "./worker-immediate.ts";
import { analyzeArchive } from "./analyze-archive.ts";
import { ArchiveRejectedError } from "./archive-rejected-error.ts";
import { warmUp } from "./warm-up.ts";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.ts";

/*
 * The Web Worker that checks an exported zip. It exists so a hostile archive can at worst burn
 * this thread, which the page terminates, instead of freezing the page itself.
 */

// The project's lib is DOM, not WebWorker; this is the slice of the worker scope we use.
type WorkerScope = {
  addEventListener(type: "message", listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: WorkerReply): void;
};
const scope = globalThis as unknown as WorkerScope;

// Its outcome does not matter; only that the code paths are compiled before a real archive.
warmUp().catch(() => undefined);

scope.addEventListener("message", (event) => {
  const { bytes, expected } = event.data;
  analyzeArchive(bytes, expected).then(
    (report) => scope.postMessage({ kind: "report", report }),
    (error: unknown) =>
      scope.postMessage({
        kind: "rejected",
        // Unexpected failures get a fixed code: their messages could quote file content.
        refusal: error instanceof ArchiveRejectedError ? error.refusal : { code: "uncheckable" },
      }),
  );
});
