import { sha256 } from "@noble/hashes/sha2.js";
import { publicKeyBlob } from "./public-key-blob.ts";

/** The fingerprint `ssh-keygen -l` prints by default: "SHA256:" and unpadded base64. */
export function sha256Fingerprint(blob: Uint8Array): string {
  let binary = "";
  for (const byte of sha256(blob)) binary += String.fromCharCode(byte);
  return `SHA256:${btoa(binary).replace(/=+$/, "")}`;
}

/** The SHA256 fingerprint of an OpenSSH public-key line, or null when the line is not one. */
export function sha256FingerprintOfLine(line: string | undefined): string | null {
  const blob = line ? publicKeyBlob(line) : null;
  return blob ? sha256Fingerprint(blob) : null;
}
