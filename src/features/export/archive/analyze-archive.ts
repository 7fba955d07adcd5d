import { inspectKey } from "../../../lib/ssh-key/inspect-key.ts";
import type {
  ArchiveReport,
  EntryProblem,
  EntryReport,
  ExpectedKey,
  NameWarning,
} from "./archive-types.ts";
import { archiveVerdict } from "./archive-verdict.ts";
import { inflateEntries } from "./inflate-entries.ts";
import { safeFileNames } from "./safe-file-names.ts";
import { scanCentralDirectory } from "./zip-guard.ts";

/** KPS lists fingerprints as bare hex pairs; accept ssh-keygen's "MD5:" prefix and any case. */
function normaliseFingerprint(value: string | undefined): string | null {
  const trimmed = value?.trim().toLowerCase().replace(/^md5:/, "");
  return trimmed ? trimmed : null;
}

type Named = { saveAs: string; nameWarning: NameWarning | null };

function reportEntry(
  name: string,
  bytes: Uint8Array,
  named: Named,
  expected?: ExpectedKey,
): EntryReport {
  const keypairName = name.slice(0, -".pem".length);
  const expectedFingerprint = normaliseFingerprint(expected?.fingerprint);
  const base = {
    fileName: name,
    keypairName,
    size: bytes.length,
    expectedFingerprint,
    ...named,
  };
  const unreadable = (problem: EntryProblem, text: string): EntryReport => ({
    ...base,
    algorithm: null,
    keySize: null,
    derivedFingerprint: null,
    status: "unreadable",
    problem,
    text,
  });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return unreadable("entry.notText", "");
  }
  const key = inspectKey(text);
  if (!key.ok && key.claimed) {
    // Well formed, but its secret part does not produce the public key it names: whatever
    // that key's fingerprint, this file cannot sign for the key pair.
    return {
      ...base,
      algorithm: key.claimed.algorithm,
      keySize: key.claimed.keySize,
      derivedFingerprint: null,
      status: "mismatch",
      problem: key.problem,
      text,
    };
  }
  if (!key.ok) return unreadable(key.problem, text);
  const derived = {
    ...base,
    algorithm: key.algorithm,
    keySize: key.keySize,
    derivedFingerprint: key.fingerprint,
    text,
  };
  if (!expected) {
    return {
      ...derived,
      status: "unexpected",
      problem: "entry.unrequested",
    };
  }
  if (expectedFingerprint === null) {
    // Fail closed: without a listed fingerprint the key cannot be shown to be the right one.
    return {
      ...derived,
      status: "mismatch",
      problem: "entry.noListedFingerprint",
    };
  }
  if (expectedFingerprint !== key.fingerprint) {
    return {
      ...derived,
      status: "mismatch",
      problem: "entry.fingerprintDiffers",
    };
  }
  return { ...derived, status: "verified", problem: null };
}

/**
 * The whole check, guard → inflate → inspect, as a pure async function so it runs in Node
 * tests as well as in the worker. Throws ArchiveRejectedError for hostile or corrupt input;
 * anything it returns is safe to preview.
 */
export async function analyzeArchive(
  bytes: ArrayBuffer | Uint8Array,
  expected: ExpectedKey[],
): Promise<ArchiveReport> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const wanted = new Map(expected.map((key) => [key.name, key]));
  const scanned = scanCentralDirectory(data, wanted.size);
  const inflated = await inflateEntries(data, scanned);
  const names = safeFileNames(inflated.map(({ name }) => name));
  const entries = inflated.map(({ name, bytes: content }, index) => {
    const { saveAs, warning } = names[index] ?? { saveAs: name, warning: null };
    const named = { saveAs, nameWarning: warning };
    return reportEntry(name, content, named, wanted.get(name.slice(0, -".pem".length)));
  });
  const present = new Set(entries.map((entry) => entry.keypairName));
  const missing = [...wanted.keys()].filter((name) => !present.has(name));
  return { entries, missing, verdict: archiveVerdict(entries, missing, wanted.size) };
}
