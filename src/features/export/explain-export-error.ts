import { type ApiError, isApiError, isKeypairGone } from "../../lib/api-error.ts";
import { type ErrorExplanation, type ErrorWords, explainError } from "../../lib/explain-error.ts";
import { RefusedArchiveError } from "./api/batch-export.ts";
import { exportErrorWords } from "./words/en.ts";

export type ExportErrorExplanation = ErrorExplanation & {
  /** The list no longer matches the service and should be reloaded. */
  listStale: boolean;
};

/**
 * KPS messages may name the key ("No private key managed: web-01"); find which one. A message
 * that names none (the real service's Chinese ones) still points at the key when only one was
 * asked for.
 */
function namedKey(message: string, names: readonly string[]): string | null {
  const named = [...names]
    .sort((a, b) => b.length - a.length)
    .find((name) => message.includes(name));
  return named ?? (names.length === 1 ? (names[0] ?? null) : null);
}

// No longer hosted, frozen, or gone: the list shows something the service no longer has.
const STALE_CODES = new Set(["KPS.6005", "KPS.9004"]);

export function isListStale(error: unknown): boolean {
  return (isApiError(error) && STALE_CODES.has(error.code)) || isKeypairGone(error);
}

function exportWords(error: ApiError, names: readonly string[]): ErrorWords | null {
  const t = exportErrorWords.get();
  const key = namedKey(error.message, names);
  if (error.code === "KPS.6005") {
    return {
      reason: "export.notHosted",
      title: t.notHostedTitle,
      text: t.notHostedText({ key: key ?? t.oneOfThem }),
      action: t.notHostedAction,
    };
  }
  if (error.code === "KPS.9004") {
    return {
      reason: "export.frozen",
      title: t.frozenTitle,
      text: t.frozenText({ key: key ?? t.oneOfThemStart }),
      action: t.frozenAction,
    };
  }
  if (error.code === "KPS.9003" || error.status === 403) {
    return {
      reason: "export.forbidden",
      title: t.forbiddenTitle,
      text: t.forbiddenText,
      action: t.forbiddenAction,
    };
  }
  if (isListStale(error)) {
    return {
      reason: "export.gone",
      title: t.goneTitle,
      text: t.goneText({ key: key ?? t.oneOfThemStart }),
      action: t.goneAction,
    };
  }
  if (error.status === 429) {
    return {
      reason: "export.throttled",
      title: t.throttledTitle,
      text: t.throttledText,
      action: error.retryAfter ? t.waitSeconds(error.retryAfter) : t.waitMinute,
    };
  }
  if (error.status >= 500) {
    const noAnswer = error.status === 504;
    return {
      reason: noAnswer ? "export.noAnswer" : "export.serverFailed",
      title: noAnswer ? t.noAnswerTitle : t.failedTitle,
      text: noAnswer ? t.noAnswerText : t.failedText,
      action: t.tryLater,
    };
  }
  if (error.status >= 400 && error.status !== 401) {
    return {
      reason: "export.refused",
      title: t.refusedTitle,
      text: t.refusedText,
      action: t.refusedAction,
    };
  }
  return null;
}

/** The wait after a 429, counted down by the confirmation. */
export function waitWords(seconds: number): string {
  const t = exportErrorWords.get();
  return seconds === 0 ? t.tryNow : t.waitSeconds(seconds);
}

/** Called while rendering: the words are those of the language chosen now. */
export function explainExportError(
  error: unknown,
  names: readonly string[],
): ExportErrorExplanation {
  const t = exportErrorWords.get();
  if (error instanceof RefusedArchiveError) {
    return {
      reason: `archive.${error.refusal.code}`,
      title: t.archiveTitle,
      text: error.text,
      action: t.archiveAction,
      code: null,
      serviceMessage: null,
      requestId: error.requestId,
      listStale: false,
    };
  }
  const explained = explainError(error, {
    what: t.what,
    explain: (apiError) => exportWords(apiError, names),
  });
  return { ...explained, listStale: isListStale(error) };
}
