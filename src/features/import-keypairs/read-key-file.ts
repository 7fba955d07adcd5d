import { MAX_PUBLIC_KEY_BYTES, type PublicKeyRefusal } from "../../lib/ssh-key/public-key-line.ts";

/** Why a chosen file was not read; the dialog says it in words (problem-words.ts). */
export type FileProblem =
  | { code: "file.tooLarge"; params: { limit: number } }
  | { code: "file.unreadable"; params?: undefined };

/** Why a key cannot be imported: what the parser refused, or a file that was never read. */
export type KeyProblem = PublicKeyRefusal | FileProblem;

export type KeyFileText = { ok: true; text: string } | { ok: false; problem: FileProblem };

/** The size is judged before the file is read, so a huge file is never loaded into the page. */
export async function readKeyFile(file: File): Promise<KeyFileText> {
  if (file.size > MAX_PUBLIC_KEY_BYTES) {
    return {
      ok: false,
      problem: { code: "file.tooLarge", params: { limit: MAX_PUBLIC_KEY_BYTES } },
    };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, problem: { code: "file.unreadable" } };
  }
}
