import { inspectKey, type KeyProblem, md5Fingerprint, NOT_POSSESSED } from "./inspect-key.ts";
import { publicKeyBlob } from "./public-key-blob.ts";

export type PossessionCheck =
  | { ok: true; text: string; algorithm: string; keySize: number; fingerprint: string }
  | { ok: false; problem: KeyProblem };

/** Hosting takes one PEM block with "\n" line ends; a paste often brings CRLF and blank edges. */
export function normalisePrivateKeyText(text: string): string {
  return `${text.replace(/\r\n?/g, "\n").trim()}\n`;
}

/**
 * Whether a private key may be hosted for the key pair listing `publicLine`: inspectKey proves
 * its secret part produces the public key the file names (an equal fingerprint inside the file
 * proves nothing), and that derived key must be the listed one. Returns the normalised text,
 * which is what was checked and so what is sent.
 */
export function checkPrivateKeyFor(text: string, publicLine: string | undefined): PossessionCheck {
  const normalised = normalisePrivateKeyText(text);
  const blob = publicLine ? publicKeyBlob(publicLine) : null;
  if (!blob) {
    return { ok: false, problem: "key.noPublicKey" };
  }
  const key = inspectKey(normalised);
  if (!key.ok) return { ok: false, problem: key.problem };
  if (key.fingerprint !== md5Fingerprint(blob)) return { ok: false, problem: NOT_POSSESSED };
  return {
    ok: true,
    text: normalised,
    algorithm: key.algorithm,
    keySize: key.keySize,
    fingerprint: key.fingerprint,
  };
}
