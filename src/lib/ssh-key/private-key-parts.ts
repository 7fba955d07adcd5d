import { readChildren, readPkcs1, readTopSequence, SshReader } from "./inspect-key.ts";
import { concat, sshString } from "./ssh-bytes.ts";

/*
 * Splits an unencrypted private key, in any format the export delivers (PKCS#1, PKCS#8 RSA,
 * openssh-key-v1), into the three pieces an openssh-key-v1 file is made of: the public blob,
 * the private fields as OpenSSH orders them, and the comment. Callers pass keys inspectKey has
 * already verified, so this reader only has to be exact, not to prove possession again.
 */

export type PrivateKeyParts = {
  publicBlob: Uint8Array;
  /** "type" then the key's private fields in OpenSSH's order (PROTOCOL.key). */
  privateFields: Uint8Array;
  comment: string;
};

const MAGIC = new TextEncoder().encode("openssh-key-v1\0");

// Its message is a code for logs; the protect worker answers every failure with its own code.
class UnsupportedKeyError extends Error {}

function unsupported(): never {
  throw new UnsupportedKeyError("key.formatUnsupported");
}

function pemBody(text: string): { label: string; der: Uint8Array } {
  const match =
    /^-----BEGIN ([A-Z0-9 ]{1,40})-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END \1-----\r?\n?$/.exec(
      text,
    );
  if (!match) unsupported();
  const body = (match[2] as string).replace(/\r?\n/g, "");
  return { label: match[1] as string, der: Uint8Array.from(atob(body), (c) => c.charCodeAt(0)) };
}

/** RFC 8017 RSAPrivateKey, read and checked by inspect-key's reader. DER INTEGERs are mpints. */
function fromPkcs1(der: Uint8Array, comment: string): PrivateKeyParts {
  const { n, e, d, p, q, qInv } = readPkcs1(der);
  const type = sshString("ssh-rsa");
  return {
    publicBlob: concat([type, sshString(e), sshString(n)]),
    // OpenSSH keeps iqmp (= qInv) before p and q.
    privateFields: concat([type, ...[n, e, d, qInv, p, q].map((value) => sshString(value))]),
    comment,
  };
}

function fromPkcs8(der: Uint8Array, comment: string): PrivateKeyParts {
  const [, , privateKey] = readTopSequence(der);
  if (!privateKey) unsupported();
  readChildren(privateKey.content); // an RSAPrivateKey SEQUENCE inside the OCTET STRING
  return fromPkcs1(privateKey.content, comment);
}

function fromOpenSsh(data: Uint8Array, fallbackComment: string): PrivateKeyParts {
  if (!MAGIC.every((byte, index) => data[index] === byte)) unsupported();
  const outer = new SshReader(data.subarray(MAGIC.length));
  if (outer.text() !== "none" || outer.text() !== "none") unsupported();
  outer.bytesField(); // kdf options
  if (outer.uint32() !== 1) unsupported();
  const publicBlob = outer.bytesField();
  const section = outer.bytesField();
  const inner = new SshReader(section);
  inner.uint32();
  inner.uint32();
  const start = inner.position;
  const type = inner.text();
  const fieldCount =
    type === "ssh-ed25519" ? 2 : type.startsWith("ecdsa-sha2-") ? 3 : type === "ssh-rsa" ? 6 : 0;
  if (fieldCount === 0) unsupported();
  for (let index = 0; index < fieldCount; index++) inner.bytesField();
  const privateFields = section.slice(start, inner.position);
  const comment = inner.text();
  return { publicBlob: publicBlob.slice(), privateFields, comment: comment || fallbackComment };
}

/** Throws UnsupportedKeyError for anything but the three unencrypted formats. */
export function privateKeyParts(text: string, fallbackComment: string): PrivateKeyParts {
  const { label, der } = pemBody(text);
  if (label === "RSA PRIVATE KEY") return fromPkcs1(der, fallbackComment);
  if (label === "PRIVATE KEY") return fromPkcs8(der, fallbackComment);
  if (label === "OPENSSH PRIVATE KEY") return fromOpenSsh(der, fallbackComment);
  return unsupported();
}
