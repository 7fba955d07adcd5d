import { generateKeyPairSync } from "node:crypto";
import sshpk from "sshpk";

/*
 * Test helper: real private keys generated at test time (never committed), in the formats KPS
 * exports, with the fingerprint sshpk (an independent implementation) computes for each.
 */

export type TestKey = {
  label: string;
  pem: string;
  algorithm: "RSA" | "ED25519" | "ECDSA";
  keySize: number;
  fingerprint: string;
  /** The OpenSSH public-key line KPS would list for it. */
  publicLine: string;
};

function fingerprintOf(pem: string): string {
  const key = sshpk.parsePrivateKey(pem, "auto");
  return key.toPublic().fingerprint("md5").toString("hex");
}

function publicLineOf(pem: string): string {
  return sshpk.parsePrivateKey(pem, "auto").toPublic().toString("ssh");
}

function toOpenSsh(pkcs8Pem: string): string {
  return sshpk.parsePrivateKey(pkcs8Pem, "pem").toString("openssh");
}

function rsa(bits: number, type: "pkcs1" | "pkcs8"): string {
  return generateKeyPairSync("rsa", {
    modulusLength: bits,
    privateKeyEncoding: { type, format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
}

function pkcs8(type: "ed25519" | "ec", namedCurve = "P-256"): string {
  const privateKeyEncoding = { type: "pkcs8", format: "pem" } as const;
  const publicKeyEncoding = { type: "spki", format: "pem" } as const;
  return type === "ed25519"
    ? generateKeyPairSync("ed25519", { privateKeyEncoding, publicKeyEncoding }).privateKey
    : generateKeyPairSync("ec", { namedCurve, privateKeyEncoding, publicKeyEncoding }).privateKey;
}

function entry(label: string, pem: string, algorithm: TestKey["algorithm"], keySize: number) {
  return {
    label,
    pem,
    algorithm,
    keySize,
    fingerprint: fingerprintOf(pem),
    publicLine: publicLineOf(pem),
  };
}

/** One real private key in OpenSSH's format, quick to make: for tests of a pasted key. */
export function freshOpenSshKey(): string {
  return toOpenSsh(pkcs8("ed25519"));
}

/** One key of every kind the console must verify. Takes a second or two (RSA 3072 and 4096). */
export function generateTestKeys(): TestKey[] {
  return [
    entry("rsa-2048-pkcs1", rsa(2048, "pkcs1"), "RSA", 2048),
    entry("rsa-4096-pkcs1", rsa(4096, "pkcs1"), "RSA", 4096),
    entry("rsa-2048-pkcs8", rsa(2048, "pkcs8"), "RSA", 2048),
    entry("rsa-3072-openssh", toOpenSsh(rsa(3072, "pkcs8")), "RSA", 3072),
    entry("ed25519-openssh", toOpenSsh(pkcs8("ed25519")), "ED25519", 256),
    entry("ecdsa-p256-openssh", toOpenSsh(pkcs8("ec", "P-256")), "ECDSA", 256),
    entry("ecdsa-p384-openssh", toOpenSsh(pkcs8("ec", "P-384")), "ECDSA", 384),
    entry("ecdsa-p521-openssh", toOpenSsh(pkcs8("ec", "P-521")), "ECDSA", 521),
  ];
}
