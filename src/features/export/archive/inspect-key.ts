import { md5 } from "@noble/hashes/legacy.js";

/*
 * Derives what the preview shows for one private key: algorithm, size, and the MD5 fingerprint
 * of the SSH public-key blob (RFC 4253 section 6.6), which is what KPS lists for the key pair.
 * No cryptography happens here: the public blob is rebuilt from numbers stored in the private
 * key, and MD5 comes from @noble/hashes.
 *
 * DER: PKCS#1 and PKCS#8 need only SEQUENCE, INTEGER, OCTET STRING and OBJECT IDENTIFIER. A
 * strict reader for those four is about forty lines, whereas an ASN.1 library (asn1js,
 * @peculiar/asn1-schema) would add tens of KB and a dependency to the worker for no gain.
 */

export type KeyAlgorithm = "RSA" | "ED25519" | "ECDSA";

export type KeyInspection =
  | { ok: true; algorithm: KeyAlgorithm; keySize: number; fingerprint: string }
  | { ok: false; problem: string };

class KeyFormatError extends Error {}

const NOT_A_KEY = "This file is not a private key.";
const DAMAGED = "This key is damaged and cannot be read.";
const ENCRYPTED = "This key is protected by a passphrase, so it cannot be checked.";
const MISMATCHED_PARTS = "This key's public and private parts do not belong together.";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function damaged(): never {
  throw new KeyFormatError(DAMAGED);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** RFC 4251 "string": uint32 length, then the bytes. */
function sshString(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === "string" ? encoder.encode(value) : value;
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function toBigInt(bytes: Uint8Array): bigint {
  let hex = "";
  for (const byte of bytes) hex += HEX[byte];
  return hex === "" ? 0n : BigInt(`0x${hex}`);
}

/** Bits in a big-endian unsigned integer, counted from its bytes (no 4,096-digit string). */
function bitLength(bytes: Uint8Array): number {
  const first = bytes.findIndex((byte) => byte !== 0);
  if (first < 0) return 0;
  return (bytes.length - first - 1) * 8 + (32 - Math.clz32(bytes[first] as number));
}

/** A positive, minimally encoded two's-complement integer: the form DER and SSH mpint share. */
function checkPositiveInteger(bytes: Uint8Array): Uint8Array {
  const [first = 0, second = 0] = bytes;
  if (bytes.length === 0 || first & 0x80) damaged();
  if (first === 0 && (bytes.length === 1 || !(second & 0x80))) damaged();
  return bytes;
}

export function md5Fingerprint(blob: Uint8Array): string {
  return Array.from(md5(blob), (byte) => HEX[byte]).join(":");
}

function rsaResult(e: Uint8Array, n: Uint8Array, p: Uint8Array, q: Uint8Array): KeyInspection {
  // A tampered modulus would still hash to a fingerprint; checking n = p*q catches it cheaply.
  if (toBigInt(p) * toBigInt(q) !== toBigInt(n)) throw new KeyFormatError(MISMATCHED_PARTS);
  const blob = concat([sshString("ssh-rsa"), sshString(e), sshString(n)]);
  return { ok: true, algorithm: "RSA", keySize: bitLength(n), fingerprint: md5Fingerprint(blob) };
}

// --- DER -------------------------------------------------------------------------------------

type DerNode = { tag: number; content: Uint8Array; end: number };

function readDer(bytes: Uint8Array, at: number): DerNode {
  const tag = bytes[at];
  let lengthByte = bytes[at + 1];
  if (tag === undefined || lengthByte === undefined || (tag & 0x1f) === 0x1f) damaged();
  let pos = at + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    // Indefinite (0x80) and over-long lengths are not DER.
    if (count === 0 || count > 3) damaged();
    length = 0;
    for (let index = 0; index < count; index++) {
      lengthByte = bytes[pos++];
      if (lengthByte === undefined || (index === 0 && lengthByte === 0)) damaged();
      length = length * 256 + lengthByte;
    }
    if (length < 0x80) damaged();
  }
  if (pos + length > bytes.length) damaged();
  return { tag, content: bytes.subarray(pos, pos + length), end: pos + length };
}

/** Reads the children of a constructed value, checking that they fill it exactly. */
function readChildren(content: Uint8Array): DerNode[] {
  const children: DerNode[] = [];
  let at = 0;
  while (at < content.length) {
    const node = readDer(content, at);
    children.push(node);
    at = node.end;
  }
  return children;
}

const TAG_INTEGER = 0x02;
const TAG_OCTET_STRING = 0x04;
const TAG_OID = 0x06;
const TAG_SEQUENCE = 0x30;
// 1.2.840.113549.1.1.1
const OID_RSA_ENCRYPTION = Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01);

function readTopSequence(der: Uint8Array): DerNode[] {
  const top = readDer(der, 0);
  if (top.tag !== TAG_SEQUENCE || top.end !== der.length) damaged();
  return readChildren(top.content);
}

/** RFC 8017 RSAPrivateKey: version, n, e, d, p, q, dP, dQ, qInv (two-prime only). */
function inspectPkcs1(der: Uint8Array): KeyInspection {
  const fields = readTopSequence(der);
  if (fields.length !== 9 || fields.some((field) => field.tag !== TAG_INTEGER)) damaged();
  const [version, n, e, , p, q] = fields.map((field) => field.content);
  if (!version || !n || !e || !p || !q) damaged();
  if (version.length !== 1 || version[0] !== 0) damaged();
  return rsaResult(
    checkPositiveInteger(e),
    checkPositiveInteger(n),
    checkPositiveInteger(p),
    checkPositiveInteger(q),
  );
}

/** RFC 5208 PrivateKeyInfo, RSA only (the other algorithms would need curve arithmetic). */
function inspectPkcs8(der: Uint8Array): KeyInspection {
  const [version, algorithm, privateKey] = readTopSequence(der);
  if (!version || !algorithm || !privateKey) damaged();
  if (version.tag !== TAG_INTEGER || algorithm.tag !== TAG_SEQUENCE) damaged();
  if (privateKey.tag !== TAG_OCTET_STRING) damaged();
  const [oid] = readChildren(algorithm.content);
  if (!oid || oid.tag !== TAG_OID) damaged();
  if (!sameBytes(oid.content, OID_RSA_ENCRYPTION)) {
    throw new KeyFormatError("Only RSA keys are supported in the PKCS#8 format.");
  }
  return inspectPkcs1(privateKey.content);
}

// --- OpenSSH (PROTOCOL.key, openssh-key-v1) --------------------------------------------------

class SshReader {
  private pos = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get remaining(): number {
    return this.bytes.length - this.pos;
  }
  uint32(): number {
    if (this.remaining < 4) damaged();
    const value = this.view.getUint32(this.pos);
    this.pos += 4;
    return value;
  }
  bytesField(): Uint8Array {
    const length = this.uint32();
    if (length > this.remaining) damaged();
    const value = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }
  text(): string {
    return decoder.decode(this.bytesField());
  }
  mpint(): Uint8Array {
    return checkPositiveInteger(this.bytesField());
  }
  rest(): Uint8Array {
    const value = this.bytes.subarray(this.pos);
    this.pos = this.bytes.length;
    return value;
  }
}

const MAGIC = encoder.encode("openssh-key-v1\0");
const ECDSA_SIZES: Record<string, { bits: number; point: number }> = {
  nistp256: { bits: 256, point: 65 },
  nistp384: { bits: 384, point: 97 },
  nistp521: { bits: 521, point: 133 },
};

type PrivatePart = { algorithm: KeyAlgorithm; keySize: number; publicBlob: Uint8Array };

function readPrivatePart(reader: SshReader): PrivatePart {
  const type = reader.text();
  if (type === "ssh-ed25519") {
    const publicKey = reader.bytesField();
    const secret = reader.bytesField();
    // The 64-byte secret is seed || public key; a swapped public key shows up here.
    if (publicKey.length !== 32 || secret.length !== 64) damaged();
    if (!sameBytes(secret.subarray(32), publicKey)) throw new KeyFormatError(MISMATCHED_PARTS);
    const publicBlob = concat([sshString(type), sshString(publicKey)]);
    return { algorithm: "ED25519", keySize: 256, publicBlob };
  }
  if (type.startsWith("ecdsa-sha2-")) {
    const curve = reader.text();
    const size = ECDSA_SIZES[curve];
    if (!size || type !== `ecdsa-sha2-${curve}`) {
      throw new KeyFormatError("This ECDSA curve is not supported.");
    }
    const point = reader.bytesField();
    reader.mpint();
    if (point.length !== size.point || point[0] !== 0x04) damaged();
    const publicBlob = concat([sshString(type), sshString(curve), sshString(point)]);
    return { algorithm: "ECDSA", keySize: size.bits, publicBlob };
  }
  if (type === "ssh-rsa") {
    const n = reader.mpint();
    const e = reader.mpint();
    reader.mpint(); // d
    reader.mpint(); // iqmp
    const p = reader.mpint();
    const q = reader.mpint();
    const result = rsaResult(e, n, p, q);
    if (!result.ok) damaged();
    const publicBlob = concat([sshString(type), sshString(e), sshString(n)]);
    return { algorithm: "RSA", keySize: result.keySize, publicBlob };
  }
  throw new KeyFormatError("This key type is not supported.");
}

function inspectOpenSsh(data: Uint8Array): KeyInspection {
  if (!sameBytes(data.subarray(0, MAGIC.length), MAGIC)) damaged();
  const reader = new SshReader(data.subarray(MAGIC.length));
  const cipher = reader.text();
  const kdf = reader.text();
  reader.bytesField(); // kdf options
  if (cipher !== "none" || kdf !== "none") throw new KeyFormatError(ENCRYPTED);
  if (reader.uint32() !== 1) throw new KeyFormatError("This file holds more than one key.");
  const publicBlob = reader.bytesField();
  const privateSection = reader.bytesField();
  if (reader.remaining !== 0 || privateSection.length % 8 !== 0) damaged();

  const inner = new SshReader(privateSection);
  // With cipher "none" the two check integers must simply agree.
  const checkInt = inner.uint32();
  if (inner.uint32() !== checkInt) damaged();
  const part = readPrivatePart(inner);
  inner.bytesField(); // comment
  const padding = inner.rest();
  if (padding.length >= 8 || padding.some((byte, index) => byte !== index + 1)) damaged();
  if (!sameBytes(part.publicBlob, publicBlob)) throw new KeyFormatError(MISMATCHED_PARTS);
  return {
    ok: true,
    algorithm: part.algorithm,
    keySize: part.keySize,
    fingerprint: md5Fingerprint(publicBlob),
  };
}

// --- PEM -------------------------------------------------------------------------------------

function decodeBase64(body: string): Uint8Array {
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    damaged();
  }
  return Uint8Array.from(atob(body), (char) => char.charCodeAt(0));
}

function inspectPem(text: string): KeyInspection {
  const lines = text.trim().split(/\r?\n/);
  const begin = /^-----BEGIN ([A-Z0-9 ]{1,40})-----$/.exec(lines[0] ?? "");
  const label = begin?.[1];
  if (!label || lines.length < 3 || lines.at(-1) !== `-----END ${label}-----`) {
    throw new KeyFormatError(NOT_A_KEY);
  }
  const bodyLines = lines.slice(1, -1).map((line) => line.trim());
  // RFC 1421 headers ("Proc-Type: 4,ENCRYPTED", "DEK-Info: ...") only appear on encrypted keys.
  if (bodyLines.some((line) => line.includes(":"))) {
    throw new KeyFormatError(
      bodyLines.some((line) => /^Proc-Type:.*ENCRYPTED/.test(line)) ? ENCRYPTED : DAMAGED,
    );
  }
  const body = bodyLines.join("");
  switch (label) {
    case "RSA PRIVATE KEY":
      return inspectPkcs1(decodeBase64(body));
    case "PRIVATE KEY":
      return inspectPkcs8(decodeBase64(body));
    case "OPENSSH PRIVATE KEY":
      return inspectOpenSsh(decodeBase64(body));
    case "ENCRYPTED PRIVATE KEY":
      throw new KeyFormatError(ENCRYPTED);
    default:
      if (label.endsWith("PRIVATE KEY")) {
        throw new KeyFormatError("This private key format is not supported here.");
      }
      throw new KeyFormatError(NOT_A_KEY);
  }
}

/** Never throws: any problem comes back as a plain sentence (never containing key material). */
export function inspectKey(text: string): KeyInspection {
  try {
    return inspectPem(text);
  } catch (error) {
    return { ok: false, problem: error instanceof KeyFormatError ? error.message : DAMAGED };
  }
}
