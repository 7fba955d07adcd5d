/**
 * The one error a hostile, corrupt or oversized archive produces. Its message is shown to the
 * user as is, so it is always a plain sentence and never carries key material (at most an entry
 * name, already made safe to display by the thrower).
 */
export class ArchiveRejectedError extends Error {
  override name = "ArchiveRejectedError";
}
