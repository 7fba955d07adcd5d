import type { ApiError } from "../../lib/api-error.ts";
import { type ErrorExplanation, type ErrorWords, explainError } from "../../lib/explain-error.ts";

function importWords(error: ApiError): ErrorWords | null {
  if (error.code === "KPS.0002" && /already exists/i.test(error.serviceMessage ?? "")) {
    return {
      title: "The name is taken",
      text: "A key pair with this name already exists (it may be another user's, or new since the list loaded). Nothing was imported.",
      action: "Choose another name and try again.",
    };
  }
  if (error.code === "KPS.0002") {
    return {
      title: "KPS refused the public key",
      text: "KPS did not import this key as it is; its reason is below. Nothing was imported.",
      action: "Correct what it names and try again.",
    };
  }
  if (error.code === "KPS.9003") {
    return {
      title: "No permission to import key pairs",
      text: "Your IAM user may not create key pairs in this project.",
      action:
        "Ask an administrator for a policy with kps:SSHKeyPair:create (for example DEW KeypairFullAccess).",
    };
  }
  return null;
}

export function explainImportError(error: unknown): ErrorExplanation {
  return explainError(error, { what: "Import the public key", explain: importWords });
}

export function explainBatchImportError(error: unknown): ErrorExplanation {
  return explainError(error, { what: "Import the public keys", explain: importWords });
}
