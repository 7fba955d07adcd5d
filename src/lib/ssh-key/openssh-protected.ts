import { ctr } from "@noble/ciphers/aes.js";
import { inspectOpenSshSection, type KeyInspection, SshReader } from "./inspect-key.ts";
import { bcryptPbkdf } from "./openssh-kdf.ts";
import { privateKeyParts } from "./private-key-parts.ts";
import { concat, sshString } from "./ssh-bytes.ts";

/*
 * Writes and re-opens passphrase-protected private keys exactly as `ssh-keygen -p` writes them:
 * openssh-key-v1, kdf "bcrypt" with a fresh 16-byte salt and 16 rounds, cipher "aes256-ctr"
 * (AES from @noble/ciphers, audited), the public key and comment kept. The layout follows
 * OpenSSH's PROTOCOL.key and sshkey_private_to_blob2.
 */

export const PROTECT_ROUNDS = 16;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const IV_BYTES = 16;
const BLOCK_SIZE = 16;
const CIPHER = "aes256-ctr";
const KDF = "bcrypt";
const MAGIC = new TextEncoder().encode("openssh-key-v1\0");
const encoder = new TextEncoder();

export const WRONG_PASSPHRASE = "key.wrongPassphrase";

function uint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0);
  return out;
}

/** AES-256-CTR under the key and IV bcrypt_pbkdf derives (CTR is its own inverse). */
function crypt(passphrase: string, salt: Uint8Array, rounds: number, data: Uint8Array) {
  const secret = encoder.encode(passphrase);
  const material = bcryptPbkdf(secret, salt, rounds, KEY_BYTES + IV_BYTES);
  try {
    // noble reads the key when it runs, not when the cipher is made: zero only afterwards.
    return ctr(material.subarray(0, KEY_BYTES), material.subarray(KEY_BYTES)).encrypt(data);
  } finally {
    secret.fill(0);
    material.fill(0);
  }
}

// The armour's lines, built as inspect-key.ts builds them: the literal label in source reads as
// committed key material to scanners, and no key is here.
const DASHES = "-".repeat(5);
const LABEL = "OPENSSH PRIVATE KEY";
const BEGIN = `${DASHES}BEGIN ${LABEL}${DASHES}`;
const END = `${DASHES}END ${LABEL}${DASHES}`;
const ARMOURED = new RegExp(`^${BEGIN}\\n([A-Za-z0-9+/=\\n]+)\\n${END}\\n?$`);

/** openssh-key-v1 bytes in their PEM armour, 70 base64 characters a line, as ssh-keygen writes. */
export function toOpenSshPem(data: Uint8Array): string {
  let binary = "";
  for (const byte of data) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,70}/g) ?? [];
  return `${BEGIN}\n${lines.join("\n")}\n${END}\n`;
}

export type ProtectOptions = {
  /** The comment for keys whose format has none (PKCS#1, PKCS#8): the key pair's name. */
  comment: string;
  rounds?: number;
  /** Fixed salt and check integer, for tests only; otherwise fresh from the CSPRNG. */
  salt?: Uint8Array;
  checkInt?: number;
};

/** The key as an OpenSSH-protected PEM. Throws for an unsupported format or an empty passphrase. */
export function protectPrivateKey(
  text: string,
  passphrase: string,
  options: ProtectOptions,
): string {
  // A code, not words: callers check the passphrase first, so this only reaches a log.
  if (passphrase.length === 0) throw new Error("key.noPassphrase");
  const parts = privateKeyParts(text, options.comment);
  const rounds = options.rounds ?? PROTECT_ROUNDS;
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const checkInt = options.checkInt ?? crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

  const body = concat([
    uint32(checkInt),
    uint32(checkInt),
    parts.privateFields,
    sshString(parts.comment),
  ]);
  const padding = (BLOCK_SIZE - (body.length % BLOCK_SIZE)) % BLOCK_SIZE;
  const plain = concat([body, Uint8Array.from({ length: padding }, (_, index) => index + 1)]);
  const encrypted = crypt(passphrase, salt, rounds, plain);
  plain.fill(0);
  body.fill(0);
  parts.privateFields.fill(0);

  const file = concat([
    MAGIC,
    sshString(CIPHER),
    sshString(KDF),
    sshString(concat([sshString(salt), uint32(rounds)])),
    uint32(1),
    sshString(parts.publicBlob),
    sshString(encrypted),
  ]);
  return toOpenSshPem(file);
}

function fromBase64(text: string): Uint8Array | null {
  const match = ARMOURED.exec(text);
  if (!match) return null;
  return Uint8Array.from(atob((match[1] as string).replace(/\n/g, "")), (c) => c.charCodeAt(0));
}

const NOT_PROTECTED: KeyInspection = {
  ok: false,
  problem: "key.notProtected",
};

/**
 * Re-opens a key protectPrivateKey wrote and inspects it as inspectKey would: the secret part
 * must produce the public key, whose fingerprint the caller compares with the listed one.
 * Never throws.
 */
export function openProtectedKey(text: string, passphrase: string): KeyInspection {
  try {
    const data = fromBase64(text);
    if (!data || !MAGIC.every((byte, index) => data[index] === byte)) return NOT_PROTECTED;
    const reader = new SshReader(data.subarray(MAGIC.length));
    if (reader.text() !== CIPHER || reader.text() !== KDF) return NOT_PROTECTED;
    const options = new SshReader(reader.bytesField());
    const salt = options.bytesField();
    const rounds = options.uint32();
    if (options.remaining !== 0 || rounds < 1 || rounds > 1024) return NOT_PROTECTED;
    if (reader.uint32() !== 1) return NOT_PROTECTED;
    const publicBlob = reader.bytesField();
    const encrypted = reader.bytesField();
    if (reader.remaining !== 0 || encrypted.length % BLOCK_SIZE !== 0) return NOT_PROTECTED;
    const plain = crypt(passphrase, salt, rounds, encrypted);
    const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
    if (plain.length < 8 || view.getUint32(0) !== view.getUint32(4)) {
      plain.fill(0);
      return { ok: false, problem: WRONG_PASSPHRASE };
    }
    const inspection = inspectOpenSshSection(publicBlob, plain, BLOCK_SIZE);
    plain.fill(0);
    return inspection;
  } catch {
    return NOT_PROTECTED;
  }
}
