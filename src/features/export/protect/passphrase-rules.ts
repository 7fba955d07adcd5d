/** OpenSSH accepts any passphrase; this console asks for one worth the 16 bcrypt rounds. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** How the hint reads; the dialog says it in the chosen language. */
export type StrengthVerdict = "tooShort" | "repetitive" | "mixMore" | "fair" | "strong";

export type PassphraseStrength = { score: 0 | 1 | 2 | 3; verdict: StrengthVerdict };

/**
 * A hint, not a gate beyond the minimum length: length counts most, then the kinds of
 * characters mixed. It never sees anything but the passphrase and keeps nothing.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return { score: 0, verdict: "tooShort" };
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) =>
    kind.test(passphrase),
  ).length;
  const distinct = new Set(passphrase).size;
  if (distinct < 5) return { score: 1, verdict: "repetitive" };
  if (passphrase.length >= 20 || (passphrase.length >= 16 && kinds >= 3)) {
    return { score: 3, verdict: "strong" };
  }
  return kinds >= 2 ? { score: 2, verdict: "fair" } : { score: 1, verdict: "mixMore" };
}
