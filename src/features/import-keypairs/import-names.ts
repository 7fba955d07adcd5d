import { KEYPAIR_NAME_PATTERN } from "../../../contract/kps.ts";

export type KeyScope = "user" | "domain";

/** What the page knows of the names already taken (the list it has loaded). */
export type ExistingNames = { has(name: string): boolean };

const MAX_NAME_LENGTH = 255;

/** Why a name cannot be used, as a code; the dialog says it in words (problem-words.ts). */
export type NameProblem =
  | { code: "name.empty" | "name.characters"; params?: undefined }
  | { code: "name.tooLong"; params: { max: number } }
  | { code: "name.taken" | "name.twice"; params: { name: string } };

/** Why a name cannot be used, or null. The server decides too; this saves a round trip. */
export function nameProblem(name: string, existing: ExistingNames): NameProblem | null {
  if (name === "") return { code: "name.empty" };
  if (name.length > MAX_NAME_LENGTH)
    return { code: "name.tooLong", params: { max: MAX_NAME_LENGTH } };
  if (!KEYPAIR_NAME_PATTERN.test(name)) return { code: "name.characters" };
  if (existing.has(name)) return { code: "name.taken", params: { name } };
  return null;
}

/** "id_ed25519.pub" → "id_ed25519", "web 01.key.pub" → "web-01-key": a name KPS takes. */
export function nameFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.pub$/i, "");
  const name = stem
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_NAME_LENGTH);
  return name || "imported-key";
}
