import { ArchiveRejectedError } from "./archive-rejected-error.ts";
import type { ArchiveRefusal } from "./archive-types.ts";

/*
 * The first line of defence for the exported zip, run before JSZip ever sees the bytes.
 *
 * Why a hand-written scan: JSZip cannot defend itself (see security.md, "The zip preview"). It
 * inflates a whole entry before it compares the declared size, keeps every record of a huge
 * directory in memory, quietly "resolves" names such as `../x` or `/etc/passwd`, and prefers an
 * Info-ZIP Unicode Path extra field over the name it was given. So we read the End Of Central
 * Directory record and every central and local header ourselves, with fixed caps, and refuse
 * anything a KPS batch export would never produce. The scan only reads headers: it never
 * inflates, so its cost is bounded by the 256 KiB input cap.
 */

/** Ten keys are tens of KB; anything bigger than this is not a KPS export. */
export const MAX_ARCHIVE_BYTES = 256 * 1024;
/** An RSA 4096 PEM is about 3.3 KB; 64 KiB leaves room and still stops bombs. */
export const MAX_ENTRY_BYTES = 64 * 1024;
export const MAX_TOTAL_BYTES = 1024 * 1024;
/** PEM text (base64) compresses to about 3:4; 200:1 only happens with crafted data. */
export const MAX_COMPRESSION_RATIO = 200;

export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}\.pem$/;

export type ScannedEntry = {
  name: string;
  method: 0 | 8;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's (compressed) data starts, after the local header. */
  dataOffset: number;
};

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

const FLAG_ENCRYPTED = 1 << 0;
const FLAG_DATA_DESCRIPTOR = 1 << 3;
const FLAG_STRONG_ENCRYPTION = 1 << 6;
const FLAG_ENCRYPTED_DIRECTORY = 1 << 13;

const EXTRA_ZIP64 = 0x0001;
// JSZip reads the name from this field instead of the checked one: a name-check bypass.
const EXTRA_UNICODE_PATH = 0x7075;

const HOST_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const DOS_DIRECTORY = 0x10;
const S_ISPECIAL = 0o7000;
const SIG_DATA_DESCRIPTOR = 0x08074b50;

export const NOT_A_ZIP: ArchiveRefusal = { code: "notAZip" };
export const TRUNCATED: ArchiveRefusal = { code: "truncated" };

function refuse(code: ArchiveRefusal["code"], params?: ArchiveRefusal["params"]): never {
  throw new ArchiveRejectedError(params ? { code, params } : { code });
}

/**
 * Makes an untrusted entry name safe to put in a message: anything outside printable ASCII
 * (bidi overrides, NUL, control characters) is shown as an escape, and long names are cut.
 */
export function displayName(raw: Uint8Array): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(raw);
  let shown = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    shown +=
      code >= 0x20 && code <= 0x7e
        ? char
        : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
    if (shown.length > 80) return `${shown.slice(0, 80)}…`;
  }
  return shown;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Walks an extra field; refuses ZIP64 and Unicode Path records and malformed layouts. */
function checkExtraField(view: DataView, start: number, length: number, name: string): void {
  let pos = start;
  const end = start + length;
  while (pos < end) {
    if (pos + 4 > end) refuse("entryDamagedExtra", { name });
    const id = view.getUint16(pos, true);
    const size = view.getUint16(pos + 2, true);
    if (pos + 4 + size > end) refuse("entryDamagedExtra", { name });
    if (id === EXTRA_ZIP64) refuse("entryZip64", { name });
    if (id === EXTRA_UNICODE_PATH) refuse("entryAlternativeName", { name });
    pos += 4 + size;
  }
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  // The last signature wins, as in JSZip, so both parsers agree on which record they read.
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let pos = bytes.length - EOCD_SIZE; pos >= lowest; pos--) {
    if (view.getUint32(pos, true) === SIG_EOCD) return pos;
  }
  return -1;
}

/**
 * Checks the zip's structure without inflating anything and returns the entries it declares.
 * Throws ArchiveRejectedError with the code of the first problem found.
 */
export function scanCentralDirectory(bytes: Uint8Array, requestedCount: number): ScannedEntry[] {
  if (bytes.length === 0) throw new ArchiveRejectedError(NOT_A_ZIP);
  if (bytes.length > MAX_ARCHIVE_BYTES) {
    refuse("tooLarge");
  }
  // Every zip starts with "PK"; HTML error pages and JSON bodies do not.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ArchiveRejectedError(NOT_A_ZIP);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const startsWithLocalHeader = view.getUint32(0, true) === SIG_LOCAL;
  if (bytes.length < EOCD_SIZE) {
    throw new ArchiveRejectedError(startsWithLocalHeader ? TRUNCATED : NOT_A_ZIP);
  }

  const eocd = findEndOfCentralDirectory(bytes, view);
  if (eocd < 0) throw new ArchiveRejectedError(startsWithLocalHeader ? TRUNCATED : NOT_A_ZIP);

  const diskNumber = view.getUint16(eocd + 4, true);
  const directoryDisk = view.getUint16(eocd + 6, true);
  const entriesOnDisk = view.getUint16(eocd + 8, true);
  const totalEntries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  const commentLength = view.getUint16(eocd + 20, true);

  if (eocd + EOCD_SIZE + commentLength > bytes.length) throw new ArchiveRejectedError(TRUNCATED);
  if (eocd + EOCD_SIZE + commentLength < bytes.length) {
    refuse("trailingData");
  }
  if (
    (eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_EOCD64_LOCATOR) ||
    diskNumber === 0xffff ||
    directoryDisk === 0xffff ||
    entriesOnDisk === 0xffff ||
    totalEntries === 0xffff ||
    directorySize === 0xffffffff ||
    directoryOffset === 0xffffffff
  ) {
    refuse("zip64");
  }
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== totalEntries) {
    refuse("split");
  }
  if (totalEntries === 0) refuse("empty");
  if (totalEntries > requestedCount) {
    refuse("tooManyFiles", { files: totalEntries, requested: requestedCount });
  }
  if (directoryOffset + directorySize !== eocd) {
    throw new ArchiveRejectedError(TRUNCATED);
  }

  const entries: ScannedEntry[] = [];
  const seen = new Set<string>();
  let totalSize = 0;
  let pos = directoryOffset;
  for (let index = 0; index < totalEntries; index++) {
    if (pos + CENTRAL_SIZE > eocd || view.getUint32(pos, true) !== SIG_CENTRAL) {
      throw new ArchiveRejectedError(TRUNCATED);
    }
    const madeBy = view.getUint16(pos + 4, true);
    const flags = view.getUint16(pos + 8, true);
    const method = view.getUint16(pos + 10, true);
    const crc32 = view.getUint32(pos + 16, true);
    const compressedSize = view.getUint32(pos + 20, true);
    const uncompressedSize = view.getUint32(pos + 24, true);
    const nameLength = view.getUint16(pos + 28, true);
    const extraLength = view.getUint16(pos + 30, true);
    const commentLen = view.getUint16(pos + 32, true);
    const externalAttributes = view.getUint32(pos + 38, true);
    const localHeaderOffset = view.getUint32(pos + 42, true);
    const recordEnd = pos + CENTRAL_SIZE + nameLength + extraLength + commentLen;
    if (recordEnd > eocd) throw new ArchiveRejectedError(TRUNCATED);

    const rawName = bytes.subarray(pos + CENTRAL_SIZE, pos + CENTRAL_SIZE + nameLength);
    const label = displayName(rawName);

    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_ENCRYPTED_DIRECTORY)) {
      refuse("entryEncrypted", { name: label });
    }
    if (method !== 0 && method !== 8) {
      refuse("entryMethod", { name: label, method });
    }
    if (
      compressedSize === 0xffffffff ||
      uncompressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      refuse("entryZip64", { name: label });
    }
    // The pattern admits ASCII only, so checking the decoded text is the same as the bytes;
    // a fatal decoder keeps invalid UTF-8 from turning into a look-alike name.
    let name = "";
    try {
      name = new TextDecoder("utf-8", { fatal: true }).decode(rawName);
    } catch {
      name = "";
    }
    if (!NAME_PATTERN.test(name)) refuse("entryBadName", { name: label });
    if (seen.has(name)) refuse("entryDuplicate", { name: label });
    seen.add(name);

    // unzip applies a Unix mode from the high half whatever the "made by" host says (PKZip for
    // Unix marks entries as FAT), so any non-zero high half is judged. Java writes none.
    const mode = externalAttributes >>> 16;
    const fileType = mode & S_IFMT;
    const hasMode = mode !== 0 || madeBy >>> 8 === HOST_UNIX;
    if (hasMode && fileType === S_IFLNK) refuse("entrySymlink", { name: label });
    if ((hasMode && fileType === S_IFDIR) || externalAttributes & DOS_DIRECTORY) {
      refuse("entryDirectory", { name: label });
    }
    if (hasMode && fileType !== 0 && fileType !== S_IFREG) refuse("entryNotPlain", { name: label });
    if (mode & S_ISPECIAL) refuse("entrySpecialMode", { name: label });

    if (uncompressedSize > MAX_ENTRY_BYTES) {
      refuse("entryTooLarge", { name: label, bytes: uncompressedSize });
    }
    totalSize += uncompressedSize;
    if (totalSize > MAX_TOTAL_BYTES) refuse("totalTooLarge");
    if (method === 0 && compressedSize !== uncompressedSize) {
      refuse("entryStoredSizes", { name: label });
    }
    if (method === 8) {
      if (compressedSize === 0) refuse("entryNoData", { name: label });
      if (uncompressedSize > compressedSize * MAX_COMPRESSION_RATIO) {
        refuse("entryRatio", { name: label, ratio: MAX_COMPRESSION_RATIO });
      }
      // Deflate never grows data by more than a few bytes per block; more means the declared
      // size is a lie, the classic way a bomb slips past a size check.
      if (compressedSize > uncompressedSize + (uncompressedSize >>> 6) + 64) {
        refuse("entryCompressedTooLarge", { name: label });
      }
    }
    checkExtraField(view, pos + CENTRAL_SIZE + nameLength, extraLength, label);

    const dataOffset = checkLocalHeader(view, bytes, {
      label,
      rawName,
      flags,
      method,
      crc32,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      directoryOffset,
    });
    entries.push({
      name,
      method,
      flags,
      crc32,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset,
    });
    pos = recordEnd;
  }
  if (pos !== eocd) refuse("directoryOverflow");

  // Every byte before the directory must belong to a listed entry: tools that read front to
  // back (jar x, funzip, ZipInputStream) extract local entries the directory never mentions.
  // Entries that overlap are how "overlapping file" bombs multiply output.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let covered = 0;
  for (const entry of byOffset) {
    if (entry.localHeaderOffset < covered) refuse("entryOverlaps", { name: entry.name });
    if (entry.localHeaderOffset > covered) refuse("unlistedData");
    covered = entry.dataOffset + entry.compressedSize;
    if (entry.flags & FLAG_DATA_DESCRIPTOR) covered += descriptorLength(view, covered, entry);
    if (covered > directoryOffset) refuse("entryOverlaps", { name: entry.name });
  }
  if (covered !== directoryOffset) refuse("unlistedBeforeDirectory");
  return entries;
}

/** The data descriptor after an entry (signature optional), which must repeat its sizes. */
function descriptorLength(view: DataView, at: number, entry: ScannedEntry): number {
  const signed = at + 4 <= view.byteLength && view.getUint32(at, true) === SIG_DATA_DESCRIPTOR;
  const start = signed ? at + 4 : at;
  if (start + 12 > view.byteLength) refuse("entryOutside", { name: entry.name });
  if (
    view.getUint32(start, true) !== entry.crc32 ||
    view.getUint32(start + 4, true) !== entry.compressedSize ||
    view.getUint32(start + 8, true) !== entry.uncompressedSize
  ) {
    refuse("entrySizesDiffer", { name: entry.name });
  }
  return start + 12 - at;
}

type LocalCheck = {
  label: string;
  rawName: Uint8Array;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  directoryOffset: number;
};

/**
 * Unzip tools that stream (and the user's own unzip, later) read the local header, not the
 * central one, so the two must tell the same story.
 */
function checkLocalHeader(view: DataView, bytes: Uint8Array, entry: LocalCheck): number {
  const { label, localHeaderOffset: at } = entry;
  if (at + LOCAL_SIZE > entry.directoryOffset) {
    refuse("entryOutside", { name: label });
  }
  if (view.getUint32(at, true) !== SIG_LOCAL) refuse("entryDamagedHeader", { name: label });
  const flags = view.getUint16(at + 6, true);
  const method = view.getUint16(at + 8, true);
  const crc32 = view.getUint32(at + 14, true);
  const compressedSize = view.getUint32(at + 18, true);
  const uncompressedSize = view.getUint32(at + 22, true);
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  const dataOffset = at + LOCAL_SIZE + nameLength + extraLength;
  if (dataOffset > entry.directoryOffset) refuse("entryOutside", { name: label });

  const localName = bytes.subarray(at + LOCAL_SIZE, at + LOCAL_SIZE + nameLength);
  if (!sameBytes(localName, entry.rawName)) {
    refuse("entryNameDiffers", { name: label, localName: displayName(localName) });
  }
  if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) refuse("entryEncrypted", { name: label });
  if (method !== entry.method) refuse("entryMethodsDiffer", { name: label });
  // With a data descriptor the local fields may be zero; otherwise they must match.
  const deferred = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
  const agrees = (local: number, central: number) => local === central || (deferred && local === 0);
  if (
    !agrees(crc32, entry.crc32) ||
    !agrees(compressedSize, entry.compressedSize) ||
    !agrees(uncompressedSize, entry.uncompressedSize)
  ) {
    refuse("entrySizesDiffer", { name: label });
  }
  checkExtraField(view, at + LOCAL_SIZE + nameLength, extraLength, label);
  if (dataOffset + entry.compressedSize > entry.directoryOffset) {
    refuse("entryOutside", { name: label });
  }
  return dataOffset;
}
