import JSZip from "jszip";
import { openProtectedKey, protectPrivateKey } from "../../../lib/ssh-key/openssh-protected.ts";
import { MIN_PASSPHRASE_LENGTH } from "./passphrase-rules.ts";
import type { ProtectPhase, ProtectRefusal, ProtectRequest } from "./protect-protocol.ts";

/*
 * Protects the verified keys of a preview with one passphrase, then proves the result: every
 * protected key is re-opened with that passphrase and must show the listed fingerprint, or
 * nothing is offered at all. Runs in protect-worker.ts (bcrypt_pbkdf at 16 rounds is a few
 * hundred milliseconds a key) and directly in tests.
 */

export class ProtectRefusedError extends Error {
  constructor(readonly refusal: ProtectRefusal) {
    super(refusal.code);
  }
}

// The same fixed date for every entry, so the zip says nothing about when it was made.
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

type Outcome = { kind: "zip"; bytes: ArrayBuffer } | { kind: "pem"; text: string };

export async function protectEntries(
  request: ProtectRequest,
  onProgress: (index: number, phase: ProtectPhase) => void,
): Promise<Outcome> {
  const { entries, passphrase, output } = request;
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new ProtectRefusedError({ code: "tooShort", params: { min: MIN_PASSPHRASE_LENGTH } });
  }
  if (entries.length === 0 || (output === "pem" && entries.length !== 1)) {
    throw new ProtectRefusedError({ code: "nothingToProtect" });
  }
  const files: { fileName: string; text: string }[] = [];
  entries.forEach((entry, index) => {
    onProgress(index, "protecting");
    const text = protectPrivateKey(entry.text, passphrase, { comment: entry.keypairName });
    onProgress(index, "checking");
    const opened = openProtectedKey(text, passphrase);
    if (!opened.ok || opened.fingerprint !== entry.listedFingerprint) {
      throw new ProtectRefusedError({ code: "notReopened", params: { fileName: entry.fileName } });
    }
    files.push({ fileName: entry.fileName, text });
    onProgress(index, "done");
  });
  if (output === "pem") return { kind: "pem", text: (files[0] as { text: string }).text };
  const zip = new JSZip();
  for (const file of files) {
    // 0600, as ssh wants a private key and as the server writes its own zip.
    zip.file(file.fileName, file.text, { date: ZIP_DATE, unixPermissions: 0o600 });
  }
  const bytes = await zip.generateAsync({
    type: "arraybuffer",
    compression: "DEFLATE",
    platform: "UNIX",
  });
  return { kind: "zip", bytes };
}
