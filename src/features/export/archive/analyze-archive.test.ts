import { beforeAll, describe, expect, it } from "vitest";
import { forgeFor } from "../../../testing/forged-keys.ts";
import { zipFiles, zipKeys } from "../../../testing/hostile-archives.ts";
import { generateTestKeys, type TestKey } from "../../../testing/test-keys.ts";
import { analyzeArchive } from "./analyze-archive.ts";
import type { ArchiveVerdict } from "./archive-types.ts";

let keys: TestKey[] = [];

beforeAll(() => {
  keys = generateTestKeys();
});

const verdict = (ok: boolean, requested: number, counts: Partial<ArchiveVerdict> = {}) => ({
  ok,
  requested,
  verified: 0,
  mismatched: 0,
  unexpected: 0,
  unreadable: 0,
  missing: 0,
  ...counts,
});
const keyMap = () => Object.fromEntries(keys.map((key) => [key.label, key.pem]));
const expectedOf = (list: TestKey[]) =>
  list.map((key) => ({ name: key.label, fingerprint: key.fingerprint }));

describe("analyzeArchive on good archives", () => {
  it("verifies every key of every kind with its algorithm and size", async () => {
    const report = await analyzeArchive(await zipKeys(keyMap()), expectedOf(keys));
    expect(report.missing).toEqual([]);
    expect(report.verdict).toEqual(verdict(true, keys.length, { verified: keys.length }));
    expect(report.entries).toHaveLength(keys.length);
    for (const key of keys) {
      const entry = report.entries.find((candidate) => candidate.keypairName === key.label);
      expect(entry).toEqual({
        fileName: `${key.label}.pem`,
        keypairName: key.label,
        size: new TextEncoder().encode(key.pem).length,
        algorithm: key.algorithm,
        keySize: key.keySize,
        derivedFingerprint: key.fingerprint,
        expectedFingerprint: key.fingerprint,
        status: "verified",
        problem: null,
        saveAs: `${key.label}.pem`,
        nameWarning: null,
        text: key.pem,
      });
    }
  });

  it("verifies one key, from an ArrayBuffer, STORE or DEFLATE", async () => {
    const [key] = keys as [TestKey];
    for (const compression of ["STORE", "DEFLATE"] as const) {
      const zip = await zipFiles([{ name: `${key.label}.pem`, data: key.pem }], { compression });
      const buffer = zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength);
      const report = await analyzeArchive(buffer as ArrayBuffer, expectedOf([key]));
      expect(report.verdict).toEqual(verdict(true, 1, { verified: 1 }));
    }
  });

  it("accepts fingerprints written the ssh-keygen way (MD5: prefix, upper case)", async () => {
    const [key] = keys as [TestKey];
    const report = await analyzeArchive(await zipKeys({ [key.label]: key.pem }), [
      { name: key.label, fingerprint: `MD5:${key.fingerprint.toUpperCase()}` },
    ]);
    expect(report.entries[0]?.status).toBe("verified");
  });
});

describe("analyzeArchive on archives that do not match the request", () => {
  it("marks a wrong fingerprint as a mismatch", async () => {
    const [a, b] = keys as [TestKey, TestKey];
    const expected = [
      { name: a.label, fingerprint: a.fingerprint },
      { name: b.label, fingerprint: a.fingerprint },
    ];
    const report = await analyzeArchive(
      await zipKeys({ [a.label]: a.pem, [b.label]: b.pem }),
      expected,
    );
    const entry = report.entries.find((candidate) => candidate.keypairName === b.label);
    expect(entry).toMatchObject({
      status: "mismatch",
      derivedFingerprint: b.fingerprint,
      expectedFingerprint: a.fingerprint,
      problem: "entry.fingerprintDiffers",
    });
    expect(report.verdict).toEqual(verdict(false, 2, { verified: 1, mismatched: 1 }));
  });

  it("lists requested names with no entry as missing", async () => {
    const [a, b, c] = keys as [TestKey, TestKey, TestKey];
    const report = await analyzeArchive(
      await zipKeys({ [a.label]: a.pem, [b.label]: b.pem }),
      expectedOf([a, b, c]),
    );
    expect(report.missing).toEqual([c.label]);
    expect(report.verdict).toEqual(verdict(false, 3, { verified: 2, missing: 1 }));
  });

  it("marks entries nobody asked for as unexpected, and non-keys as unreadable", async () => {
    const [a, b, c] = keys as [TestKey, TestKey, TestKey];
    const zip = await zipKeys({ [a.label]: a.pem, stranger: b.pem, notes: "hello" });
    const report = await analyzeArchive(zip, expectedOf([a, b, c]).concat());
    const byName = Object.fromEntries(report.entries.map((entry) => [entry.keypairName, entry]));
    expect(byName.stranger).toMatchObject({
      status: "unexpected",
      derivedFingerprint: b.fingerprint,
      problem: "entry.unrequested",
    });
    expect(byName.notes).toMatchObject({
      status: "unreadable",
      algorithm: null,
      problem: "key.notAKey",
      text: "hello",
    });
    expect(report.missing).toEqual([b.label, c.label]);
    expect(report.verdict).toEqual(
      verdict(false, 3, { verified: 1, unexpected: 1, unreadable: 1, missing: 2 }),
    );
  });

  it("fails closed when no fingerprint is listed", async () => {
    const [a] = keys as [TestKey];
    const report = await analyzeArchive(await zipKeys({ [a.label]: a.pem }), [{ name: a.label }]);
    expect(report.entries[0]).toMatchObject({
      status: "mismatch",
      expectedFingerprint: null,
      problem: "entry.noListedFingerprint",
    });
    expect(report.verdict.ok).toBe(false);
  });

  it("marks binary content as unreadable instead of decoding it loosely", async () => {
    const [a] = keys as [TestKey];
    const zip = await zipFiles([{ name: `${a.label}.pem`, data: Uint8Array.of(0xff, 0xfe, 0x00) }]);
    const report = await analyzeArchive(zip, expectedOf([a]));
    expect(report.entries[0]).toMatchObject({
      status: "unreadable",
      text: "",
      size: 3,
      problem: "entry.notText",
    });
  });
});

describe("analyzeArchive on forged keys", () => {
  it("never calls a key verified when its secret part does not produce the listed key", async () => {
    const targets = keys.filter(
      (key) => !key.label.includes("pkcs8") && key.label !== "rsa-3072-openssh",
    );
    const forged = Object.fromEntries(targets.map((key) => [key.label, forgeFor(key.publicLine)]));
    const report = await analyzeArchive(await zipKeys(forged), expectedOf(targets));
    expect(report.verdict).toEqual(verdict(false, targets.length, { mismatched: targets.length }));
    for (const entry of report.entries) {
      expect(entry).toMatchObject({
        status: "mismatch",
        derivedFingerprint: null,
        problem: "key.notPossessed",
      });
    }
  });
});

describe("analyzeArchive on names that break on disk", () => {
  it("keeps a long or case-twin key verified, warns, and offers a safe name", async () => {
    const [a, b, c] = keys as [TestKey, TestKey, TestKey];
    const long = "k".repeat(255);
    const named = [
      { name: "web-01", key: a },
      { name: "WEB-01", key: b },
      { name: long, key: c },
    ];
    const zip = await zipKeys(Object.fromEntries(named.map(({ name, key }) => [name, key.pem])));
    const report = await analyzeArchive(
      zip,
      named.map(({ name, key }) => ({ name, fingerprint: key.fingerprint })),
    );
    expect(report.verdict.ok).toBe(true);
    const byName = Object.fromEntries(report.entries.map((entry) => [entry.keypairName, entry]));
    expect(byName["web-01"]).toMatchObject({ saveAs: "web-01.pem", nameWarning: null });
    expect(byName["WEB-01"]).toMatchObject({
      status: "verified",
      saveAs: "WEB-01-2.pem",
      nameWarning: { tooLongBytes: null, caseTwin: true },
    });
    expect(byName[long]?.saveAs.length).toBeLessThanOrEqual(255);
    expect(byName[long]?.nameWarning).toEqual({ tooLongBytes: 259, caseTwin: false });
  });
});
