import { keyProblemText, keyProblemWords } from "../../../lib/ssh-key/problems/key-problem-text.ts";
import type { ArchiveVerdict, EntryReport } from "../archive/archive-types.ts";
import type { findingWords } from "../archive/words/en.ts";

type Findings = ReturnType<typeof findingWords.get>;
type KeyProblems = ReturnType<typeof keyProblemWords.get>;

/** The archive in one line: "10 keys, all verified", "1 of 2 keys verified; 1 mismatched". */
export function verdictText(verdict: ArchiveVerdict, t: Findings): string {
  if (verdict.ok) {
    return verdict.requested === 1 ? t.verifiedOne : t.verifiedAll(verdict.requested);
  }
  const summary = t.verifiedOf({
    verified: verdict.verified,
    requested: t.keys(verdict.requested),
  });
  const details = [
    verdict.mismatched > 0 && t.mismatched({ count: verdict.mismatched }),
    verdict.unexpected > 0 && t.unexpected({ count: verdict.unexpected }),
    verdict.unreadable > 0 && t.unreadable({ count: verdict.unreadable }),
    verdict.missing > 0 && t.missing({ count: verdict.missing }),
  ].filter((detail): detail is string => typeof detail === "string");
  return details.length > 0
    ? t.withDetails({ summary, details: details.join(t.listSeparator) })
    : summary;
}

/** What is wrong with one entry, or null when it is verified. */
export function problemText(entry: EntryReport, t: Findings, keys: KeyProblems): string | null {
  switch (entry.problem) {
    case null:
      return null;
    case "entry.notText":
      return t.notText;
    case "entry.unrequested":
      return t.unrequested({ name: entry.keypairName });
    case "entry.noListedFingerprint":
      return t.noListedFingerprint;
    case "entry.fingerprintDiffers":
      return t.fingerprintDiffers;
    default:
      return keyProblemText(entry.problem, keys);
  }
}

/** Why the entry downloads on its own under another name, or null when it need not. */
export function nameWarningText(entry: EntryReport, t: Findings): string | null {
  const warning = entry.nameWarning;
  if (!warning) return null;
  return [
    warning.tooLongBytes !== null && t.nameTooLong({ bytes: warning.tooLongBytes }),
    warning.caseTwin && t.nameCaseTwin,
    t.nameSaveAs({ saveAs: entry.saveAs }),
  ]
    .filter((sentence): sentence is string => typeof sentence === "string")
    .join(" ");
}

export { keyProblemWords };
