import { algorithmNameWords } from "./ssh-key/words/en.ts";

/**
 * KPS's algorithm names ("SSH_ED25519", "ECDSA_NISTP384") as the console writes algorithms
 * everywhere else: family and size, the way the export preview reads the key itself
 * ("ED25519 256", "ECDSA 384", "RSA 4096"). A name this console does not know is shown as sent.
 * Called while rendering: the words are those of the language chosen now.
 */
export function algorithmWords(algorithm: string | null | undefined): string {
  if (!algorithm) return algorithmNameWords.get().notReported;
  const match = /^(?:SSH_)?(RSA|ED25519|ECDSA)_?(?:NISTP)?(\d+)?$/.exec(algorithm);
  if (!match) return algorithm;
  const [, family, size] = match;
  return `${family} ${size ?? (family === "ED25519" ? "256" : "")}`.trim();
}
