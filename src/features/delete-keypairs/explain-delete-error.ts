import { type ApiError, isKeypairGone } from "../../lib/api-error.ts";
import { type ErrorExplanation, explainError } from "../../lib/explain-error.ts";
import { deleteErrorWords } from "./components/words/en.ts";

/** Words for why one key pair was not deleted; the service's code and request id ride along. */
export function explainDeleteError(error: unknown, name: string): ErrorExplanation {
  const t = deleteErrorWords.get();
  return explainError(error, {
    what: t.what({ name }),
    explain: (apiError: ApiError) => {
      if (isKeypairGone(apiError)) {
        return {
          reason: "delete.gone",
          title: t.goneTitle,
          text: t.goneText({ name }),
          action: t.goneAction,
        };
      }
      if (apiError.code === "KPS.9003") {
        return {
          reason: "delete.forbidden",
          title: t.forbiddenTitle,
          text: t.forbiddenText({ name }),
          action: t.forbiddenAction,
        };
      }
      if (apiError.code === "KPS.9004") {
        return {
          reason: "delete.frozen",
          title: t.frozenTitle,
          text: t.frozenText({ name }),
          action: t.frozenAction,
        };
      }
      return null;
    },
  });
}
