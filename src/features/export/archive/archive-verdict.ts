import type { ArchiveVerdict, EntryReport } from "./archive-types.ts";

/**
 * The whole archive in counts. `ok` only when every requested key is present and verified and
 * nothing else is in the archive, because that is what "safe to save" means.
 */
export function archiveVerdict(
  entries: EntryReport[],
  missing: string[],
  requestedCount: number,
): ArchiveVerdict {
  const count = (status: EntryReport["status"]) =>
    entries.filter((entry) => entry.status === status).length;
  const verified = count("verified");
  return {
    ok: verified === requestedCount && entries.length === requestedCount && missing.length === 0,
    requested: requestedCount,
    verified,
    mismatched: count("mismatch"),
    unexpected: count("unexpected"),
    unreadable: count("unreadable"),
    missing: missing.length,
  };
}
