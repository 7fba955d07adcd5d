// Envelope encryption with Node's crypto only: each secret is sealed with AES-256-GCM under its
// own random data key, and the data key is wrapped with AES-256-GCM under the master key. The
// same associated data binds both to the row, so a blob moved to another row fails to open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const ENVELOPE_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type Envelope = { wrappedKey: Buffer; sealed: Buffer };

export function seal(masterKey: Buffer, plaintext: Buffer, aad: string): Envelope {
  const dataKey = randomBytes(32);
  try {
    return {
      wrappedKey: gcmEncrypt(masterKey, dataKey, aad),
      sealed: gcmEncrypt(dataKey, plaintext, aad),
    };
  } finally {
    dataKey.fill(0);
  }
}

export function open(masterKey: Buffer, envelope: Envelope, aad: string): Buffer {
  const aadBytes = Buffer.from(aad, "utf8");
  const dataKey = gcmDecrypt(masterKey, envelope.wrappedKey, aadBytes);
  try {
    return gcmDecrypt(dataKey, envelope.sealed, aadBytes);
  } finally {
    dataKey.fill(0);
  }
}

/** AAD for a hosted private key: project, key-pair id and name, and the format version. */
export function keypairAad(projectId: string, keypairId: number, name: string): string {
  return `kps-private-key:v${ENVELOPE_VERSION}:${projectId}:${keypairId}:${name}`;
}

// Layout: iv (12) | tag (16) | ciphertext. A fresh random IV for every seal.
function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

function gcmDecrypt(key: Buffer, blob: Buffer, aad: Buffer): Buffer {
  const iv = blob.subarray(0, IV_BYTES);
  const tag = blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const plaintext = decipher.update(blob.subarray(IV_BYTES + TAG_BYTES));
  // GCM hands out every byte from update(); final() adds none but checks the tag, and throws
  // before an unauthenticated plaintext can be returned.
  decipher.final();
  return plaintext;
}
