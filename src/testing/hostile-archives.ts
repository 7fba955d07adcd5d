import JSZip from "jszip";
import type { ExpectedKey } from "../features/export/archive/archive-types.ts";

// Armor lines are assembled, so no literal one sits in the repository (where a real key would be flagged).
const DASHES = "-".repeat(5);

/*
 * Test helper: builds a corpus of hostile zips at test time, so no binary fixture (and no key
 * material) is ever committed. Unit tests feed them to analyzeArchive; browser tests can serve
 * them in place of the export response. Each case says which refusal it must provoke.
 */

export type HostileArchive = {
  kind: string;
  bytes: Uint8Array;
  /** What the caller asked to export (decides the allowed entry count). */
  expected: ExpectedKey[];
  /** Matches the refusal message this archive must produce. */
  reason: RegExp;
};

const PLACEHOLDER = `${DASHES}BEGIN RSA PRIVATE KEY${DASHES}\nbm90IGEga2V5\n${DASHES}END RSA PRIVATE KEY${DASHES}\n`;

export function requestedKeys(count: number): ExpectedKey[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `key-${String(index + 1).padStart(2, "0")}`,
    fingerprint: "00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff",
  }));
}

type ZipFile = { name: string; data: string | Uint8Array; options?: JSZip.JSZipFileOptions };

/** A zip made by JSZip (DEFLATE unless told), names kept exactly as given. */
export async function zipFiles(
  files: ZipFile[],
  generate: Omit<JSZip.JSZipGeneratorOptions, "type"> = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of files) {
    zip.file(file.name, file.data, { createFolders: false, ...file.options });
  }
  return zip.generateAsync({ compression: "DEFLATE", ...generate, type: "uint8array" });
}

/** Zips PEM texts under "<name>.pem", the way the KPS batch export does. */
export function zipKeys(keys: Record<string, string>): Promise<Uint8Array> {
  return zipFiles(Object.entries(keys).map(([name, data]) => ({ name: `${name}.pem`, data })));
}

function placeholderZip(names: string[]): Promise<Uint8Array> {
  return zipFiles(names.map((name) => ({ name, data: PLACEHOLDER })));
}

type Headers = { eocd: number; central: number[]; local: number[] };

/** Finds the headers of a well-formed, comment-free zip (our own JSZip output) for patching. */
export function locateHeaders(bytes: Uint8Array): Headers {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length - 22;
  const count = view.getUint16(eocd + 10, true);
  let pos = view.getUint32(eocd + 16, true);
  const central: number[] = [];
  const local: number[] = [];
  for (let index = 0; index < count; index++) {
    central.push(pos);
    local.push(view.getUint32(pos + 42, true));
    pos +=
      46 +
      view.getUint16(pos + 28, true) +
      view.getUint16(pos + 30, true) +
      view.getUint16(pos + 32, true);
  }
  return { eocd, central, local };
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Rewrites a field of entry `index` in both headers (central offset, local offset). */
function patchBoth(
  bytes: Uint8Array,
  index: number,
  centralField: number,
  localField: number,
  size: 2 | 4,
  value: number,
): Uint8Array {
  const out = bytes.slice();
  const headers = locateHeaders(out);
  const data = view(out);
  const write = (at: number) =>
    size === 2 ? data.setUint16(at, value, true) : data.setUint32(at, value, true);
  write((headers.central[index] as number) + centralField);
  write((headers.local[index] as number) + localField);
  return out;
}

const setFlags = (bytes: Uint8Array, flags: number) => patchBoth(bytes, 0, 8, 6, 2, flags);
const setMethod = (bytes: Uint8Array, method: number) => patchBoth(bytes, 0, 10, 8, 2, method);
const setCrc = (bytes: Uint8Array, crc: number) => patchBoth(bytes, 0, 16, 14, 4, crc);
const setUncompressedSize = (bytes: Uint8Array, size: number) =>
  patchBoth(bytes, 0, 24, 22, 4, size);

function patchName(bytes: Uint8Array, index: number, name: string, localOnly = false): Uint8Array {
  const out = bytes.slice();
  const headers = locateHeaders(out);
  const encoded = new TextEncoder().encode(name);
  if (!localOnly) out.set(encoded, (headers.central[index] as number) + 46);
  out.set(encoded, (headers.local[index] as number) + 30);
  return out;
}

type RawEntry = {
  name: string;
  data?: Uint8Array;
  method?: number;
  declaredSize?: number;
  crc?: number;
};

/**
 * Writes a zip byte by byte, for shapes JSZip will not produce (thousands of entries, sizes
 * that lie). Entries default to empty STORE files, whose CRC is 0.
 */
export function rawZip(entries: RawEntry[], options: { eocdCount?: number } = {}): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((entry) => encoder.encode(entry.name));
  const localSize = entries.reduce(
    (sum, entry, index) => sum + 30 + (names[index]?.length ?? 0) + (entry.data?.length ?? 0),
    0,
  );
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const data = view(out);
  let pos = 0;
  const offsets: number[] = [];
  entries.forEach((entry, index) => {
    const name = names[index] as Uint8Array;
    const content = entry.data ?? new Uint8Array();
    offsets.push(pos);
    data.setUint32(pos, 0x04034b50, true);
    data.setUint16(pos + 4, 20, true);
    data.setUint16(pos + 8, entry.method ?? 0, true);
    data.setUint32(pos + 14, entry.crc ?? 0, true);
    data.setUint32(pos + 18, content.length, true);
    data.setUint32(pos + 22, entry.declaredSize ?? content.length, true);
    data.setUint16(pos + 26, name.length, true);
    out.set(name, pos + 30);
    out.set(content, pos + 30 + name.length);
    pos += 30 + name.length + content.length;
  });
  const directoryOffset = pos;
  entries.forEach((entry, index) => {
    const name = names[index] as Uint8Array;
    const content = entry.data ?? new Uint8Array();
    data.setUint32(pos, 0x02014b50, true);
    data.setUint16(pos + 4, 20, true);
    data.setUint16(pos + 6, 20, true);
    data.setUint16(pos + 10, entry.method ?? 0, true);
    data.setUint32(pos + 16, entry.crc ?? 0, true);
    data.setUint32(pos + 20, content.length, true);
    data.setUint32(pos + 24, entry.declaredSize ?? content.length, true);
    data.setUint16(pos + 28, name.length, true);
    data.setUint32(pos + 42, offsets[index] as number, true);
    out.set(name, pos + 46);
    pos += 46 + name.length;
  });
  const count = Math.min(options.eocdCount ?? entries.length, 0xffff);
  data.setUint32(pos, 0x06054b50, true);
  data.setUint16(pos + 8, count, true);
  data.setUint16(pos + 10, count, true);
  data.setUint32(pos + 12, pos - directoryOffset, true);
  data.setUint32(pos + 16, directoryOffset, true);
  return out;
}

function manyEmptyEntries(count: number): RawEntry[] {
  return Array.from({ length: count }, (_, index) => ({ name: `k${index}.pem` }));
}

/** Inserts a ZIP64 end-of-central-directory locator right before the EOCD record. */
function withZip64Locator(bytes: Uint8Array): Uint8Array {
  const eocd = bytes.length - 22;
  const locator = new Uint8Array(20);
  view(locator).setUint32(0, 0x07064b50, true);
  view(locator).setUint32(16, 1, true);
  const out = new Uint8Array(bytes.length + 20);
  out.set(bytes.subarray(0, eocd));
  out.set(locator, eocd);
  out.set(bytes.subarray(eocd), eocd + 20);
  return out;
}

/**
 * Puts `extra` at byte `at` (before the central directory) and moves every offset that points
 * past it, so the directory stays valid and only the inserted bytes are unlisted.
 */
function insertBefore(bytes: Uint8Array, at: number, extra: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes.subarray(0, at));
  out.set(extra, at);
  out.set(bytes.subarray(at), at + extra.length);
  // Found in the original: the directory itself sits after `at`, so it moves by extra.length.
  const headers = locateHeaders(bytes);
  const data = view(out);
  for (const central of headers.central) {
    const record = central + extra.length;
    const local = data.getUint32(record + 42, true);
    if (local >= at) data.setUint32(record + 42, local + extra.length, true);
  }
  const eocd = headers.eocd + extra.length;
  data.setUint32(eocd + 16, data.getUint32(eocd + 16, true) + extra.length, true);
  return out;
}

/** A complete local entry (header, name, data) that no directory record lists. */
function hiddenLocalEntry(name: string): Uint8Array {
  const zip = rawZip([{ name, data: new TextEncoder().encode("ssh-ed25519 AAAA attacker\n") }]);
  return zip.subarray(0, locateHeaders(zip).central[0]);
}

/** Builds every hostile case. Takes about a second (the bombs are deflated for real). */
export async function buildHostileArchives(): Promise<HostileArchive[]> {
  const one = requestedKeys(1);
  const ten = requestedKeys(10);
  const good = await placeholderZip(["key-01.pem"]);
  const two = await placeholderZip(["key-01.pem", "key-02.pem"]);
  // Stored, as KPS sends it: such an archive has its checksums checked in a single pass.
  const stored = await zipFiles([{ name: "key-01.pem", data: PLACEHOLDER }], {
    compression: "STORE",
  });
  const zeros = (megabytes: number) => new Uint8Array(megabytes * 1024 * 1024);

  const lyingBomb = setUncompressedSize(
    await zipFiles([{ name: "key-01.pem", data: zeros(20) }]),
    1000,
  );
  // Declares a plausible 60,000 bytes that is even more than its compressed size, so it passes
  // every header check; only the byte counter during inflation can stop it.
  const plausibleLyingBomb = setUncompressedSize(
    await zipFiles([{ name: "key-01.pem", data: zeros(40) }]),
    60_000,
  );
  const honestBomb = await zipFiles([{ name: "key-01.pem", data: zeros(20) }]);
  const highRatio = await zipFiles([{ name: "key-01.pem", data: new Uint8Array(60_000) }]);
  const noise = new Uint8Array(300 * 1024).map((_, index) => (index * 2654435761) >>> 24);
  const oversized = await zipFiles([{ name: "key-01.pem", data: noise }], {
    compression: "STORE",
  });
  // JSZip appends "/" to anything with a directory mode, so the mode is patched in afterwards.
  const unixDirectory = await zipFiles([{ name: "key-01.pem", data: PLACEHOLDER }], {
    platform: "UNIX",
  });
  view(unixDirectory).setUint32(
    (locateHeaders(unixDirectory).central[0] as number) + 38,
    (0o040755 << 16) >>> 0,
    true,
  );
  const folder = await zipFiles([{ name: "keys/", data: "", options: { dir: true } }]);
  const dosDirectory = good.slice();
  view(dosDirectory).setUint32((locateHeaders(dosDirectory).central[0] as number) + 38, 0x10, true);
  const zip64Sizes = patchBoth(good, 0, 20, 18, 4, 0xffffffff);
  const zip64Count = good.slice();
  view(zip64Count).setUint16(zip64Count.length - 22 + 8, 0xffff, true);
  view(zip64Count).setUint16(zip64Count.length - 22 + 10, 0xffff, true);
  const badOffset = good.slice();
  view(badOffset).setUint32((locateHeaders(badOffset).central[0] as number) + 42, 0xfffff, true);
  const shortEntry = await zipFiles([{ name: "key-01.pem", data: "abc" }]);

  const hidden = hiddenLocalEntry("authorized_keys");
  const directoryOf = (bytes: Uint8Array) => view(bytes).getUint32(bytes.length - 22 + 16, true);
  const setuidUnix = await zipFiles(
    [{ name: "key-01.pem", data: PLACEHOLDER, options: { unixPermissions: 0o104755 } }],
    { platform: "UNIX" },
  );
  // A FAT "made by" host with a Unix mode in the high half: unzip still applies it.
  const setuidDos = good.slice();
  view(setuidDos).setUint32(
    (locateHeaders(setuidDos).central[0] as number) + 38,
    (0o106777 << 16) >>> 0,
    true,
  );

  const cases: Array<HostileArchive | Promise<HostileArchive>> = [
    {
      kind: "hidden entry before the first",
      bytes: insertBefore(good, 0, hidden),
      expected: one,
      reason: /does not list, before or between/,
    },
    {
      kind: "hidden entry in a gap",
      bytes: insertBefore(two, locateHeaders(two).local[1] as number, hidden),
      expected: requestedKeys(2),
      reason: /does not list, before or between/,
    },
    {
      kind: "junk before the central directory",
      bytes: insertBefore(good, directoryOf(good), hidden),
      expected: one,
      reason: /does not list, before its directory/,
    },
    { kind: "setuid mode (Unix host)", bytes: setuidUnix, expected: one, reason: /setuid/ },
    { kind: "setuid mode (FAT host)", bytes: setuidDos, expected: one, reason: /setuid/ },
    { kind: "empty", bytes: new Uint8Array(), expected: one, reason: /not a zip archive/ },
    {
      kind: "not a zip",
      bytes: new TextEncoder().encode("<html><body>502 Bad Gateway</body></html>"),
      expected: one,
      reason: /not a zip archive/,
    },
    { kind: "oversized (300 KiB)", bytes: oversized, expected: one, reason: /larger than 256 KiB/ },
    {
      kind: "truncated (first half)",
      bytes: good.slice(0, good.length >> 1),
      expected: one,
      reason: /truncated or damaged/,
    },
    {
      kind: "truncated (tail cut)",
      bytes: good.slice(0, good.length - 5),
      expected: one,
      reason: /truncated or damaged/,
    },
    { kind: "lying-size bomb", bytes: lyingBomb, expected: one, reason: /declared size/ },
    {
      kind: "plausible lying-size bomb",
      bytes: plausibleLyingBomb,
      expected: one,
      reason: /more data than it declares/,
    },
    { kind: "honest bomb", bytes: honestBomb, expected: one, reason: /more than a key file/ },
    { kind: "high compression ratio", bytes: highRatio, expected: one, reason: /200 to 1/ },
    {
      kind: "100,000 entries",
      bytes: rawZip(manyEmptyEntries(100_000)),
      expected: ten,
      reason: /larger than 256 KiB|ZIP64/,
    },
    {
      kind: "2,000 entries",
      bytes: rawZip(manyEmptyEntries(2000)),
      expected: ten,
      reason: /holds 2000 files but only 10 keys were requested/,
    },
    {
      kind: "entry count lies (says 1, holds 2,000)",
      bytes: rawZip(manyEmptyEntries(2000), { eocdCount: 1 }),
      expected: ten,
      reason: /holds more than it declares/,
    },
    {
      kind: "11 entries for 10 requested",
      bytes: await placeholderZip(
        Array.from({ length: 11 }, (_, index) => `key-${String(index + 1).padStart(2, "0")}.pem`),
      ),
      expected: ten,
      reason: /holds 11 files but only 10 keys were requested/,
    },
    { kind: "ZIP64 locator", bytes: withZip64Locator(good), expected: one, reason: /ZIP64/ },
    { kind: "ZIP64 entry count", bytes: zip64Count, expected: one, reason: /ZIP64/ },
    { kind: "ZIP64 entry sizes", bytes: zip64Sizes, expected: one, reason: /ZIP64/ },
    {
      kind: "duplicate names",
      bytes: patchName(two, 1, "key-01.pem"),
      expected: requestedKeys(2),
      reason: /appears more than once/,
    },
    ...["../x.pem", "..\\x.pem", "/etc/passwd", "C:/x.pem", "keys/x.pem", "x.pem ", ".pem"].map(
      async (name) => ({
        kind: `traversal or bad name ${JSON.stringify(name)}`,
        bytes: await placeholderZip([name]),
        expected: one,
        reason: /is not a key-pair file name/,
      }),
    ),
    {
      kind: "bidi name (U+202E)",
      bytes: await placeholderZip(["key\u202Emep.pem"]),
      expected: one,
      reason: /“key\\u202Emep\.pem” has a name that is not a key-pair file name/,
    },
    {
      kind: "NUL in name",
      bytes: await placeholderZip(["key\u0000.pem"]),
      expected: one,
      reason: /\\u0000.*not a key-pair file name/,
    },
    {
      kind: "symlink",
      bytes: await zipFiles(
        [{ name: "key-01.pem", data: "/etc/passwd", options: { unixPermissions: 0o120777 } }],
        { platform: "UNIX" },
      ),
      expected: one,
      reason: /symbolic link/,
    },
    {
      kind: "unix directory",
      bytes: unixDirectory,
      expected: one,
      reason: /is a directory/,
    },
    { kind: "folder entry", bytes: folder, expected: one, reason: /not a key-pair file name/ },
    { kind: "DOS directory attribute", bytes: dosDirectory, expected: one, reason: /directory/ },
    {
      kind: "encrypted (bit 0)",
      bytes: setFlags(good, 0x0001),
      expected: one,
      reason: /encrypted/,
    },
    {
      kind: "strong encryption (bit 6)",
      bytes: setFlags(good, 0x0041),
      expected: one,
      reason: /encrypted/,
    },
    {
      kind: "unsupported method (12, bzip2)",
      bytes: setMethod(good, 12),
      expected: one,
      reason: /compression method 12/,
    },
    {
      kind: "CRC mismatch",
      bytes: setCrc(good, 0xdeadbeef),
      expected: one,
      reason: /checksum does not match/,
    },
    {
      kind: "CRC mismatch, stored",
      bytes: setCrc(stored, 0xdeadbeef),
      expected: one,
      reason: /checksum does not match/,
    },
    {
      kind: "local header name differs",
      bytes: patchName(good, 0, "KEY-01.pem", true),
      expected: one,
      reason: /different name in its file header/,
    },
    {
      kind: "local header offset out of range",
      bytes: badOffset,
      expected: one,
      reason: /points outside the archive/,
    },
    {
      kind: "entry shorter than declared",
      bytes: setUncompressedSize(shortEntry, 10),
      expected: one,
      reason: /damaged|less data than it declares/,
    },
    {
      kind: "data after the end",
      bytes: Uint8Array.from([...good, 0x50, 0x4b]),
      expected: one,
      reason: /unexpected data after its end/,
    },
  ];
  return Promise.all(cases);
}
