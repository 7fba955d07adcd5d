import type { ApiError } from "../../lib/api-error.ts";
import { type ErrorExplanation, type ErrorWords, explainError } from "../../lib/explain-error.ts";
import { KEY_MISMATCH, NO_PRIVATE_KEY } from "./api/create-keypair.ts";
import { createErrorWords } from "./components/words/en.ts";

/** In the language chosen now; the dialog that calls it while rendering subscribes to the words. */
function createWords(error: ApiError): ErrorWords | null {
  const t = createErrorWords.get();
  if (error.code === NO_PRIVATE_KEY) {
    return {
      reason: "create.noPrivateKey",
      title: t.noPrivateKeyTitle,
      text: t.noPrivateKeyText,
      action: t.noPrivateKeyAction,
    };
  }
  if (error.code === KEY_MISMATCH) {
    // The check's own finding stays in the error's message, for a log: the user's words are
    // that the key was not offered, and what to do.
    return {
      reason: "create.keyMismatch",
      title: t.mismatchTitle,
      text: t.mismatchText,
      action: t.mismatchAction,
    };
  }
  if (error.code === "KPS.0002") {
    return {
      reason: "create.refused",
      title: t.refusedTitle,
      text: t.refusedText,
      action: t.refusedAction,
    };
  }
  if (error.code === "KPS.9003") {
    return {
      reason: "create.forbidden",
      title: t.forbiddenTitle,
      text: t.forbiddenText,
      action: t.forbiddenAction,
    };
  }
  if (error.code === "KPS.6008" || error.code === "KPS.6010") {
    return {
      reason: "create.hostingFailed",
      title: t.hostingTitle,
      text: t.hostingText,
      action: t.hostingAction,
    };
  }
  return null;
}

export function explainCreateError(error: unknown): ErrorExplanation {
  return explainError(error, { what: createErrorWords.get().what, explain: createWords });
}
