import { params } from "@nanostores/i18n";
import { defineWords } from "../../../../lib/i18n/i18n.ts";

// Imported only by the dialog, so these words load with its chunk, not with the page; the
// toolbar button's are in ../../words.

export const formWords = defineWords("create-keypair/form", {
  title: "Create a key pair",
  close: "Close create key pair",
  name: "Name",
  nameHint: 'Letters, digits, "_" and "-"; up to 255 characters.',
  algorithm: "Algorithm",
  scope: "Scope",
  scopeUser: "Private key pair",
  scopeUserHint: "Only your IAM user sees and uses it.",
  scopeDomain: "Account key pair",
  scopeDomainHint: "Every IAM user of the account may see and use it.",
  host: "Host the private key in KPS",
  hostOn: "KPS keeps the private key encrypted, so it can be exported later.",
  hostOff: "KPS keeps no copy: the private key can be downloaded once, right after creating.",
  cancel: "Cancel",
  create: "Create",
});

/** Why a name cannot be created (keypair-name-rule.ts codes). */
export const nameWords = defineWords("create-keypair/name", {
  empty: "Enter a name.",
  tooLong: params("A name has at most {max} characters; this one has {length}."),
  characters: params('Use only letters, digits, "_" and "-" (not {characters}).'),
  /** How a refused space is named among the refused characters. */
  space: "space",
  taken: params("A key pair named {name} already exists in this project."),
});

export const offerWords = defineWords("create-keypair/offer", {
  createdTitle: params("Key pair {name} created"),
  createdToastTitle: "Key pair created",
  createdToastMessage: params("{name} was created. Its private key is offered in the dialog."),
  hostedTitle: "Download the private key",
  hostedText:
    "KPS hosts this private key, so it can be exported later. You can also download it now.",
  plainTitle: "Download the private key now",
  plainText:
    "KPS does not keep this private key. This is the only time it can be downloaded: without it, nobody can sign in with this key pair.",
  publicKey: "Public key",
  download: params("Download {file}"),
  saved: params("Saved as {file}. Keep it safe."),
  downloadFailedTitle: "The download did not start",
  downloadFailedText: "The browser refused to save the file. Try again.",
  notNeeded: "I do not need the private key",
  askTitle: "Close without the private key?",
  askHosted: "It has not been downloaded. It can still be exported from KPS later.",
  askPlain: "It has not been downloaded. KPS keeps no copy, so it is lost when this dialog closes.",
  closeWithout: "Close without it",
  keepOpen: "Keep the dialog open",
  done: "Done",
});

export const createErrorWords = defineWords("create-keypair/errors", {
  what: "Create the key pair",
  noPrivateKeyTitle: "Created without its private key",
  noPrivateKeyText:
    "KPS created the key pair but its answer did not carry the private key, so the console cannot offer it.",
  noPrivateKeyAction:
    "Delete this key pair and create it again; if it keeps happening, report the request id.",
  mismatchTitle: "The private key does not fit",
  mismatchText:
    "KPS created the key pair, but the private key it sent is not the half of its public key, so the console does not offer it.",
  mismatchAction: "Delete this key pair and create it again; report the request id to support.",
  refusedTitle: "KPS refused the key pair",
  refusedText: "KPS did not accept these settings; its reason is below. Nothing was created.",
  refusedAction:
    "Check the name (it may already be taken by a key pair you cannot see) and try again.",
  forbiddenTitle: "No permission to create key pairs",
  forbiddenText: "Your IAM user may not create key pairs in this project. Nothing was created.",
  forbiddenAction:
    "Ask an administrator for a policy with kps:SSHKeyPair:create (for example DEW KeypairFullAccess).",
  hostingTitle: "KPS could not host the private key",
  hostingText: "KPS failed to encrypt or save the private key. Nothing was created.",
  hostingAction: "Try again in a moment; if it keeps failing, report the request id to support.",
});
