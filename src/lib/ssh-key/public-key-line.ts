import { ed25519 } from "@noble/curves/ed25519.js";
import { p256, p384, p521 } from "@noble/curves/nist.js";
import { commentProblem, MAX_COMMENT_LENGTH } from "../../../contract/key-comment.ts";
import { type KeyAlgorithm, md5Fingerprint } from "./inspect-key.ts";
import { sha256Fingerprint } from "./sha256-fingerprint.ts";

/*
 * Reads one OpenSSH public-key line ("<type> <base64 blob>[ <comment>]") the way the service
 * accepts it, so a key KPS would refuse is refused in the browser with its reason and never sent.
 * A reason is a code with its parameters (PublicKeyRefusal), never a sentence: the dialog that
 * shows it says it in the chosen language.
 * The rules mirror the embedded server's (server/keys/public-key-line.ts): one line, canonical
 * base64, a blob whose type is the line's, no trailing bytes, RSA 2048/3072/4096, a safe comment.
 * Points are checked with @noble/curves, so a blob of the right length that is no key is refused.
 */

/** The contract's bound on public_key; a .pub file is a few hundred bytes. */
export const MAX_PUBLIC_KEY_BYTES = 16 * 1024;

export type PublicKeyFacts = {
  algorithm: KeyAlgorithm;
  keySize: number;
  /** "nistp256" and friends for ECDSA, null otherwise. */
  curve: string | null;
  /** MD5 of the blob as KPS lists it: 16 lower-hex pairs joined by ":". */
  fingerprint: string;
  /** As `ssh-keygen -l` prints it by default. */
  sha256: string;
  /** The line rebuilt from what was read, which is what gets sent. */
  line: string;
  comment: string;
};

/** Why a key cannot be imported; parameters quote no key material, only types and counts. */
export type PublicKeyRefusal =
  | { code: "text.tooLarge"; params: { limit: number } }
  | { code: "text.lines"; params: { lines: number } }
  | { code: "type.securityKey" | "type.unsupported"; params: { type: string } }
  | { code: "type.mismatch"; params: { declared: string; held: string } }
  | { code: "type.missing"; params: { declared: string } }
  | { code: "rsa.size"; params: { bits: number } }
  | { code: "comment.tooLong"; params: { limit: number } }
  | {
      code:
        | "text.empty"
        | "text.privateKey"
        | "text.rfc4716"
        | "text.characters"
        | "line.options"
        | "line.malformed"
        | "type.dsa"
        | "type.certificate"
        | "base64.length"
        | "base64.malformed"
        | "base64.notCanonical"
        | "key.damaged"
        | "key.trailingBytes"
        | "comment.characters";
      params?: undefined;
    };

export type PublicKeyRefusalCode = PublicKeyRefusal["code"];

export type PublicKeyLineResult =
  | ({ ok: true } & PublicKeyFacts)
  | { ok: false; refusal: PublicKeyRefusal };

class Refusal extends Error {
  constructor(readonly refusal: PublicKeyRefusal) {
    // The code, for a log; the words come from the dialog.
    super(refusal.code);
  }
}

const refuse = (refusal: PublicKeyRefusal): never => {
  throw new Refusal(refusal);
};

const DAMAGED = { code: "key.damaged" } as const;
const LINE = /^(\S+) ([A-Za-z0-9+/]+={0,2})(?: (.*))?$/;
const RSA_SIZES = new Set([2048, 3072, 4096]);
const CURVES = {
  nistp256: { point: p256.Point, bits: 256 },
  nistp384: { point: p384.Point, bits: 384 },
  nistp521: { point: p521.Point, bits: 521 },
} as const;

const decoder = new TextDecoder("utf-8", { fatal: true });

class BlobReader {
  private at = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get done(): boolean {
    return this.at === this.bytes.length;
  }
  field(): Uint8Array {
    if (this.bytes.length - this.at < 4) refuse(DAMAGED);
    const length = this.view.getUint32(this.at);
    this.at += 4;
    if (length > this.bytes.length - this.at) refuse(DAMAGED);
    const value = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return value;
  }
  text(): string {
    try {
      return decoder.decode(this.field());
    } catch (error) {
      if (error instanceof Refusal) throw error;
      return refuse(DAMAGED);
    }
  }
  /** A positive, minimally encoded mpint (RFC 4251 section 5). */
  mpint(): Uint8Array {
    const value = this.field();
    const [first = 0, second = 0] = value;
    if (value.length === 0 || first & 0x80) refuse(DAMAGED);
    if (first === 0 && (value.length === 1 || !(second & 0x80))) refuse(DAMAGED);
    return value[0] === 0 ? value.subarray(1) : value;
  }
}

function bitLength(magnitude: Uint8Array): number {
  const first = magnitude[0] ?? 0;
  return (magnitude.length - 1) * 8 + (32 - Math.clz32(first));
}

function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) refuse({ code: "base64.length" });
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return refuse({ code: "base64.malformed" });
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  // atob ignores stray bits in the last character; the service compares the canonical form.
  if (toBase64(bytes) !== text) refuse({ code: "base64.notCanonical" });
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function unsupportedType(type: string): PublicKeyRefusal {
  // The type is the line's own first word, cut short: a pasted novel is not echoed back.
  const shown = type.slice(0, 40);
  if (type.startsWith("sk-")) return { code: "type.securityKey", params: { type: shown } };
  if (type === "ssh-dss") return { code: "type.dsa" };
  if (type.includes("-cert-v01@openssh.com")) return { code: "type.certificate" };
  return { code: "type.unsupported", params: { type: shown } };
}

type BlobFacts = Pick<PublicKeyFacts, "algorithm" | "keySize" | "curve">;

function readBlob(type: string, blob: Uint8Array): BlobFacts {
  const reader = new BlobReader(blob);
  const inner = reader.text();
  if (inner === "") refuse({ code: "type.missing", params: { declared: type } });
  if (inner !== type) {
    refuse({ code: "type.mismatch", params: { declared: type, held: inner.slice(0, 40) } });
  }
  let facts: BlobFacts;
  if (type === "ssh-rsa") {
    const e = reader.mpint();
    const n = reader.mpint();
    const bits = bitLength(n);
    if (bitLength(e) < 2 || ((e[e.length - 1] ?? 0) & 1) === 0) refuse(DAMAGED);
    if (!RSA_SIZES.has(bits)) refuse({ code: "rsa.size", params: { bits } });
    facts = { algorithm: "RSA", keySize: bits, curve: null };
  } else if (type === "ssh-ed25519") {
    const point = reader.field();
    if (point.length !== 32) refuse(DAMAGED);
    try {
      ed25519.Point.fromBytes(point);
    } catch {
      refuse(DAMAGED);
    }
    facts = { algorithm: "ED25519", keySize: 256, curve: null };
  } else {
    const curveName = reader.text();
    const curve = Object.hasOwn(CURVES, curveName)
      ? CURVES[curveName as keyof typeof CURVES]
      : undefined;
    if (!curve || type !== `ecdsa-sha2-${curveName}`) return refuse(DAMAGED);
    const point = reader.field();
    // Uncompressed only: what OpenSSH writes and what the service stores.
    if (point[0] !== 0x04 || point.length !== 1 + 2 * Math.ceil(curve.bits / 8)) refuse(DAMAGED);
    try {
      curve.point.fromBytes(point);
    } catch {
      refuse(DAMAGED);
    }
    facts = { algorithm: "ECDSA", keySize: curve.bits, curve: curveName };
  }
  if (!reader.done) refuse({ code: "key.trailingBytes" });
  return facts;
}

function checkText(text: string): string {
  if (new TextEncoder().encode(text).length > MAX_PUBLIC_KEY_BYTES)
    refuse({ code: "text.tooLarge", params: { limit: MAX_PUBLIC_KEY_BYTES } });
  const trimmed = text.trim();
  if (trimmed === "") refuse({ code: "text.empty" });
  if (/PRIVATE KEY|^PuTTY-User-Key-File-/m.test(trimmed)) refuse({ code: "text.privateKey" });
  if (trimmed.startsWith("---- BEGIN SSH2 PUBLIC KEY ----")) refuse({ code: "text.rfc4716" });
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== "").length;
  if (lines > 1) refuse({ code: "text.lines", params: { lines } });
  if (/[^\x20-\x7e]/.test(trimmed)) refuse({ code: "text.characters" });
  return trimmed;
}

function readLine(text: string): PublicKeyFacts {
  const line = checkText(text);
  const match = LINE.exec(line);
  const [, type = "", base64 = "", comment = ""] = match ?? [];
  if (!match) {
    if (/^\S*=/.test(line) || /(^|,)(command|from|restrict)[=,\s]/.test(line))
      refuse({ code: "line.options" });
    refuse({ code: "line.malformed" });
  }
  const known =
    ["ssh-rsa", "ssh-ed25519"].includes(type) || /^ecdsa-sha2-nistp(256|384|521)$/.test(type);
  if (!known) refuse(unsupportedType(type));
  const blob = decodeBase64(base64);
  const facts = readBlob(type, blob);
  // The contract's rule, shared with the server; its English reason is the server's to send.
  if (commentProblem(comment)) {
    refuse(
      comment.length > MAX_COMMENT_LENGTH
        ? { code: "comment.tooLong", params: { limit: MAX_COMMENT_LENGTH } }
        : { code: "comment.characters" },
    );
  }
  return {
    ...facts,
    fingerprint: md5Fingerprint(blob),
    sha256: sha256Fingerprint(blob),
    line: comment ? `${type} ${base64} ${comment}` : `${type} ${base64}`,
    comment,
  };
}

/** Never throws; a refusal is a code that quotes no key material. */
export function parsePublicKeyLine(text: string): PublicKeyLineResult {
  try {
    return { ok: true, ...readLine(text) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, refusal: error.refusal };
    return { ok: false, refusal: DAMAGED };
  }
}
