import { params } from "@nanostores/i18n";
import { defineWords } from "../../../../lib/i18n/i18n.ts";

// Imported only by the two dialogs, so these words load with their chunks, not on the first load.

export const hostWords = defineWords("private-key/host", {
  title: params("Host the private key of {name}"),
  close: "Close host private key",
  // Not params: the dialog puts the name into {name} in bold (BoldSlot).
  intro:
    "Choose or paste the private key of {name}. The console first checks that it is the private half of this key pair's public key; KPS then stores it encrypted.",
  fileLabel: "Private key file",
  pasteLabel: "Or paste the private key",
  tooLarge: params("This file is larger than {size}, far more than a private key needs."),
  problemTitle: "This key cannot be hosted",
  nothingSent: "Nothing was sent.",
  cancel: "Cancel",
  confirm: "Host private key",
  doneTitle: "Private key hosted",
  doneText: params("KPS now hosts the private key of {name}."),
});

export const clearWords = defineWords("private-key/clear", {
  title: params("Clear the private key of {name}"),
  close: "Close clear private key",
  warningTitle: "This cannot be undone",
  // Not params: the dialog puts the name into {name} in bold (BoldSlot).
  warning:
    "KPS will delete the hosted private key of {name}. The key pair and its public key stay, but its private key can no longer be exported. It can only be hosted again by importing the private key from a copy you hold.",
  confirmLabel: "Type the key pair's name to confirm",
  cancel: "Cancel",
  confirm: "Clear private key",
  doneTitle: "Private key cleared",
  doneText: params("KPS no longer hosts the private key of {name}."),
});

/** The hosting and clearing failures KPS names by code, beside its own words. */
export const privateKeyErrorWords = defineWords("private-key/errors", {
  hostWhat: "Host the private key",
  clearWhat: "Clear the private key",
  goneTitle: "Key pair not found",
  goneText: "This key pair no longer exists; it may have been deleted.",
  goneAction: "Close the details; the list has been refreshed.",
  mismatchTitle: "Not this key pair's private key",
  mismatchText:
    "KPS found that this private key does not belong to the key pair's public key. Nothing was hosted.",
  mismatchAction: "Choose the private key file that was made together with this key pair.",
  refusedTitle: "KPS refused the key file",
  refusedText: "KPS does not host this file as it is; its reason is below. Nothing was hosted.",
  refusedAction: "Export the key again without a passphrase, as one PEM block, and try again.",
  notOwnerTitle: "Not your key pair",
  notOwnerText: "This private key pair belongs to another IAM user.",
  notOwnerAction: "Ask its owner to host the private key.",
  hostForbiddenTitle: "No permission to host private keys",
  hostForbiddenText: "Your IAM user may not host private keys in this project.",
  hostForbiddenAction:
    "Ask an administrator for a policy with kps:SSHKeyPair:importPrivateKey (for example DEW KeypairFullAccess).",
  storeFailedTitle: "KPS could not store the key",
  storeFailedText: "KPS failed to encrypt or save the private key. Nothing was hosted.",
  storeFailedAction:
    "Try again in a moment; if it keeps failing, report the request id to support.",
  nothingToClearTitle: "Nothing to clear",
  nothingToClearText:
    "KPS no longer hosts a private key for this key pair; it was cleared already.",
  nothingToClearAction: "The details have been refreshed.",
  clearForbiddenTitle: "No permission to clear private keys",
  clearForbiddenText: "Your IAM user may not clear hosted private keys in this project.",
  clearForbiddenAction:
    "Ask an administrator for a policy with kps:SSHKeyPair:clearPrivateKey (for example DEW KeypairFullAccess).",
});
