import { KEYPAIR_NAME_PATTERN } from "../../../contract/kps.ts";

export type KeyScope = "user" | "domain";

/** What the page knows of the names already taken (the list it has loaded). */
export type ExistingNames = { has(name: string): boolean };

/** Why a name cannot be used, or null. The server decides too; this saves a round trip. */
export function nameProblem(name: string, existing: ExistingNames): string | null {
  if (name === "") return "Give the key pair a name.";
  if (name.length > 255) return "A name has at most 255 characters.";
  if (!KEYPAIR_NAME_PATTERN.test(name))
    return "A name may hold only letters, digits, _ and - (no spaces or dots).";
  if (existing.has(name)) return `A key pair named ${name} already exists.`;
  return null;
}

/** "id_ed25519.pub" → "id_ed25519", "web 01.key.pub" → "web-01-key": a name KPS takes. */
export function nameFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.pub$/i, "");
  const name = stem
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 255);
  return name || "imported-key";
}
