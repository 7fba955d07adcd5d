import { KEYPAIR_NAME_PATTERN } from "../../../contract/kps.ts";

const MAX_NAME_LENGTH = 255;

/** Names already in use, as the page's loaded list knows them. */
export type TakenNames = { has: (name: string) => boolean };

/** Why a name cannot be created, as a code; the form says it in words (name-problem-words.ts). */
export type NameProblem =
  | { code: "name.empty"; params?: undefined }
  | { code: "name.tooLong"; params: { max: number; length: number } }
  /** Each refused character once, in the order typed. */
  | { code: "name.characters"; params: { characters: string[] } }
  | { code: "name.taken"; params: { name: string } };

/**
 * Why a name cannot be created, or null when it may be sent. The contract's rule (kps-api.md
 * section 4) and the names the list holds; the server checks both again and decides.
 */
export function nameProblem(name: string, taken: TakenNames): NameProblem | null {
  if (name === "") return { code: "name.empty" };
  if (name.length > MAX_NAME_LENGTH) {
    return { code: "name.tooLong", params: { max: MAX_NAME_LENGTH, length: name.length } };
  }
  if (!KEYPAIR_NAME_PATTERN.test(name)) {
    const characters = [...new Set(name.match(/[^A-Za-z0-9_-]/gu))];
    return { code: "name.characters", params: { characters } };
  }
  if (taken.has(name)) return { code: "name.taken", params: { name } };
  return null;
}
