import type { ArchiveRefusal } from "./archive-types.ts";

/**
 * The one error a hostile, corrupt or oversized archive produces. It carries a code (and at
 * most an entry name, already made safe to display by the thrower), never key material; the
 * message is the code, for logs.
 */
export class ArchiveRejectedError extends Error {
  override name = "ArchiveRejectedError";
  constructor(readonly refusal: ArchiveRefusal) {
    super(refusal.code);
  }
}
