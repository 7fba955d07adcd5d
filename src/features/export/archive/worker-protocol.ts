import type { ArchiveRefusal, ArchiveReport, ExpectedKey } from "./archive-types.ts";

// The messages between inspect-archive.ts and archive-worker.ts, typed once for both sides.

export type WorkerRequest = { bytes: ArrayBuffer; expected: ExpectedKey[] };

export type WorkerReply =
  | { kind: "report"; report: ArchiveReport }
  | { kind: "rejected"; refusal: ArchiveRefusal };
