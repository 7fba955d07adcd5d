import type { ArchiveReport, EntryReport } from "./archive-types.ts";

function keys(count: number): string {
  return count === 1 ? "1 key" : `${count} keys`;
}

/**
 * One sentence for the whole archive. `ok` only when every requested key is present and
 * verified and nothing else is in the archive, because that is what "safe to save" means.
 */
export function archiveVerdict(
  entries: EntryReport[],
  missing: string[],
  requestedCount: number,
): ArchiveReport["verdict"] {
  const count = (status: EntryReport["status"]) =>
    entries.filter((entry) => entry.status === status).length;
  const verified = count("verified");
  if (verified === requestedCount && entries.length === requestedCount && missing.length === 0) {
    return {
      ok: true,
      summary: requestedCount === 1 ? "1 key, verified" : `${keys(requestedCount)}, all verified`,
    };
  }
  const problems = [
    [count("mismatch"), "mismatched"],
    [count("unexpected"), "unexpected"],
    [count("unreadable"), "unreadable"],
    [missing.length, "missing"],
  ] as const;
  const details = problems
    .filter(([number]) => number > 0)
    .map(([number, word]) => `${number} ${word}`)
    .join(", ");
  const head = `${verified} of ${keys(requestedCount)} verified`;
  return { ok: false, summary: details ? `${head}; ${details}` : head };
}
