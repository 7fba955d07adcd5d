import { MAX_PUBLIC_KEY_BYTES } from "../../lib/ssh-key/public-key-line.ts";

export type KeyFileText = { ok: true; text: string } | { ok: false; problem: string };

/** The size is judged before the file is read, so a huge file is never loaded into the page. */
export async function readKeyFile(file: File): Promise<KeyFileText> {
  if (file.size > MAX_PUBLIC_KEY_BYTES) {
    return {
      ok: false,
      problem: "This file is larger than 16 KiB, far more than a public key needs.",
    };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, problem: "This file could not be read." };
  }
}
