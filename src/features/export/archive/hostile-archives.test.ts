import { beforeAll, describe, expect, it } from "vitest";
import {
  buildHostileArchives,
  type HostileArchive,
  rawZip,
  zipFiles,
} from "../../../testing/hostile-archives.ts";
import { analyzeArchive } from "./analyze-archive.ts";
import { ArchiveRejectedError } from "./archive-rejected-error.ts";
import { refusalText } from "./refusal-text.ts";
import { scanCentralDirectory } from "./zip-guard.ts";

/** The corpus names each case's reason in English, the words tests run in. */
const said = (error: unknown) =>
  error instanceof ArchiveRejectedError ? refusalText(error.refusal) : String(error);

function refusalOf(scan: () => unknown) {
  try {
    scan();
  } catch (error) {
    return error instanceof ArchiveRejectedError ? error.refusal : error;
  }
  return "accepted";
}

let corpus: HostileArchive[] = [];

beforeAll(async () => {
  corpus = await buildHostileArchives();
});

describe("the hostile-archive corpus", () => {
  it("covers at least 18 kinds", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(18);
    expect(new Set(corpus.map((item) => item.kind)).size).toBe(corpus.length);
  });

  it("is refused in full, each with its specific reason", async () => {
    const outcomes = await Promise.all(
      corpus.map(async (item) => {
        const started = performance.now();
        try {
          await analyzeArchive(item.bytes, item.expected);
          return { kind: item.kind, message: "ACCEPTED", ok: false, ms: 0 };
        } catch (error) {
          const message = said(error);
          return {
            kind: item.kind,
            message,
            ok: error instanceof ArchiveRejectedError && item.reason.test(message),
            ms: performance.now() - started,
          };
        }
      }),
    );
    // One assertion over the table, so a failure shows every case at once.
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    for (const outcome of outcomes) {
      expect(outcome.message.length).toBeGreaterThan(10);
      expect(outcome.message).toMatch(/[.]$/);
    }
  });

  it("refuses every case without inflating more than a chunk past the cap", async () => {
    const bomb = corpus.find((item) => item.kind === "plausible lying-size bomb");
    expect(bomb).toBeDefined();
    const started = performance.now();
    await expect(
      analyzeArchive(bomb?.bytes ?? new Uint8Array(), bomb?.expected ?? []),
    ).rejects.toMatchObject({ refusal: { code: "entryMoreData" } });
    // 40 MB inflated in full takes far longer than stopping after 60,000 bytes.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("never puts raw control or bidi characters into a message", async () => {
    for (const item of corpus) {
      const message = await analyzeArchive(item.bytes, item.expected).then(
        () => "accepted",
        (error: unknown) => said(error),
      );
      const unsafe = [...message].filter((char) => {
        const code = char.codePointAt(0) ?? 0;
        return (
          code < 0x20 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
        );
      });
      expect(unsafe).toEqual([]);
    }
  });
});

describe("scanCentralDirectory caps", () => {
  it("refuses entries that add up to more than 1 MiB", () => {
    const entries = Array.from({ length: 17 }, (_, index) => ({
      name: `k${index}.pem`,
      data: new Uint8Array(400),
      method: 8,
      declaredSize: 64_000,
    }));
    expect(refusalOf(() => scanCentralDirectory(rawZip(entries), 20))).toEqual({
      code: "totalTooLarge",
    });
  });

  it("accepts up to the requested count and refuses one more", () => {
    const three = rawZip([{ name: "a.pem" }, { name: "b.pem" }, { name: "c.pem" }]);
    expect(scanCentralDirectory(three, 3).map((entry) => entry.name)).toEqual([
      "a.pem",
      "b.pem",
      "c.pem",
    ]);
    expect(refusalOf(() => scanCentralDirectory(three, 2))).toEqual({
      code: "tooManyFiles",
      params: { files: 3, requested: 2 },
    });
  });

  it("refuses an empty archive (end record only)", () => {
    expect(refusalOf(() => scanCentralDirectory(rawZip([]), 1))).toEqual({ code: "empty" });
  });
});

describe("scanCentralDirectory modes", () => {
  it("accepts the server's Unix 0100600 entries and entries with no mode (Java)", async () => {
    const unix = await zipFiles(
      [{ name: "a.pem", data: "x", options: { unixPermissions: 0o100600 } }],
      { platform: "UNIX", compression: "STORE" },
    );
    const dos = await zipFiles([{ name: "a.pem", data: "x" }], { compression: "STORE" });
    expect(scanCentralDirectory(unix, 1)).toHaveLength(1);
    expect(scanCentralDirectory(dos, 1)).toHaveLength(1);
  });
});
