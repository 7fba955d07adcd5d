import JSZip from "jszip";
import { ArchiveRejectedError } from "./archive-rejected-error.ts";
import type { ArchiveRefusal } from "./archive-types.ts";
import { MAX_ENTRY_BYTES, type ScannedEntry } from "./zip-guard.ts";

export type InflatedEntry = { name: string; bytes: Uint8Array };

// JSZip's typings leave out internalStream, the one reader that hands over data chunk by chunk
// (async() accumulates the whole entry first, which is exactly what a bomb exploits).
type ChunkStream = {
  on(event: "data", listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  on(event: "error", listener: (error: unknown) => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
};
type StreamableFile = JSZip.JSZipObject & { internalStream(type: "uint8array"): ChunkStream };

const DAMAGED: ArchiveRefusal = { code: "damaged" };

/**
 * Inflates one entry, counting bytes as they arrive and stopping as soon as the entry produces
 * more than it declared (or the cap): at most one extra chunk is ever held.
 */
function readCounted(file: JSZip.JSZipObject, entry: ScannedEntry): Promise<Uint8Array> {
  const limit = Math.min(entry.uncompressedSize, MAX_ENTRY_BYTES);
  return new Promise((resolve, reject) => {
    const output = new Uint8Array(limit);
    let received = 0;
    let settled = false;
    const fail = (refusal: ArchiveRefusal) => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(new ArchiveRejectedError(refusal));
    };
    const stream = (file as StreamableFile).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (settled) return;
        if (received + chunk.length > limit) {
          fail({ code: "entryMoreData", params: { name: entry.name } });
          return;
        }
        output.set(chunk, received);
        received += chunk.length;
      })
      .on("error", () => fail(DAMAGED))
      .on("end", () => {
        if (settled) return;
        if (received !== entry.uncompressedSize) {
          fail({ code: "entryLessData", params: { name: entry.name } });
          return;
        }
        settled = true;
        resolve(output);
      })
      .resume();
  });
}

const CORRUPTED: ArchiveRefusal = { code: "corrupted" };

async function loadZip(bytes: Uint8Array, checkCRC32: boolean): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32 });
  } catch (error) {
    if (checkCRC32 && error instanceof Error && /crc32/i.test(error.message)) {
      throw new ArchiveRejectedError(CORRUPTED);
    }
    throw new ArchiveRejectedError(DAMAGED);
  }
}

/**
 * Reads every scanned entry's bytes. Call only after scanCentralDirectory accepted `bytes`:
 * that scan is what makes it safe to let JSZip parse the directory at all.
 */
export async function inflateEntries(
  bytes: Uint8Array,
  scanned: ScannedEntry[],
): Promise<InflatedEntry[]> {
  // loadAsync with checkCRC32 inflates every entry without any limit. A stored entry cannot
  // grow (the scan holds it to the bytes it occupies here), so an all-stored archive, which is
  // what KPS sends, is checked in one pass. DEFLATE entries are first read through the
  // counted pass, which proves each stays within its small declared size, and checked after.
  const allStored = scanned.every((entry) => entry.method === 0);
  const zip = await loadZip(bytes, allStored);
  // Every entry is found before any is read.
  const files = scanned.map((entry) => {
    const file = zip.file(entry.name);
    if (!file || file.dir) throw new ArchiveRejectedError(DAMAGED);
    return { entry, file };
  });
  // All entries at once: JSZip hands each one over a task at a time, so one after another the
  // ten entries of an export waited out twenty tasks in a row. Each read still stops at its own
  // declared size, and the scan has already bounded their sum.
  const inflated: InflatedEntry[] = await Promise.all(
    files.map(async ({ entry, file }) => ({
      name: entry.name,
      bytes: await readCounted(file, entry),
    })),
  );
  if (!allStored) await loadZip(bytes, true);
  return inflated;
}
