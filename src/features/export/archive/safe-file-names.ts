import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { NameWarning } from "./archive-types.ts";

/*
 * Names KPS allows but disks do not: a 255-character key-pair name gives a 259-byte
 * "<name>.pem" that unzip cannot create (NAME_MAX is 255 bytes), and "web-01" and "WEB-01"
 * overwrite each other on case-insensitive file systems (macOS, Windows). The zip itself is
 * never changed; the preview warns and offers such entries one by one under a safe name.
 */

export const MAX_FILE_NAME_BYTES = 255;
const SUFFIX = ".pem";

export type SafeName = { saveAs: string; warning: NameWarning | null };

function shortened(base: string): string {
  const tag = bytesToHex(sha256(new TextEncoder().encode(base))).slice(0, 8);
  // Names are ASCII (the guard's pattern), so characters are bytes.
  return `${base.slice(0, MAX_FILE_NAME_BYTES - SUFFIX.length - tag.length - 1)}-${tag}`;
}

/** A download name for each entry name, in order, with a warning where it had to change. */
export function safeFileNames(fileNames: string[]): SafeName[] {
  const taken = new Set<string>();
  const seen = new Set<string>();
  return fileNames.map((fileName) => {
    const base = fileName.slice(0, -SUFFIX.length);
    const tooLong = fileName.length > MAX_FILE_NAME_BYTES;
    const caseTwin = seen.has(fileName.toLowerCase());
    let candidate = tooLong ? shortened(base) : base;
    seen.add(fileName.toLowerCase());
    for (let index = 2; taken.has(`${candidate}${SUFFIX}`.toLowerCase()); index++) {
      candidate = shortened(`${base}-${index}`);
      if (`${base}-${index}${SUFFIX}`.length <= MAX_FILE_NAME_BYTES) candidate = `${base}-${index}`;
    }
    const saveAs = `${candidate}${SUFFIX}`;
    taken.add(saveAs.toLowerCase());
    if (!tooLong && !caseTwin) return { saveAs, warning: null };
    return { saveAs, warning: { tooLongBytes: tooLong ? fileName.length : null, caseTwin } };
  });
}
