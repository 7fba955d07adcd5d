/** OpenSSH accepts any passphrase; this console asks for one worth the 16 bcrypt rounds. */
export const MIN_PASSPHRASE_LENGTH = 12;

export type PassphraseStrength = { score: 0 | 1 | 2 | 3; label: string };

/**
 * A hint, not a gate beyond the minimum length: length counts most, then the kinds of
 * characters mixed. It never sees anything but the passphrase and keeps nothing.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return { score: 0, label: `Too short: at least ${MIN_PASSPHRASE_LENGTH} characters` };
  }
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) =>
    kind.test(passphrase),
  ).length;
  const distinct = new Set(passphrase).size;
  if (distinct < 5) return { score: 1, label: "Weak: too many repeated characters" };
  if (passphrase.length >= 20 || (passphrase.length >= 16 && kinds >= 3)) {
    return { score: 3, label: "Strong" };
  }
  return kinds >= 2
    ? { score: 2, label: "Fair: longer is stronger" }
    : { score: 1, label: "Weak: mix in other kinds of characters or make it longer" };
}
