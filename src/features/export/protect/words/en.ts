import { params } from "@nanostores/i18n";
import { defineWords } from "../../../../lib/i18n/i18n.ts";

// Loaded only with the passphrase dialog.
export const protectWords = defineWords("export/protect", {
  title: params("Download {file} protected by a passphrase"),
  close: "Close protected download",
  intro: params(
    "Each key is encrypted as OpenSSH does it (bcrypt, 16 rounds, AES-256-CTR), so {ssh} and {sshKeygen} open it with this passphrase. It cannot be recovered if you forget it.",
  ),
  passphrase: "Passphrase",
  passphraseHint: params("At least {min} characters"),
  passphraseTooShort: params("Use at least {min} characters."),
  showPassphrase: "Show or hide the passphrase",
  strengthLabel: "Passphrase strength",
  strength: params("Strength: {verdict}"),
  strengthEmpty: "enter a passphrase",
  tooShort: params("Too short: at least {min} characters"),
  repetitive: "Weak: too many repeated characters",
  mixMore: "Weak: mix in other kinds of characters or make it longer",
  fair: "Fair: longer is stronger",
  strong: "Strong",
  repeat: "Repeat the passphrase",
  differs: "The two passphrases differ.",
  showRepeat: "Show or hide the repeated passphrase",
  progress: params("Progress for {file}"),
  entryPhase: params("{file}: {phase}"),
  waiting: "Waiting",
  protecting: "Protecting",
  checking: "Re-opening to check",
  done: "Protected and checked",
  nothingSaved: "Nothing was saved",
  refusedTooShort: params("The passphrase must be at least {min} characters long."),
  refusedNothing: "There are no verified keys to protect.",
  refusedNotReopened: params(
    "Nothing was saved: the protected copy of {file} did not re-open to the listed fingerprint.",
  ),
  refusedFailed: "The keys could not be protected, so nothing was saved.",
  downloadingTitle: params("{file} is downloading"),
  downloadingText:
    "Every key in it was re-opened with the passphrase and matched its listed fingerprint.",
  cancel: "Cancel",
  closeButton: "Close",
  download: params("Download {file}"),
});
