// Shapes shared by the worker and the main thread. They cross postMessage, so they stay plain
// data (no classes, no functions).

export type ExpectedKey = { name: string; fingerprint?: string };

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
  /** Plain words for mismatch, unexpected and unreadable; null when verified. */
  problem: string | null;
  /** The name its own download uses: fileName unless that breaks on disk. */
  saveAs: string;
  /** Why saveAs differs from fileName (too long, or a case-insensitive twin); else null. */
  nameWarning: string | null;
  /** The entry's text (the PEM), for reveal and per-entry download. */
  text: string;
};

export type ArchiveReport = {
  entries: EntryReport[];
  /** Requested names with no entry in the archive. */
  missing: string[];
  verdict: { ok: boolean; summary: string };
};
