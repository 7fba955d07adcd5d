import { type ApiError, isKeypairGone } from "../../lib/api-error.ts";
import { type ErrorExplanation, type ErrorWords, explainError } from "../../lib/explain-error.ts";
import { privateKeyErrorWords } from "./components/words/en.ts";

type Words = ReturnType<typeof privateKeyErrorWords.get>;

function gone(t: Words): ErrorWords {
  return {
    reason: "privateKey.gone",
    title: t.goneTitle,
    text: t.goneText,
    action: t.goneAction,
  };
}

function hostWords(error: ApiError, t: Words): ErrorWords | null {
  if (error.code === "KPS.6011") {
    return {
      reason: "host.mismatch",
      title: t.mismatchTitle,
      text: t.mismatchText,
      action: t.mismatchAction,
    };
  }
  if (error.code === "KPS.0002") {
    return {
      reason: "host.refused",
      title: t.refusedTitle,
      text: t.refusedText,
      action: t.refusedAction,
    };
  }
  if (error.code === "KPS.0006") {
    return {
      reason: "host.notOwner",
      title: t.notOwnerTitle,
      text: t.notOwnerText,
      action: t.notOwnerAction,
    };
  }
  if (error.code === "KPS.9003") {
    return {
      reason: "host.forbidden",
      title: t.hostForbiddenTitle,
      text: t.hostForbiddenText,
      action: t.hostForbiddenAction,
    };
  }
  if (error.code === "KPS.6008" || error.code === "KPS.6010") {
    return {
      reason: "host.storeFailed",
      title: t.storeFailedTitle,
      text: t.storeFailedText,
      action: t.storeFailedAction,
    };
  }
  return isKeypairGone(error) ? gone(t) : null;
}

function clearWords(error: ApiError, t: Words): ErrorWords | null {
  if (error.code === "KPS.6005") {
    return {
      reason: "clear.nothingHosted",
      title: t.nothingToClearTitle,
      text: t.nothingToClearText,
      action: t.nothingToClearAction,
    };
  }
  if (error.code === "KPS.9003") {
    return {
      reason: "clear.forbidden",
      title: t.clearForbiddenTitle,
      text: t.clearForbiddenText,
      action: t.clearForbiddenAction,
    };
  }
  return isKeypairGone(error) ? gone(t) : null;
}

/** Called while rendering: the words of the language chosen now. */
export function explainHostError(error: unknown): ErrorExplanation {
  const t = privateKeyErrorWords.get();
  return explainError(error, { what: t.hostWhat, explain: (apiError) => hostWords(apiError, t) });
}

export function explainClearError(error: unknown): ErrorExplanation {
  const t = privateKeyErrorWords.get();
  return explainError(error, { what: t.clearWhat, explain: (apiError) => clearWords(apiError, t) });
}
