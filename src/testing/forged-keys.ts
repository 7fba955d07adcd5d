/*
 * Test helper: "private keys" that carry a victim's genuine public key and a secret part that
 * does not produce it, as an attacker who only knows the public key would write them. Built at
 * test time from an OpenSSH public-key line (what KPS lists), so no key material is committed.
 * Shared by the unit tests and the browser's hostile corpus.
 */

import { concat, sshString } from "../lib/ssh-key/ssh-bytes.ts";

// Armor lines are assembled, so no literal one sits in the repository.
const DASHES = "-".repeat(5);
const encoder = new TextEncoder();

function uint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

export function armor(label: string, bytes: Uint8Array): string {
  const lines = toBase64(bytes).match(/.{1,70}/g) ?? [];
  return `${DASHES}BEGIN ${label}${DASHES}\n${lines.join("\n")}\n${DASHES}END ${label}${DASHES}\n`;
}

/** The fields of an OpenSSH public-key blob, in order. */
function publicFields(publicLine: string): Uint8Array[] {
  const blob = fromBase64(publicLine.trim().split(/\s+/)[1] ?? "");
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const fields: Uint8Array[] = [];
  let at = 0;
  while (at < blob.length) {
    const length = view.getUint32(at);
    fields.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

function random(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** A positive mpint of `length` random bytes (top bit clear, never zero). */
function randomMpint(length: number): Uint8Array {
  const value = random(length);
  value[0] = ((value[0] ?? 0) & 0x7f) | 0x01;
  return value;
}

/** openssh-key-v1 without encryption, with the given public blob and private fields. */
function openSsh(publicBlob: Uint8Array, privateFields: Uint8Array[]): string {
  const check = uint32(0x5eed1e55);
  let section = concat([check, check, ...privateFields, sshString("forged")]);
  const padding = Array.from({ length: (8 - (section.length % 8)) % 8 }, (_, index) => index + 1);
  section = concat([section, Uint8Array.from(padding)]);
  const body = concat([
    encoder.encode("openssh-key-v1\0"),
    sshString("none"),
    sshString("none"),
    sshString(""),
    uint32(1),
    sshString(publicBlob),
    sshString(section),
  ]);
  return armor("OPENSSH PRIVATE KEY", body);
}

/** The victim's Ed25519 public key with a random seed. */
export function forgeEd25519(publicLine: string): string {
  const [type, publicKey] = publicFields(publicLine) as [Uint8Array, Uint8Array];
  const blob = concat([sshString(type), sshString(publicKey)]);
  const secret = concat([random(32), publicKey]);
  return openSsh(blob, [sshString(type), sshString(publicKey), sshString(secret)]);
}

/** The victim's ECDSA point with a random scalar. */
export function forgeEcdsa(publicLine: string): string {
  const [type, curve, point] = publicFields(publicLine) as [Uint8Array, Uint8Array, Uint8Array];
  const blob = concat([sshString(type), sshString(curve), sshString(point)]);
  const scalarBytes = Math.ceil((point.length - 1) / 2);
  return openSsh(blob, [
    sshString(type),
    sshString(curve),
    sshString(point),
    sshString(randomMpint(scalarBytes - 1)),
  ]);
}

// --- DER, for PKCS#1 -------------------------------------------------------------------------

function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  if (length < 0x100) return Uint8Array.of(0x81, length);
  return Uint8Array.of(0x82, length >> 8, length & 0xff);
}

function derInteger(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
  return concat([Uint8Array.of(0x02), derLength(bytes.length), bytes]);
}

function toBigInt(bytes: Uint8Array): bigint {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return BigInt(`0x${hex || "0"}`);
}

export type RsaParts = {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qi: bigint;
};

/** RFC 8017 RSAPrivateKey, armored as PKCS#1. */
export function rsaPkcs1Pem(parts: RsaParts): string {
  const { n, e, d, p, q, dp, dq, qi } = parts;
  const fields = concat([0n, n, e, d, p, q, dp, dq, qi].map(derInteger));
  const der = concat([Uint8Array.of(0x30), derLength(fields.length), fields]);
  return armor("RSA PRIVATE KEY", der);
}

/** The victim's modulus "factored" as p = n, q = 1, every other part 1. */
export function forgeRsa(publicLine: string): string {
  const [, e, n] = publicFields(publicLine) as [Uint8Array, Uint8Array, Uint8Array];
  const modulus = toBigInt(n);
  return rsaPkcs1Pem({
    n: modulus,
    e: toBigInt(e),
    d: 1n,
    p: modulus,
    q: 1n,
    dp: 1n,
    dq: 1n,
    qi: 1n,
  });
}

/** Every forged kind, for the public line of a key of the matching type. */
export function forgeFor(publicLine: string): string {
  const type = publicLine.trim().split(/\s+/)[0] ?? "";
  if (type === "ssh-ed25519") return forgeEd25519(publicLine);
  if (type.startsWith("ecdsa-sha2-")) return forgeEcdsa(publicLine);
  if (type === "ssh-rsa") return forgeRsa(publicLine);
  throw new Error(`no forgery for ${type}`);
}
