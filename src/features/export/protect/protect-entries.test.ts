import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { openProtectedKey } from "../../../lib/ssh-key/openssh-protected.ts";
import { generateTestKeys } from "../../../testing/test-keys.ts";
import { passphraseStrength } from "./passphrase-rules.ts";
import { ProtectRefusedError, protectEntries } from "./protect-entries.ts";
import type { ProtectEntry, ProtectPhase } from "./protect-protocol.ts";

const PASSPHRASE = "a long enough passphrase";
const keys = generateTestKeys().filter((key) =>
  ["rsa-2048-pkcs1", "ed25519-openssh", "ecdsa-p384-openssh"].includes(key.label),
);
const entries: ProtectEntry[] = keys.map((key) => ({
  fileName: `${key.label}.pem`,
  keypairName: key.label,
  text: key.pem,
  listedFingerprint: key.fingerprint,
}));

// Sixteen bcrypt rounds, twice a key: seconds on a busy shared machine, not a timing assertion.
const SLOW = { timeout: 120_000 };

describe("protectEntries", SLOW, () => {
  it("zips every key under its original name, protected, 0600, each proven by re-opening", async () => {
    const progress: [number, ProtectPhase][] = [];
    const outcome = await protectEntries(
      { entries, passphrase: PASSPHRASE, output: "zip" },
      (i, p) => progress.push([i, p]),
    );
    if (outcome.kind !== "zip") throw new Error("expected a zip");
    expect(progress).toEqual(
      entries.flatMap((_, index) => [
        [index, "protecting"],
        [index, "checking"],
        [index, "done"],
      ]),
    );
    const zip = await JSZip.loadAsync(outcome.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(entries.map((entry) => entry.fileName).sort());
    for (const [index, entry] of entries.entries()) {
      const file = zip.file(entry.fileName);
      const text = (await file?.async("string")) ?? "";
      expect(text).not.toBe(entry.text);
      expect(file?.unixPermissions).toBe(0o600);
      expect(openProtectedKey(text, PASSPHRASE)).toMatchObject({
        ok: true,
        fingerprint: keys[index]?.fingerprint,
      });
    }
  });

  it("gives one protected PEM for a single entry", async () => {
    const [entry] = entries;
    if (!entry) throw new Error("no entry");
    const outcome = await protectEntries(
      { entries: [entry], passphrase: PASSPHRASE, output: "pem" },
      () => undefined,
    );
    if (outcome.kind !== "pem") throw new Error("expected a pem");
    expect(openProtectedKey(outcome.text, PASSPHRASE)).toMatchObject({
      ok: true,
      fingerprint: entry.listedFingerprint,
    });
  });

  it("refuses the whole download when one key does not re-open to its listed fingerprint", async () => {
    const [first, second] = entries;
    if (!first || !second) throw new Error("no entries");
    const lying = [first, { ...second, listedFingerprint: first.listedFingerprint }];
    await expect(
      protectEntries({ entries: lying, passphrase: PASSPHRASE, output: "zip" }, () => undefined),
    ).rejects.toMatchObject({
      refusal: { code: "notReopened", params: { fileName: second.fileName } },
    });
  });

  it("refuses a passphrase under 12 characters, even if the dialog let it through", async () => {
    await expect(
      protectEntries({ entries, passphrase: "short-pass1", output: "zip" }, () => undefined),
    ).rejects.toEqual(new ProtectRefusedError({ code: "tooShort", params: { min: 12 } }));
  });
});

describe("passphraseStrength", () => {
  it.each([
    ["", 0, "tooShort"],
    ["abcdefghijk", 0, "tooShort"],
    ["aaaaaaaaaaaaaaaa", 1, "repetitive"],
    ["abcdefghijkl", 1, "mixMore"],
    ["abcdefgh1234", 2, "fair"],
    ["correct horse battery staple", 3, "strong"],
  ] as const)("%j scores %d (%s)", (passphrase, score, verdict) => {
    expect(passphraseStrength(passphrase)).toEqual({ score, verdict });
  });
});
