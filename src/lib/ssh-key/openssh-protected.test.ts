import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateTestKeys } from "../../testing/test-keys.ts";
import { SshReader } from "./inspect-key.ts";
import { bcryptPbkdf } from "./openssh-kdf.ts";
import {
  openProtectedKey,
  PROTECT_ROUNDS,
  protectPrivateKey,
  toOpenSshPem,
  WRONG_PASSPHRASE,
} from "./openssh-protected.ts";

const keys = generateTestKeys();
const dir = mkdtempSync(join(tmpdir(), "kps-protected-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PASSPHRASE = "correct horse battery staple";
const encoder = new TextEncoder();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

function sshKeygen(args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync("ssh-keygen", args, { encoding: "utf8", stdio: "pipe" }) };
  } catch {
    return { ok: false, out: "" };
  }
}

function writeKey(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/** The header fields of an openssh-key-v1 file: what ssh-keygen -p would have chosen. */
function header(text: string) {
  const body = text.split("\n").slice(1, -2).join("");
  const reader = new SshReader(Buffer.from(body, "base64").subarray(15));
  const cipher = reader.text();
  const kdf = reader.text();
  const options = new SshReader(reader.bytesField());
  return { cipher, kdf, salt: options.bytesField(), rounds: options.uint32() };
}

describe("bcrypt_pbkdf, OpenBSD's known answers", () => {
  // From OpenBSD's regress/lib/libutil/bcrypt_pbkdf, as carried by RustCrypto's test vectors.
  const vectors: [string, string, number, string][] = [
    ["password", "salt", 4, "5bbf0cc293587f1c3635555c27796598d47e579071bf427e9d8fbe842aba34d9"],
    ["password", "\0", 4, "c12b566235eee04c212598970a579a67"],
    ["\0", "salt", 4, "6051be18c2f4f82cbf0efee5471b4bb9"],
    ["password\0", "salt\0", 4, "7410e44cf4fa07bfaac8a928b1727fac001375e7bf7384370f48efd121743050"],
    ["pass\0wor", "sa\0l", 4, "c2bffd9db38f6569efef4372f4de83c0"],
    ["pass\0word", "sa\0lt", 4, "4ba4ac3925c0e8d7f0cdb6bb1684a56f"],
    [
      "password",
      "salt",
      8,
      "e1367ec5151a33faac4cc1c144cd23fa15d5548493ecc99b9b5d9c0d3b27bec76227ea66088b849b20ab7aa478010246e74bba51723fefa9f9474d6508845e8d",
    ],
    ["password", "salt", 42, "833cf0dcf56db65608e8f0dc0ce882bd"],
  ];
  it.each(vectors)("%j with salt %j, %d rounds", (password, salt, rounds, expected) => {
    const out = bcryptPbkdf(
      encoder.encode(password),
      encoder.encode(salt),
      rounds,
      expected.length / 2,
    );
    expect(hex(out)).toBe(expected);
  });
});

// bcrypt at 16 rounds, in JS and in ssh-keygen: seconds on a busy machine, not a timing test.
describe("protected keys open in OpenSSH", { timeout: 120_000 }, () => {
  it.each(keys)(
    "$label: -y with the passphrase prints the listed public key, a wrong one fails",
    (key) => {
      const text = protectPrivateKey(key.pem, PASSPHRASE, { comment: key.label });
      const file = writeKey(`${key.label}.pem`, text);
      expect(text).toMatch(/^-{5}BEGIN OPENSSH PRIVATE KEY-{5}\n/);
      expect(text).not.toContain(key.pem.split("\n")[1]);

      const opened = sshKeygen(["-y", "-P", PASSPHRASE, "-f", file]);
      expect(opened.ok).toBe(true);
      const [type, blob] = opened.out.trim().split(" ");
      expect(`${type} ${blob}`).toBe(key.publicLine.split(" ").slice(0, 2).join(" "));

      expect(sshKeygen(["-y", "-P", "wrong passphrase!", "-f", file]).ok).toBe(false);
      expect(sshKeygen(["-y", "-P", "", "-f", file]).ok).toBe(false);

      const listed = sshKeygen(["-l", "-E", "md5", "-f", file]);
      expect(listed.out).toContain(`MD5:${key.fingerprint} `);
    },
  );

  it.each(keys)("$label: written as ssh-keygen -p writes it, comment kept", (key) => {
    const text = protectPrivateKey(key.pem, PASSPHRASE, { comment: key.label });
    const { cipher, kdf, salt, rounds } = header(text);
    expect({ cipher, kdf, rounds, saltLength: salt.length }).toEqual({
      cipher: "aes256-ctr",
      kdf: "bcrypt",
      rounds: PROTECT_ROUNDS,
      saltLength: 16,
    });
    const file = writeKey(`${key.label}-comment.pem`, text);
    // ssh-keygen prints the comment from the decrypted section (-y) after the key.
    const comment = sshKeygen(["-y", "-P", PASSPHRASE, "-f", file]).out.trim().split(" ")[2];
    // A PEM key has no comment, so it takes the key pair's name; an OpenSSH key keeps its own.
    const original = key.pem.includes("OPENSSH")
      ? sshKeygen(["-y", "-f", writeKey(`${key.label}-plain.pem`, key.pem)])
          .out.trim()
          .split(" ")[2]
      : key.label;
    expect(comment).toBe(original);
  });

  it("uses a fresh salt and check integer for every key", () => {
    const [key] = keys;
    if (!key) throw new Error("no test key");
    const first = protectPrivateKey(key.pem, PASSPHRASE, { comment: "a" });
    const second = protectPrivateKey(key.pem, PASSPHRASE, { comment: "a" });
    expect(first).not.toBe(second);
    expect(hex(header(first).salt)).not.toBe(hex(header(second).salt));
  });

  it("refuses an empty passphrase and a key it cannot read", () => {
    const [key] = keys;
    if (!key) throw new Error("no test key");
    expect(() => protectPrivateKey(key.pem, "", { comment: "a" })).toThrow();
    expect(() => protectPrivateKey("not a key", PASSPHRASE, { comment: "a" })).toThrow();
  });
});

describe("openProtectedKey re-opens what was written", { timeout: 120_000 }, () => {
  it.each(keys)("$label: the right passphrase proves the listed fingerprint", (key) => {
    const text = protectPrivateKey(key.pem, PASSPHRASE, { comment: key.label });
    expect(openProtectedKey(text, PASSPHRASE)).toEqual({
      ok: true,
      algorithm: key.algorithm,
      keySize: key.keySize,
      fingerprint: key.fingerprint,
    });
    expect(openProtectedKey(text, `${PASSPHRASE}x`)).toEqual({
      ok: false,
      problem: WRONG_PASSPHRASE,
    });
  });

  it("opens a key ssh-keygen -p protected itself", () => {
    const key = keys.find((candidate) => candidate.label === "ed25519-openssh");
    if (!key) throw new Error("no ed25519 test key");
    const file = writeKey("by-ssh-keygen.pem", key.pem);
    execFileSync("ssh-keygen", ["-p", "-q", "-P", "", "-N", PASSPHRASE, "-f", file], {
      stdio: "pipe",
    });
    const text = execFileSync("cat", [file], { encoding: "utf8" });
    expect(openProtectedKey(text, PASSPHRASE)).toMatchObject({
      ok: true,
      fingerprint: key.fingerprint,
    });
  });

  it("refuses a protected key whose public half was swapped for another key's", () => {
    const [a, b] = keys;
    if (!a || !b) throw new Error("no test keys");
    const text = protectPrivateKey(a.pem, PASSPHRASE, { comment: "a" });
    const other = protectPrivateKey(b.pem, PASSPHRASE, { comment: "b" });
    const swapped = Buffer.from(text.split("\n").slice(1, -2).join(""), "base64");
    const otherBytes = Buffer.from(other.split("\n").slice(1, -2).join(""), "base64");
    // Splice b's public blob into a's file: the secret part no longer produces it.
    const blobOf = (bytes: Buffer) => {
      const reader = new SshReader(bytes.subarray(15));
      reader.text();
      reader.text();
      reader.bytesField();
      reader.uint32();
      const start = 15 + reader.position;
      const blob = reader.bytesField();
      return { start, end: 15 + reader.position, blob };
    };
    const mine = blobOf(swapped);
    const theirs = blobOf(otherBytes);
    const forged = Buffer.concat([
      swapped.subarray(0, mine.start),
      otherBytes.subarray(theirs.start, theirs.end),
      swapped.subarray(mine.end),
    ]);
    const result = openProtectedKey(toOpenSshPem(forged), PASSPHRASE);
    expect(result.ok).toBe(false);
  });
});
