import { ProtectRefusedError, protectEntries } from "./protect-entries.ts";
import type { ProtectReply, ProtectRequest } from "./protect-protocol.ts";

/*
 * The Web Worker that protects keys, so 16 bcrypt rounds per key never block the page. One
 * worker serves one request: the page terminates it after the outcome or on Cancel, which
 * drops the passphrase and every key with the thread. Nothing is stored or logged here.
 */

type WorkerScope = {
  addEventListener(type: "message", listener: (event: MessageEvent<ProtectRequest>) => void): void;
  postMessage(message: ProtectReply, transfer?: Transferable[]): void;
};
const scope = globalThis as unknown as WorkerScope;

scope.addEventListener("message", (event) => {
  protectEntries(event.data, (index, phase) =>
    scope.postMessage({ kind: "progress", index, phase }),
  ).then(
    (outcome) =>
      outcome.kind === "zip"
        ? scope.postMessage(outcome, [outcome.bytes])
        : scope.postMessage(outcome),
    (error: unknown) =>
      scope.postMessage({
        kind: "refused",
        // Unexpected failures get a fixed code: their messages could quote key content.
        refusal: error instanceof ProtectRefusedError ? error.refusal : { code: "failed" },
      }),
  );
});
