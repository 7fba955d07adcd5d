import { count, params } from "@nanostores/i18n";
import { defineWords } from "../../../../lib/i18n/i18n.ts";

// Loaded with the archive check and the preview, never on first load.

/** One sentence per ArchiveRefusal code (../archive-types.ts); {name} is already safe to show. */
export const refusalWords = defineWords("export/refusals", {
  notAZip: "The server's response is not a zip archive.",
  truncated: "The archive is truncated or damaged, so it cannot be checked.",
  damaged: "The archive is damaged and cannot be opened.",
  corrupted:
    "The archive was refused: a file inside it is corrupted (its checksum does not match).",
  tooLarge:
    "The archive was refused: it is larger than 256 KiB, far more than ten private keys need.",
  tooSlow: "The archive took too long to check and was refused.",
  uncheckable: "The archive could not be checked and was refused.",
  trailingData: "The archive was refused: it has unexpected data after its end.",
  zip64: "The archive was refused: it uses ZIP64, which a key export never needs.",
  split: "The archive was refused: it claims to be split across several disks.",
  empty: "The archive was refused: it contains no files.",
  // {files} is filled in after the form is chosen by {count}, the keys requested.
  tooManyFiles: count({
    one: "The archive was refused: it holds {files} files but only {count} key was requested.",
    other: "The archive was refused: it holds {files} files but only {count} keys were requested.",
  }),
  totalTooLarge: "The archive was refused: its files add up to more than 1 MiB.",
  directoryOverflow: "The archive was refused: its central directory holds more than it declares.",
  unlistedData:
    "The archive was refused: it holds data that its directory does not list, before or between its files.",
  unlistedBeforeDirectory:
    "The archive was refused: it holds data that its directory does not list, before its directory.",
  entryEncrypted: params("The archive was refused: entry “{name}” is encrypted."),
  entryMethod: params(
    "The archive was refused: entry “{name}” uses compression method {method}; only STORE and DEFLATE are accepted.",
  ),
  entryZip64: params(
    "The archive was refused: entry “{name}” uses ZIP64, which a key export never needs.",
  ),
  entryBadName: params(
    "The archive was refused: entry “{name}” has a name that is not a key-pair file name.",
  ),
  entryDuplicate: params("The archive was refused: entry “{name}” appears more than once."),
  entrySymlink: params("The archive was refused: entry “{name}” is a symbolic link."),
  entryDirectory: params("The archive was refused: entry “{name}” is a directory."),
  entryNotPlain: params("The archive was refused: entry “{name}” is not a plain file."),
  entrySpecialMode: params(
    "The archive was refused: entry “{name}” carries a setuid, setgid or sticky mode.",
  ),
  entryTooLarge: params(
    "The archive was refused: entry “{name}” declares {bytes} bytes, more than a key file can be.",
  ),
  entryStoredSizes: params(
    "The archive was refused: entry “{name}” is stored uncompressed but declares two different sizes.",
  ),
  entryNoData: params("The archive was refused: entry “{name}” has no compressed data."),
  entryRatio: params(
    "The archive was refused: entry “{name}” compresses more than {ratio} to 1, as zip bombs do.",
  ),
  entryCompressedTooLarge: params(
    "The archive was refused: entry “{name}” has more compressed data than its declared size allows.",
  ),
  entryOverlaps: params(
    "The archive was refused: entry “{name}” overlaps another part of the archive.",
  ),
  entryOutside: params("The archive was refused: entry “{name}” points outside the archive."),
  entrySizesDiffer: params(
    "The archive was refused: entry “{name}” declares different sizes in its two headers.",
  ),
  entryDamagedHeader: params(
    "The archive was refused: entry “{name}” points to a damaged file header.",
  ),
  entryNameDiffers: params(
    "The archive was refused: entry “{name}” has a different name in its file header (“{localName}”).",
  ),
  entryMethodsDiffer: params(
    "The archive was refused: entry “{name}” has two different compression methods.",
  ),
  entryDamagedExtra: params("The archive was refused: entry “{name}” has a damaged extra field."),
  entryAlternativeName: params(
    "The archive was refused: entry “{name}” carries a second, alternative file name.",
  ),
  entryMoreData: params(
    "The archive was refused: entry “{name}” holds more data than it declares.",
  ),
  entryLessData: params(
    "The archive was refused: entry “{name}” holds less data than it declares.",
  ),
});

/** What the preview says about each entry and about the archive as a whole. */
export const findingWords = defineWords("export/findings", {
  notText: "This file is not text, so it cannot be a private key.",
  unrequested: params("No key pair named “{name}” was requested."),
  noListedFingerprint: "No fingerprint is listed for this key pair, so it could not be checked.",
  fingerprintDiffers: "This key's fingerprint differs from the one listed for the key pair.",
  nameTooLong: params("Its name is {bytes} bytes, longer than most disks allow (255)."),
  nameCaseTwin: "Another file differs from it only in upper and lower case.",
  nameSaveAs: params(
    "Unzipping the archive may fail or overwrite it; download it on its own as “{saveAs}”.",
  ),
  verifiedOne: "1 key, verified",
  // Only ever said of two keys or more: one key is verifiedOne.
  verifiedAll: count({ other: "{count} keys, all verified" }),
  keys: count({ one: "{count} key", other: "{count} keys" }),
  verifiedOf: params("{verified} of {requested} verified"),
  mismatched: params("{count} mismatched"),
  unexpected: params("{count} unexpected"),
  unreadable: params("{count} unreadable"),
  missing: params("{count} missing"),
  withDetails: params("{summary}; {details}"),
  listSeparator: ", ",
});

export const previewWords = defineWords("export/preview", {
  title: params("Preview of {file}"),
  close: params("Close preview of {file}"),
  archiveVerified: "Archive verified",
  archiveProblems: "Archive has problems",
  missingTitle: "Missing from the archive",
  missingFile: params("{file} missing"),
  filesLabel: "Files in the archive",
  downloadFailed: "Download failed",
  downloadFailedText: params("The browser could not start the download of {file}."),
  retryDownload: "Retry download",
  handedOver: params("{file} was handed to the browser to save: look in your downloads."),
  closeButton: "Close",
  downloadProtected: "Download protected…",
  download: params("Download {file}"),
  statusVerified: "Verified",
  statusMismatch: "Mismatch",
  statusUnexpected: "Unexpected file",
  statusUnreadable: "Unreadable",
  reveal: "Reveal",
  hide: "Hide",
  revealEntry: params("Reveal {file}"),
  hideEntry: params("Hide {file}"),
  downloadButton: "Download",
  downloadEntry: params("Download {file}"),
  protectButton: "Protected…",
  protectEntry: params("Protected download of {file}"),
  sizeAndAlgorithm: params("{size} · {algorithm}"),
  unknownAlgorithm: "Unknown algorithm",
  bodyHidden: "•••••••• key body hidden ••••••••",
  provenMatch: "✓ Private half of the listed key",
  provenFingerprint: params("{proven}, fingerprint {fingerprint}"),
  notProven: "✗ Not proven to be the private half of the listed key",
  fingerprintMismatch: "✗ Fingerprint does NOT match the listed one",
  inTheFile: params("In the file: {fingerprint}"),
  listed: params("Listed: {fingerprint}"),
  fingerprint: params("Fingerprint: {fingerprint}"),
  notDerived: "could not be derived",
  noneListed: "none",
});
