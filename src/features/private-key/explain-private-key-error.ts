import { type ApiError, isKeypairGone } from "../../lib/api-error.ts";
import { type ErrorExplanation, type ErrorWords, explainError } from "../../lib/explain-error.ts";

const GONE: ErrorWords = {
  title: "Key pair not found",
  text: "This key pair no longer exists; it may have been deleted.",
  action: "Close the details; the list has been refreshed.",
};

function hostWords(error: ApiError): ErrorWords | null {
  if (error.code === "KPS.6011") {
    return {
      title: "Not this key pair's private key",
      text: "KPS found that this private key does not belong to the key pair's public key. Nothing was hosted.",
      action: "Choose the private key file that was made together with this key pair.",
    };
  }
  if (error.code === "KPS.0002") {
    return {
      title: "KPS refused the key file",
      text: "KPS does not host this file as it is; its reason is below. Nothing was hosted.",
      action: "Export the key again without a passphrase, as one PEM block, and try again.",
    };
  }
  if (error.code === "KPS.0006") {
    return {
      title: "Not your key pair",
      text: "This private key pair belongs to another IAM user.",
      action: "Ask its owner to host the private key.",
    };
  }
  if (error.code === "KPS.9003") {
    return {
      title: "No permission to host private keys",
      text: "Your IAM user may not host private keys in this project.",
      action:
        "Ask an administrator for a policy with kps:SSHKeyPair:importPrivateKey (for example DEW KeypairFullAccess).",
    };
  }
  if (error.code === "KPS.6008" || error.code === "KPS.6010") {
    return {
      title: "KPS could not store the key",
      text: "KPS failed to encrypt or save the private key. Nothing was hosted.",
      action: "Try again in a moment; if it keeps failing, report the request id to support.",
    };
  }
  return isKeypairGone(error) ? GONE : null;
}

function clearWords(error: ApiError): ErrorWords | null {
  if (error.code === "KPS.6005") {
    return {
      title: "Nothing to clear",
      text: "KPS no longer hosts a private key for this key pair; it was cleared already.",
      action: "The details have been refreshed.",
    };
  }
  if (error.code === "KPS.9003") {
    return {
      title: "No permission to clear private keys",
      text: "Your IAM user may not clear hosted private keys in this project.",
      action:
        "Ask an administrator for a policy with kps:SSHKeyPair:clearPrivateKey (for example DEW KeypairFullAccess).",
    };
  }
  return isKeypairGone(error) ? GONE : null;
}

export function explainHostError(error: unknown): ErrorExplanation {
  return explainError(error, { what: "Host the private key", explain: hostWords });
}

export function explainClearError(error: unknown): ErrorExplanation {
  return explainError(error, { what: "Clear the private key", explain: clearWords });
}
