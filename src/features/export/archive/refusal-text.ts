import type { ArchiveRefusal } from "./archive-types.ts";
import { refusalWords } from "./words/en.ts";

type Words = ReturnType<typeof refusalWords.get>;
type Say = (params: NonNullable<ArchiveRefusal["params"]>) => string;

/**
 * An archive refusal in the words of the language chosen now. Loaded with the inspector, so
 * the ~40 sentences never reach the first load; the confirmation calls it while rendering.
 */
export function refusalText(refusal: ArchiveRefusal, words: Words = refusalWords.get()): string {
  const params = refusal.params ?? {};
  if (refusal.code === "tooManyFiles") {
    // The form follows the keys requested; the file count is filled in after.
    return words
      .tooManyFiles(params.requested ?? 0)
      .replace(/\{files\}/g, String(params.files ?? 0));
  }
  const said = words[refusal.code] as string | Say;
  return typeof said === "string" ? said : said(params);
}
