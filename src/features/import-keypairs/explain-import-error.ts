import type { ApiError } from "../../lib/api-error.ts";
import { type ErrorExplanation, type ErrorWords, explainError } from "../../lib/explain-error.ts";
import { importErrorWords } from "./components/words/en.ts";

/** In the language chosen now; the dialogs that call it while rendering subscribe to the words. */
function importWords(error: ApiError): ErrorWords | null {
  const t = importErrorWords.get();
  if (error.code === "KPS.0002" && /already exists/i.test(error.serviceMessage ?? "")) {
    return {
      reason: "import.nameTaken",
      title: t.takenTitle,
      text: t.takenText,
      action: t.takenAction,
    };
  }
  if (error.code === "KPS.0002") {
    return {
      reason: "import.refused",
      title: t.refusedTitle,
      text: t.refusedText,
      action: t.refusedAction,
    };
  }
  if (error.code === "KPS.9003") {
    return {
      reason: "import.forbidden",
      title: t.forbiddenTitle,
      text: t.forbiddenText,
      action: t.forbiddenAction,
    };
  }
  return null;
}

export function explainImportError(error: unknown): ErrorExplanation {
  return explainError(error, { what: importErrorWords.get().whatOne, explain: importWords });
}

export function explainBatchImportError(error: unknown): ErrorExplanation {
  return explainError(error, { what: importErrorWords.get().whatMany, explain: importWords });
}
