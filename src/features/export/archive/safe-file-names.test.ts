import { describe, expect, it } from "vitest";
import { safeFileNames } from "./safe-file-names.ts";

describe("safeFileNames", () => {
  it("keeps ordinary names and warns about none", () => {
    expect(safeFileNames(["web-01.pem", "db.pem"])).toEqual([
      { saveAs: "web-01.pem", warning: null },
      { saveAs: "db.pem", warning: null },
    ]);
  });

  it("shortens a 259-byte name to 255 bytes with a short hash, and warns", () => {
    const long = `${"a".repeat(255)}.pem`;
    const [safe] = safeFileNames([long]);
    expect(safe?.saveAs.length).toBeLessThanOrEqual(255);
    expect(safe?.saveAs).toMatch(/^a+-[0-9a-f]{8}\.pem$/);
    expect(safe?.warning).toEqual({ tooLongBytes: 259, caseTwin: false });
  });

  it("gives the second of two names that differ only in case a suffix, and warns", () => {
    const [first, second] = safeFileNames(["web-01.pem", "WEB-01.pem"]);
    expect(first).toEqual({ saveAs: "web-01.pem", warning: null });
    expect(second?.saveAs).toBe("WEB-01-2.pem");
    expect(second?.warning).toEqual({ tooLongBytes: null, caseTwin: true });
  });

  it("never hands out a name another entry already has, ignoring case", () => {
    const names = safeFileNames(["a.pem", "A.pem", "a-2.pem"]).map((safe) => safe.saveAs);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(3);
  });
});
