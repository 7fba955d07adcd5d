// A private key as the service hosts it: exactly one unencrypted PEM block of a supported format
// (PKCS#1 RSA, PKCS#8, SEC1 EC, OpenSSH openssh-key-v1), nothing before it and nothing after it
// but one final "\n". sshpk reads the key; the strictness is around it, because sshpk takes the
// first PEM block it finds, ignores text around it, reads PuTTY files, and in OpenSSH files does
// not compare the public copy with the private section nor check ED25519's second public copy.
import sshpk from "sshpk";
import { commentProblem } from "../../contract/key-comment.ts";
import type { Algorithm } from "../../contract/kps.ts";
import { algorithmOf } from "./key-types.ts";
import { SshWireReader } from "./ssh-wire.ts";

export type PrivateKeyFormat = "pkcs1" | "pkcs8" | "sec1" | "openssh";
export type ParsedPrivateKey = {
  key: sshpk.PrivateKey;
  format: PrivateKeyFormat;
  algorithm: Algorithm;
};
export type PrivateKeyResult =
  | { ok: true; value: ParsedPrivateKey }
  | { ok: false; reason: string };

const DASHES = "-".repeat(5);
const FORMATS: Readonly<Record<string, PrivateKeyFormat>> = {
  "RSA PRIVATE KEY": "pkcs1",
  "PRIVATE KEY": "pkcs8",
  "EC PRIVATE KEY": "sec1",
  "OPENSSH PRIVATE KEY": "openssh",
};
const ENCRYPTED = "encrypted private keys are not accepted: remove the passphrase first";

export function parsePrivateKeyFile(text: string): PrivateKeyResult {
  const refuse = (reason: string): PrivateKeyResult => ({
    ok: false,
    reason: `private_key: ${reason}`,
  });
  if (text.startsWith("PuTTY-User-Key-File"))
    return refuse("PuTTY key files are not accepted: export the key in OpenSSH format");
  if (text.includes("\r")) return refuse("line ends must be \\n, not \\r\\n");
  const lines = (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
  const begin = new RegExp(`^${DASHES}BEGIN ([A-Z0-9 ]+)${DASHES}$`).exec(lines[0] ?? "");
  if (!begin) {
    return refuse(
      text.includes(`${DASHES}BEGIN`)
        ? "text before the key is not accepted"
        : "not a PEM private key",
    );
  }
  const label = begin[1] ?? "";
  if (label === "ENCRYPTED PRIVATE KEY") return refuse(ENCRYPTED);
  const format = FORMATS[label];
  if (!format) return refuse(`PEM type "${label}" is not a supported private key format`);
  const end = lines.indexOf(`${DASHES}END ${label}${DASHES}`);
  if (end < 0) return refuse("the key has no END line");
  if (end !== lines.length - 1) {
    return refuse(
      lines.slice(end + 1).some((line) => line.includes(`${DASHES}BEGIN`))
        ? "one key per file: a second key follows the first"
        : "text after the key is not accepted",
    );
  }
  const body = lines.slice(1, end);
  if (body.some((line) => line.includes(":")))
    return refuse(`PEM headers are not accepted (Proc-Type and DEK-Info mean ${ENCRYPTED})`);
  if (body.length === 0 || body.some((line) => !/^[A-Za-z0-9+/]+={0,2}$/.test(line)))
    return refuse("the key's body is not base64");
  const joined = body.join("");
  const der = Buffer.from(joined, "base64");
  if (der.toString("base64") !== joined) return refuse("the key's base64 is not canonical");
  const structural = format === "openssh" ? opensshProblem(der) : derProblem(der);
  if (structural) return refuse(structural);
  let key: sshpk.PrivateKey;
  try {
    key = sshpk.parsePrivateKey(text, "pem");
  } catch (error) {
    if (error instanceof Error && error.name === "KeyEncryptedError") return refuse(ENCRYPTED);
    return refuse(`the ${label} could not be read`);
  }
  const algorithm = algorithmOf(key);
  if (!algorithm) return refuse("not an RSA 2048/3072/4096, ED25519 or ECDSA P-256/384/521 key");
  if (format === "openssh" && !opensshPublicCopyMatches(der, key))
    return refuse("the OpenSSH file's public key differs from its private section");
  return { ok: true, value: { key, format, algorithm } };
}

/** A DER key is one SEQUENCE that spans every byte: nothing hidden after it. */
function derProblem(der: Buffer): string | null {
  if (der[0] !== 0x30 || der.length < 2) return "the key is not a DER SEQUENCE";
  const first = der[1] ?? 0;
  let header = 2;
  let length = first;
  if (first & 0x80) {
    const octets = first & 0x7f;
    if (octets < 1 || octets > 3) return "the key's DER length is not valid";
    length = der.subarray(2, 2 + octets).reduce((value, byte) => value * 256 + byte, 0);
    header = 2 + octets;
  }
  return header + length === der.length ? null : "the key's DER has trailing data";
}

const OPENSSH_MAGIC = Buffer.from("openssh-key-v1\0", "latin1");
const OPENSSH_FIELDS: Readonly<Record<string, number>> = {
  "ssh-ed25519": 2,
  "ecdsa-sha2-nistp256": 3,
  "ecdsa-sha2-nistp384": 3,
  "ecdsa-sha2-nistp521": 3,
  "ssh-rsa": 6,
};

/** The openssh-key-v1 layout (OpenSSH's PROTOCOL.key), read to its last padding byte. */
function opensshProblem(der: Buffer): string | null {
  if (!der.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC))
    return "not an openssh-key-v1 file";
  try {
    const outer = new SshWireReader(der.subarray(OPENSSH_MAGIC.length));
    const cipher = outer.text();
    const kdf = outer.text();
    const kdfOptions = outer.bytes();
    if (cipher !== "none" || kdf !== "none" || kdfOptions.length > 0) return ENCRYPTED;
    if (outer.uint32() !== 1) return "one key per file: the OpenSSH file holds several";
    outer.bytes();
    const section = outer.bytes();
    if (!outer.atEnd) return "the OpenSSH file has trailing data";
    if (section.length % 8 !== 0) return "the OpenSSH private section is not padded";
    const inner = new SshWireReader(section);
    const check = inner.uint32();
    if (inner.uint32() !== check) return "the OpenSSH check integers differ";
    const fields = OPENSSH_FIELDS[inner.text()];
    if (!fields) return "the OpenSSH key type is not supported";
    const parts = Array.from({ length: fields }, () => inner.bytes());
    const comment = commentProblem(inner.text());
    if (comment) return comment;
    const padding = inner.rest();
    if (padding.length >= 8 || padding.some((byte, index) => byte !== index + 1))
      return "the OpenSSH private section has data after the key";
    // OpenSSH signs with the 64-byte secret "seed || public": its second half must be the key.
    const [publicPart, secret] = parts;
    if (fields === 2 && !(secret?.length === 64 && publicPart?.equals(secret.subarray(32))))
      return "the ED25519 secret does not end with its public key";
    return null;
  } catch {
    return "the OpenSSH file is truncated";
  }
}

/** sshpk builds the key from the private section; the public copy in front must be the same key. */
function opensshPublicCopyMatches(der: Buffer, key: sshpk.PrivateKey): boolean {
  const outer = new SshWireReader(der.subarray(OPENSSH_MAGIC.length));
  for (let skip = 0; skip < 3; skip += 1) outer.bytes();
  outer.uint32();
  return outer.bytes().equals(key.toPublic().toBuffer("rfc4253"));
}
