import type { ApiError } from "../../lib/api-error.ts";
import { type ErrorExplanation, type ErrorWords, explainError } from "../../lib/explain-error.ts";
import { KEY_MISMATCH, NO_PRIVATE_KEY } from "./api/create-keypair.ts";

function createWords(error: ApiError): ErrorWords | null {
  if (error.code === NO_PRIVATE_KEY) {
    return {
      title: "Created without its private key",
      text: "KPS created the key pair but its answer did not carry the private key, so the console cannot offer it.",
      action:
        "Delete this key pair and create it again; if it keeps happening, report the request id.",
    };
  }
  if (error.code === KEY_MISMATCH) {
    return {
      title: "The private key does not fit",
      text: `KPS created the key pair, but the private key it sent is not the half of its public key, so the console does not offer it. ${error.message}`,
      action: "Delete this key pair and create it again; report the request id to support.",
    };
  }
  if (error.code === "KPS.0002") {
    return {
      title: "KPS refused the key pair",
      text: "KPS did not accept these settings; its reason is below. Nothing was created.",
      action:
        "Check the name (it may already be taken by a key pair you cannot see) and try again.",
    };
  }
  if (error.code === "KPS.9003") {
    return {
      title: "No permission to create key pairs",
      text: "Your IAM user may not create key pairs in this project. Nothing was created.",
      action:
        "Ask an administrator for a policy with kps:SSHKeyPair:create (for example DEW KeypairFullAccess).",
    };
  }
  if (error.code === "KPS.6008" || error.code === "KPS.6010") {
    return {
      title: "KPS could not host the private key",
      text: "KPS failed to encrypt or save the private key. Nothing was created.",
      action: "Try again in a moment; if it keeps failing, report the request id to support.",
    };
  }
  return null;
}

export function explainCreateError(error: unknown): ErrorExplanation {
  return explainError(error, { what: "Create the key pair", explain: createWords });
}
