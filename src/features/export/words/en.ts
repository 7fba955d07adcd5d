import { count, params } from "@nanostores/i18n";
import { defineWords } from "../../../lib/i18n/i18n.ts";

// On the page from the start: the buttons, the confirmation and what a failed export means.
// The preview's and the protected download's words load with them (../archive/words,
// ../protect/words).

export const exportActionWords = defineWords("export/actions", {
  exportSelected: "Export private keys",
  exportOne: "Export private key",
  selectFirst: "Select key pairs with hosted private keys to export them.",
  frozen: "This key pair is frozen, so its private key cannot be exported.",
});

export const confirmWords = defineWords("export/confirm", {
  title: count({ one: "Export {count} private key", other: "Export {count} private keys" }),
  close: "Close export confirmation",
  introOne: params(
    "The private key of this key pair in project {project} will be exported as one zip. You can check what is inside before saving it.",
  ),
  introMany: params(
    "The private keys of these key pairs in project {project} will be exported as one zip. You can check what is inside before saving it.",
  ),
  listLabel: "Key pairs to export",
  acknowledge:
    "I understand that anyone holding these private keys can sign in to the servers that trust them, and that I must store them safely.",
  throttled: count({
    one: "KPS limits how often private keys can be exported: wait {count} second before the next export.",
    other:
      "KPS limits how often private keys can be exported: wait {count} seconds before the next export.",
  }),
  nothingLeft:
    "None of these key pairs can be exported any more, so there is nothing left to send.",
  cancelExport: "Cancel export",
  cancel: "Cancel",
  export: "Export",
});

// The reason and the fresh sign-in asked in the confirmation (issue 15).
export const reasonWords = defineWords("export/reason", {
  label: "Reason",
  labelOptional: "Reason (optional)",
  hint: "A ticket number or a sentence, 8 to 500 characters. It is kept in the export history.",
  missing: "Export stays off until you give a reason.",
  tooShort: count({
    one: "Write {count} more character: a reason has at least 8.",
    other: "Write {count} more characters: a reason has at least 8.",
  }),
  tooLong: count({
    one: "{count} character too many: a reason has at most 500.",
    other: "{count} characters too many: a reason has at most 500.",
  }),
  forbiddenCharacter:
    "Remove line breaks, tabs and invisible direction marks: the history must show the reason as written.",
  keyMaterial: "A reason cannot hold key material: remove what was pasted.",
  serverRequired: "KPS requires a reason for every export. Write one and export again.",
  serverInvalid:
    "KPS refused this reason. Use 8 to 500 ordinary characters, without key material or a token.",
});

export const stepUpWords = defineWords("export/step-up", {
  title: "Sign in again to export",
  intro: params(
    "Exporting private keys needs a recent sign-in. Enter the password of {user} again; the export follows.",
  ),
  password: "Password",
  showPassword: "Show or hide the password",
  codeIntro:
    "This user signs in with a virtual MFA device: enter the six-digit code from the authenticator app.",
  code: "Verification code",
  codeHint: "Six digits",
  codeFormat: "Enter the six digits of the code.",
  wrongPassword: "The password is wrong. Check it and try again.",
  codeWrong: "The code is wrong. Enter the code the authenticator app shows now.",
  codeUsed: "This code was already used. Wait for the next code and enter it.",
  throttled: count({
    one: "Too many sign-in attempts. Wait {count} second and try again.",
    other: "Too many sign-in attempts. Wait {count} seconds and try again.",
  }),
  throttledMoment: "Too many sign-in attempts. Wait a moment and try again.",
  failed: "The sign-in could not be checked. Try again in a moment.",
});

export const exportErrorWords = defineWords("export/errors", {
  what: "Export",
  oneOfThem: "one of the selected key pairs",
  oneOfThemStart: "One of the selected key pairs",
  notHostedTitle: "Private key no longer hosted",
  notHostedText: params(
    "The private key of {key} is no longer hosted by KPS, so it cannot be exported.",
  ),
  notHostedAction:
    "The list has been refreshed and that key pair left the selection: export the others.",
  frozenTitle: "Key pair frozen",
  frozenText: params("{key} is frozen, so its private key cannot be exported."),
  frozenAction:
    "The list has been refreshed and it left the selection: export the others, or have the freeze lifted first.",
  forbiddenTitle: "No permission to export",
  forbiddenText: "Your IAM user may not export private keys in this project.",
  forbiddenAction:
    "Ask an administrator for a policy with kps:SSHKeyPair:exportPrivateKey (for example DEW KeypairFullAccess).",
  goneTitle: "Key pair not found",
  goneText: params("{key} no longer exists; it may have been deleted."),
  goneAction: "The list has been refreshed and it left the selection: export the others.",
  throttledTitle: "Too many exports",
  throttledText: "KPS limits how often private keys can be exported.",
  waitSeconds: count({
    one: "Wait {count} second and try again.",
    other: "Wait {count} seconds and try again.",
  }),
  waitMinute: "Wait a minute and try again.",
  tryNow: "You can try again now.",
  noAnswerTitle: "No answer from KPS",
  noAnswerText: "KPS did not answer in time. No zip was sent.",
  failedTitle: "The service failed",
  failedText: "KPS could not complete the export. No zip was sent.",
  tryLater: "Try again in a moment; if it keeps failing, report the request id to support.",
  refusedTitle: "Export refused",
  refusedText: "KPS refused the export request.",
  refusedAction: "Check the selection and try again.",
  archiveTitle: "The archive was refused",
  archiveAction:
    "Nothing was saved. Try the export again; if it happens again, report the request id to support.",
});
