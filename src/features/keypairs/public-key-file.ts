import type { KeypairSummary } from "../../../contract/kps.ts";

/**
 * `<name>.pub` holding the OpenSSH line exactly as the service lists it: no newline added, no
 * comment rewritten, so the file's bytes are the listed key's. Null when none is listed.
 */
export function publicKeyFile(keypair: KeypairSummary): { fileName: string; blob: Blob } | null {
  if (!keypair.public_key) return null;
  return {
    fileName: `${keypair.name}.pub`,
    blob: new Blob([keypair.public_key], { type: "text/plain" }),
  };
}
