import { ed25519 } from "@noble/curves/ed25519.js";
import { p256, p384, p521 } from "@noble/curves/nist.js";
import { md5 } from "@noble/hashes/legacy.js";
import { concat, sshString } from "./ssh-bytes.ts";

/*
 * Derives what the preview shows for one private key: algorithm, size, and the MD5 fingerprint
 * of the SSH public-key blob (RFC 4253 section 6.6), which is what KPS lists for the key pair.
 *
 * A fingerprint alone proves nothing: a private-key file carries its public half in the clear,
 * so anyone who knows the listed public key can wrap it around a made-up secret. So a key only
 * counts as read when its secret part is shown to produce that public half: Ed25519 and ECDSA
 * public keys are derived from the seed or scalar with @noble/curves (audited; no curve
 * arithmetic is written here), and for RSA the factors and CRT parts are checked with BigInt
 * (n = p*q with both above 1, e*d = 1 modulo p-1 and q-1, dP, dQ and qInv consistent), which
 * proves knowledge of the factorisation and costs well under a millisecond, unlike a signature.
 *
 * DER: PKCS#1 and PKCS#8 need only SEQUENCE, INTEGER, OCTET STRING and OBJECT IDENTIFIER. A
 * strict reader for those four is about forty lines, whereas an ASN.1 library (asn1js,
 * @peculiar/asn1-schema) would add tens of KB and a dependency to the worker for no gain.
 */

export type KeyAlgorithm = "RSA" | "ED25519" | "ECDSA";

type KeyFacts = { algorithm: KeyAlgorithm; keySize: number; fingerprint: string };
/** The public key a file names; algorithm and size are unknown when its two copies differ. */
export type ClaimedKey = {
  algorithm: KeyAlgorithm | null;
  keySize: number | null;
  fingerprint: string;
};

/**
 * Why a file is not a usable private key, as a code: the component that shows it turns it into
 * words (./problems/key-problem-text.ts), so no sentence is written here.
 */
export type KeyProblem =
  | "key.notAKey"
  | "key.damaged"
  | "key.encrypted"
  | "key.notPossessed"
  | "key.pkcs8NotRsa"
  | "key.curveUnsupported"
  | "key.typeUnsupported"
  | "key.severalKeys"
  | "key.putty"
  | "key.dataBefore"
  | "key.severalBlocks"
  | "key.dataAfter"
  | "key.formatUnsupported"
  | "key.notProtected"
  | "key.wrongPassphrase"
  | "key.noPublicKey";

export type KeyInspection =
  | ({ ok: true } & KeyFacts)
  | {
      ok: false;
      problem: KeyProblem;
      /** Set when the file names a public key its secret part does not produce. */
      claimed?: ClaimedKey;
    };

class KeyFormatError extends Error {
  constructor(readonly code: KeyProblem) {
    super(code);
  }
}

/** The file is well formed but its secret part does not produce the public key it names. */
class NotPossessedError extends Error {
  constructor(readonly claimed: ClaimedKey) {
    super(NOT_POSSESSED);
  }
}

const NOT_A_KEY = "key.notAKey";
const DAMAGED = "key.damaged";
const ENCRYPTED = "key.encrypted";
export const NOT_POSSESSED = "key.notPossessed";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function damaged(): never {
  throw new KeyFormatError(DAMAGED);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
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

function modulo(value: bigint, modulus: bigint): bigint {
  const rest = value % modulus;
  return rest < 0n ? rest + modulus : rest;
}

type RsaSecret = { d: Uint8Array; p: Uint8Array; q: Uint8Array; qInv: Uint8Array };
type RsaCrt = { dP: Uint8Array; dQ: Uint8Array };

/** Whether the secret numbers are a working RSA private key for (n, e). */
function rsaPossessed(nBytes: Uint8Array, eBytes: Uint8Array, secret: RsaSecret, crt?: RsaCrt) {
  const n = toBigInt(nBytes);
  const e = toBigInt(eBytes);
  const d = toBigInt(secret.d);
  const p = toBigInt(secret.p);
  const q = toBigInt(secret.q);
  // p = n, q = 1 "factors" any modulus; real factors are both above 1.
  if (p <= 1n || q <= 1n || p * q !== n || e <= 1n) return false;
  // e*d = 1 modulo p-1 and q-1 is e*d = 1 modulo lcm(p-1, q-1): d inverts e.
  const ed1 = e * d - 1n;
  if (modulo(ed1, p - 1n) !== 0n || modulo(ed1, q - 1n) !== 0n) return false;
  const qInv = toBigInt(secret.qInv);
  if (qInv >= p || modulo(qInv * q, p) !== 1n) return false;
  if (crt) {
    if (toBigInt(crt.dP) !== d % (p - 1n) || toBigInt(crt.dQ) !== d % (q - 1n)) return false;
  }
  return true;
}

function rsaFacts(e: Uint8Array, n: Uint8Array): KeyFacts {
  const blob = concat([sshString("ssh-rsa"), sshString(e), sshString(n)]);
  return { algorithm: "RSA", keySize: bitLength(n), fingerprint: md5Fingerprint(blob) };
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
export function readChildren(content: Uint8Array): DerNode[] {
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

export function readTopSequence(der: Uint8Array): DerNode[] {
  const top = readDer(der, 0);
  if (top.tag !== TAG_SEQUENCE || top.end !== der.length) damaged();
  return readChildren(top.content);
}

export type Pkcs1Fields = Record<"n" | "e" | "d" | "p" | "q" | "dP" | "dQ" | "qInv", Uint8Array>;

/**
 * RFC 8017 RSAPrivateKey: version, n, e, d, p, q, dP, dQ, qInv (two-prime only), each checked
 * to be a positive INTEGER. The one reader of it, for the check and the protected download.
 */
export function readPkcs1(der: Uint8Array): Pkcs1Fields {
  const fields = readTopSequence(der);
  if (fields.length !== 9 || fields.some((field) => field.tag !== TAG_INTEGER)) damaged();
  const [version, ...numbers] = fields.map((field) => field.content);
  if (version?.length !== 1 || version[0] !== 0) damaged();
  const [n, e, d, p, q, dP, dQ, qInv] = numbers.map(checkPositiveInteger) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  return { n, e, d, p, q, dP, dQ, qInv };
}

function inspectPkcs1(der: Uint8Array): KeyInspection {
  const { n, e, d, p, q, dP, dQ, qInv } = readPkcs1(der);
  const facts = rsaFacts(e, n);
  if (!rsaPossessed(n, e, { d, p, q, qInv }, { dP, dQ })) throw new NotPossessedError(facts);
  return { ok: true, ...facts };
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
    throw new KeyFormatError("key.pkcs8NotRsa");
  }
  return inspectPkcs1(privateKey.content);
}

// --- OpenSSH (PROTOCOL.key, openssh-key-v1) --------------------------------------------------

export class SshReader {
  private pos = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get position(): number {
    return this.pos;
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

const CURVES = {
  nistp256: { curve: p256, bits: 256 },
  nistp384: { curve: p384, bits: 384 },
  nistp521: { curve: p521, bits: 521 },
} as const;

type PrivatePart = { facts: KeyFacts; publicBlob: Uint8Array; possessed: boolean };

function part(
  algorithm: KeyAlgorithm,
  keySize: number,
  publicBlob: Uint8Array,
  possessed: boolean,
) {
  return {
    facts: { algorithm, keySize, fingerprint: md5Fingerprint(publicBlob) },
    publicBlob,
    possessed,
  };
}

/** An mpint scalar as the fixed-length big-endian bytes noble expects, or null if too long. */
function fixedLength(value: Uint8Array, length: number): Uint8Array | null {
  const trimmed = value[0] === 0 ? value.subarray(1) : value;
  if (trimmed.length > length) return null;
  const out = new Uint8Array(length);
  out.set(trimmed, length - trimmed.length);
  return out;
}

function readPrivatePart(reader: SshReader): PrivatePart {
  const type = reader.text();
  if (type === "ssh-ed25519") {
    const publicKey = reader.bytesField();
    const secret = reader.bytesField();
    // The 64-byte secret is seed || public key; only the seed is secret, so the public key
    // is derived from it rather than read from either copy.
    if (publicKey.length !== 32 || secret.length !== 64) damaged();
    const derived = ed25519.getPublicKey(secret.subarray(0, 32));
    const possessed = sameBytes(derived, publicKey) && sameBytes(secret.subarray(32), publicKey);
    const publicBlob = concat([sshString(type), sshString(publicKey)]);
    return part("ED25519", 256, publicBlob, possessed);
  }
  if (type.startsWith("ecdsa-sha2-")) {
    const curveName = reader.text();
    const known = Object.hasOwn(CURVES, curveName)
      ? CURVES[curveName as keyof typeof CURVES]
      : undefined;
    if (!known || type !== `ecdsa-sha2-${curveName}`) {
      throw new KeyFormatError("key.curveUnsupported");
    }
    const point = reader.bytesField();
    const scalar = fixedLength(reader.mpint(), known.curve.lengths.secretKey ?? 0);
    const expectedPoint = 1 + 2 * Math.ceil(known.bits / 8);
    if (point.length !== expectedPoint || point[0] !== 0x04) damaged();
    // isValidSecretKey holds the scalar to 1..n-1; the point is then scalar x G, uncompressed.
    const possessed =
      scalar !== null &&
      known.curve.utils.isValidSecretKey(scalar) &&
      sameBytes(known.curve.getPublicKey(scalar, false), point);
    const publicBlob = concat([sshString(type), sshString(curveName), sshString(point)]);
    return part("ECDSA", known.bits, publicBlob, possessed);
  }
  if (type === "ssh-rsa") {
    const n = reader.mpint();
    const e = reader.mpint();
    const d = reader.mpint();
    const qInv = reader.mpint();
    const p = reader.mpint();
    const q = reader.mpint();
    const publicBlob = concat([sshString(type), sshString(e), sshString(n)]);
    return part("RSA", bitLength(n), publicBlob, rsaPossessed(n, e, { d, p, q, qInv }));
  }
  throw new KeyFormatError("key.typeUnsupported");
}

function inspectOpenSsh(data: Uint8Array): KeyInspection {
  if (!sameBytes(data.subarray(0, MAGIC.length), MAGIC)) damaged();
  const reader = new SshReader(data.subarray(MAGIC.length));
  const cipher = reader.text();
  const kdf = reader.text();
  reader.bytesField(); // kdf options
  if (cipher !== "none" || kdf !== "none") throw new KeyFormatError(ENCRYPTED);
  if (reader.uint32() !== 1) throw new KeyFormatError("key.severalKeys");
  const publicBlob = reader.bytesField();
  const privateSection = reader.bytesField();
  if (reader.remaining !== 0) damaged();
  return inspectSection(publicBlob, privateSection, 8);
}

/**
 * Checks a plaintext openssh-key-v1 private section against its public blob: the unencrypted
 * file's, or a protected one's after decryption (blockSize is the cipher's: 8 for none, 16 for
 * AES). Never throws; a wrong passphrase shows up as check integers that differ.
 */
export function inspectOpenSshSection(
  publicBlob: Uint8Array,
  privateSection: Uint8Array,
  blockSize: number,
): KeyInspection {
  try {
    return inspectSection(publicBlob, privateSection, blockSize);
  } catch (error) {
    if (error instanceof NotPossessedError) {
      return { ok: false, problem: NOT_POSSESSED, claimed: error.claimed };
    }
    return { ok: false, problem: error instanceof KeyFormatError ? error.code : DAMAGED };
  }
}

function inspectSection(
  publicBlob: Uint8Array,
  privateSection: Uint8Array,
  blockSize: number,
): KeyInspection {
  if (privateSection.length % blockSize !== 0) damaged();
  const inner = new SshReader(privateSection);
  // Unencrypted, the two check integers must simply agree; decrypted, they agree only when the
  // passphrase was right.
  const checkInt = inner.uint32();
  if (inner.uint32() !== checkInt) damaged();
  const privatePart = readPrivatePart(inner);
  inner.bytesField(); // comment
  const padding = inner.rest();
  if (padding.length >= blockSize || padding.some((byte, index) => byte !== index + 1)) damaged();
  // The outer public blob is what tools list; it must be the one the secret part produces.
  if (!sameBytes(privatePart.publicBlob, publicBlob)) {
    const fingerprint = md5Fingerprint(publicBlob);
    throw new NotPossessedError({ algorithm: null, keySize: null, fingerprint });
  }
  if (!privatePart.possessed) throw new NotPossessedError(privatePart.facts);
  return { ok: true, ...privatePart.facts };
}

// --- PEM -------------------------------------------------------------------------------------

function decodeBase64(body: string): Uint8Array {
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    damaged();
  }
  const binary = atob(body);
  // A plain loop: Uint8Array.from(string, map) walks the string's iterator with a callback per
  // character, about 1 ms per RSA 4096 key in a fresh worker against 0.1 ms for this.
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

const DASHES = "-".repeat(5);

/** Exactly one PEM block and nothing around it but one final line end. */
function inspectPem(text: string): KeyInspection {
  if (text.startsWith("PuTTY-User-Key-File-")) {
    throw new KeyFormatError("key.putty");
  }
  const start = text.indexOf(`${DASHES}BEGIN `);
  if (start < 0) throw new KeyFormatError(NOT_A_KEY);
  if (start > 0) throw new KeyFormatError("key.dataBefore");
  const lines = text.replace(/\r?\n$/, "").split(/\r?\n/);
  const begin = /^-----BEGIN ([A-Z0-9 ]{1,40})-----$/.exec(lines[0] ?? "");
  const label = begin?.[1];
  const end = label ? lines.indexOf(`${DASHES}END ${label}${DASHES}`) : -1;
  if (!label || end < 2) throw new KeyFormatError(NOT_A_KEY);
  const after = lines.slice(end + 1);
  if (after.some((line) => line.startsWith(`${DASHES}BEGIN `))) {
    throw new KeyFormatError("key.severalBlocks");
  }
  if (after.length > 0) throw new KeyFormatError("key.dataAfter");
  const bodyLines = lines.slice(1, end).map((line) => line.trim());
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
        throw new KeyFormatError("key.formatUnsupported");
      }
      throw new KeyFormatError(NOT_A_KEY);
  }
}

/** Never throws: any problem comes back as a code (never containing key material). */
export function inspectKey(text: string): KeyInspection {
  try {
    return inspectPem(text);
  } catch (error) {
    if (error instanceof NotPossessedError) {
      return { ok: false, problem: NOT_POSSESSED, claimed: error.claimed };
    }
    return { ok: false, problem: error instanceof KeyFormatError ? error.code : DAMAGED };
  }
}
