import { KEYPAIR_NAME_PATTERN } from "../../../contract/kps.ts";

const MAX_NAME_LENGTH = 255;

/** Names already in use, as the page's loaded list knows them. */
export type TakenNames = { has: (name: string) => boolean };

/** A refused character as a reader can see it: a space or a control character has no glyph. */
function shown(character: string): string {
  if (character === " ") return "space";
  if (/[\p{C}\p{Z}]/u.test(character)) {
    return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return character;
}

/**
 * Why a name cannot be created, or null when it may be sent. The contract's rule (kps-api.md
 * section 4) and the names the list holds; the server checks both again and decides.
 */
export function nameProblem(name: string, taken: TakenNames): string | null {
  if (name === "") return "Enter a name.";
  if (name.length > MAX_NAME_LENGTH) {
    return `A name has at most ${MAX_NAME_LENGTH} characters; this one has ${name.length}.`;
  }
  if (!KEYPAIR_NAME_PATTERN.test(name)) {
    const bad = [...new Set(name.match(/[^A-Za-z0-9_-]/gu))].map(shown).join(" ");
    return `Use only letters, digits, "_" and "-" (not ${bad}).`;
  }
  if (taken.has(name)) return `A key pair named ${name} already exists in this project.`;
  return null;
}
