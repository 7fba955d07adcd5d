// Shapes shared by the worker and the main thread. They cross postMessage, so they stay plain
// data (no classes, no functions).

import type { KeyProblem } from "../../../lib/ssh-key/inspect-key.ts";

export type ExpectedKey = { name: string; fingerprint?: string };

/**
 * Why an archive was refused, as a code and its parameters; the page turns it into words
 * (./refusal-text.ts). `name` is an entry name already made safe to display (displayName).
 */
export type ArchiveRefusal = {
  code: ArchiveRefusalCode;
  params?: {
    name?: string;
    localName?: string;
    method?: number;
    bytes?: number;
    ratio?: number;
    files?: number;
    requested?: number;
  };
};

export type ArchiveRefusalCode =
  | "notAZip"
  | "truncated"
  | "damaged"
  | "corrupted"
  | "tooLarge"
  | "tooSlow"
  | "uncheckable"
  | "trailingData"
  | "zip64"
  | "split"
  | "empty"
  | "tooManyFiles"
  | "totalTooLarge"
  | "directoryOverflow"
  | "unlistedData"
  | "unlistedBeforeDirectory"
  | "entryEncrypted"
  | "entryMethod"
  | "entryZip64"
  | "entryBadName"
  | "entryDuplicate"
  | "entrySymlink"
  | "entryDirectory"
  | "entryNotPlain"
  | "entrySpecialMode"
  | "entryTooLarge"
  | "entryStoredSizes"
  | "entryNoData"
  | "entryRatio"
  | "entryCompressedTooLarge"
  | "entryOverlaps"
  | "entryOutside"
  | "entrySizesDiffer"
  | "entryDamagedHeader"
  | "entryNameDiffers"
  | "entryMethodsDiffer"
  | "entryDamagedExtra"
  | "entryAlternativeName"
  | "entryMoreData"
  | "entryLessData";

/** What is wrong with one entry: the key's own problem, or how it relates to the request. */
export type EntryProblem =
  | KeyProblem
  | "entry.notText"
  | "entry.unrequested"
  | "entry.noListedFingerprint"
  | "entry.fingerprintDiffers";

/** Why an entry's own download is offered under another name; words are the page's. */
export type NameWarning = { tooLongBytes: number | null; caseTwin: boolean };

export type EntryStatus = "verified" | "mismatch" | "unexpected" | "unreadable";

export type EntryReport = {
  /** "<name>.pem" */
  fileName: string;
  /** The file name without ".pem". */
  keypairName: string;
  /** Uncompressed bytes. */
  size: number;
  /** "RSA" | "ED25519" | "ECDSA" */
  algorithm: string | null;
  /** Bits: 2048/3072/4096 for RSA, 256 for Ed25519, 256/384/521 for ECDSA. */
  keySize: number | null;
  /** MD5 of the SSH public-key blob derived from the private key, lower-hex pairs joined by ":". */
  derivedFingerprint: string | null;
  expectedFingerprint: string | null;
  status: EntryStatus;
  /** Why it is a mismatch, unexpected or unreadable, as a code; null when verified. */
  problem: EntryProblem | null;
  /** The name its own download uses: fileName unless that breaks on disk. */
  saveAs: string;
  /** Why saveAs differs from fileName (too long, or a case-insensitive twin); else null. */
  nameWarning: NameWarning | null;
  /** The entry's text (the PEM), for reveal and per-entry download. */
  text: string;
};

export type ArchiveReport = {
  entries: EntryReport[];
  /** Requested names with no entry in the archive. */
  missing: string[];
  verdict: ArchiveVerdict;
};

/** Counts, not a sentence: the preview says them in the chosen language. */
export type ArchiveVerdict = {
  /** Every requested key present and verified, and nothing else in the archive. */
  ok: boolean;
  requested: number;
  verified: number;
  mismatched: number;
  unexpected: number;
  unreadable: number;
  missing: number;
};
