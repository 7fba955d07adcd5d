import { KEYPAIR_NAME_PATTERN } from "../../../contract/kps.ts";

const MAX_NAME_LENGTH = 255;

/** Names already in use, as the page's loaded list knows them. */
export type TakenNames = { has: (name: string) => boolean };

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
    const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ""))].join(" ").replace(/^ $/, "space");
    return `Use only letters, digits, "_" and "-" (not ${bad || "this"}).`;
  }
  if (taken.has(name)) return `A key pair named ${name} already exists in this project.`;
  return null;
}
