import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { zipPrivateKeys } from "./keypairs-zip.ts";

const pem = (size: number) =>
  Buffer.from(
    `-----BEGIN TEST KEY-----\n${randomBytes(size).toString("base64")}\n-----END TEST KEY-----\n`,
  );
const keys = ["web-01", "db_primary", "ключ", "x".repeat(255)].map((name, index) => ({
  name,
  privateKey: pem(400 + index * 900),
  fingerprint: "",
}));
const when = new Date(2026, 2, 14, 9, 26, 53);

describe("the batch-export zip", () => {
  it("is byte for byte what fflate writes for stored Unix 0600 files", () => {
    const reference = zipSync(
      Object.fromEntries(
        keys.map((key) => [
          `${key.name}.pem`,
          [key.privateKey, { level: 0, os: 3, attrs: 0o100600 << 16, mtime: when }],
        ]),
      ),
    );
    expect(zipPrivateKeys(keys, when).equals(Buffer.from(reference))).toBe(true);
  });

  it("opens to exactly the exported bytes, with their checksums right", async () => {
    const zip = await JSZip.loadAsync(zipPrivateKeys(keys, when), { checkCRC32: true });
    for (const key of keys) {
      const entry = zip.file(`${key.name}.pem`);
      expect(entry?.unixPermissions).toBe(0o100600);
      expect(Buffer.from((await entry?.async("uint8array")) ?? []).equals(key.privateKey)).toBe(
        true,
      );
    }
  });

  it("extracts with Info-ZIP unzip as mode 0600 files that ssh accepts", () => {
    const dir = mkdtempSync(join(tmpdir(), "kps-unzip-"));
    try {
      const short = keys.slice(0, 3);
      writeFileSync(join(dir, "keypairs.zip"), zipPrivateKeys(short, when));
      execFileSync("/usr/bin/unzip", ["-q", "keypairs.zip", "-d", "out"], { cwd: dir });
      for (const key of short) {
        const mode = statSync(join(dir, "out", `${key.name}.pem`)).mode;
        expect((mode & 0o170777).toString(8)).toBe("100600");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
