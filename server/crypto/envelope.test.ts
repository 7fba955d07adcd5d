import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keypairAad, open, seal } from "./envelope.ts";

// Armor lines are assembled, so no literal one sits in the repository (where a real key would be flagged).
const DASHES = "-".repeat(5);

const masterKey = randomBytes(32);
const secret = Buffer.from(
  `${DASHES}BEGIN RSA PRIVATE KEY${DASHES}\nsecret\n${DASHES}END RSA PRIVATE KEY${DASHES}\n`,
);

describe("envelope encryption", () => {
  it("opens what it sealed, under the same row binding", () => {
    const aad = keypairAad("p1", 1, "web-01");
    expect(open(masterKey, seal(masterKey, secret, aad), aad).equals(secret)).toBe(true);
  });

  it("refuses a blob moved to another row, project or name", () => {
    const envelope = seal(masterKey, secret, keypairAad("p1", 1, "web-01"));
    for (const aad of [
      keypairAad("p1", 2, "web-01"),
      keypairAad("p2", 1, "web-01"),
      keypairAad("p1", 1, "web-02"),
    ]) {
      expect(() => open(masterKey, envelope, aad)).toThrow();
    }
  });

  it("refuses a wrong master key and any flipped bit", () => {
    const aad = keypairAad("p1", 1, "web-01");
    const envelope = seal(masterKey, secret, aad);
    expect(() => open(randomBytes(32), envelope, aad)).toThrow();
    const tampered = Buffer.from(envelope.sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => open(masterKey, { ...envelope, sealed: tampered }, aad)).toThrow();
  });

  it("never repeats an IV and never stores the plaintext", () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const envelope = seal(masterKey, secret, "aad");
      ivs.add(envelope.sealed.subarray(0, 12).toString("hex"));
      ivs.add(envelope.wrappedKey.subarray(0, 12).toString("hex"));
      if (i === 0) expect(envelope.sealed.includes(Buffer.from("PRIVATE KEY"))).toBe(false);
    }
    expect(ivs.size).toBe(4000);
  });
});
