import { type ApiError, isApiError, isKeypairGone } from "./api-error.ts";
import { errorWords } from "./words/en.ts";

export type ErrorExplanation = {
  /** What kind of failure, as a code tests and logs can rely on ("forbidden", "host.mismatch"). */
  reason: string;
  title: string;
  /** What happened, in plain words. */
  text: string;
  /** What the user can do about it. */
  action: string;
  code: string | null;
  /** The service's own words, shown beside ours, never instead of them. */
  serviceMessage: string | null;
  requestId: string | null;
};

export type ErrorWords = Pick<ErrorExplanation, "title" | "text" | "action"> & {
  /** The operation's own code for this failure; "operation" when it names none. */
  reason?: string;
};

export type Operation = {
  /** "Create the key pair", "Delete web-01", in the chosen language: used in the generic words. */
  what: string;
  /** Words for the codes this operation knows better (KPS.6011 on hosting, …); null to fall through. */
  explain?: (error: ApiError) => ErrorWords | null;
  /** A title for every common failure ("Could not load the key pairs"), where one reads better. */
  failedTitle?: string;
};

/**
 * The words for every failure, in one place: an operation's own first, then the common ones,
 * in the language chosen now. Called while rendering, beside the caller's own `useWords`.
 */
export function explainError(error: unknown, operation: Operation): ErrorExplanation {
  const t = errorWords.get();
  if (!isApiError(error)) {
    return {
      reason: "unexpected",
      title: t.unexpectedTitle({ what: operation.what }),
      text: t.unexpectedText,
      action: t.unexpectedAction,
      code: null,
      serviceMessage: null,
      requestId: null,
    };
  }
  const facts = {
    code: error.code,
    serviceMessage: error.serviceMessage,
    requestId: error.requestId,
  };
  const own = operation.explain?.(error);
  if (own) return { reason: "operation", ...own, ...facts };
  const words = commonWords(error, operation.what);
  return { ...words, title: operation.failedTitle ?? words.title, ...facts };
}

function commonWords(error: ApiError, what: string): ErrorWords & { reason: string } {
  const t = errorWords.get();
  if (error.status === 0 && error.code === "TIMEOUT") {
    return {
      reason: "client.timeout",
      title: t.timeoutTitle,
      text: t.timeoutText,
      action: t.tryAgainOrReport,
    };
  }
  if (error.status === 0 && error.code === "NETWORK") {
    return {
      reason: "client.network",
      title: t.networkTitle,
      text: t.networkText,
      action: t.networkAction,
    };
  }
  if (error.code === "BAD_RESPONSE") {
    return {
      reason: "client.badResponse",
      title: t.badResponseTitle,
      text: t.badResponseText,
      action: t.tryAgainOrReport,
    };
  }
  if (error.status === 401) {
    return {
      reason: "unauthorized",
      title: t.unauthorizedTitle,
      text: t.unauthorizedText,
      action: t.unauthorizedAction,
    };
  }
  if (error.status === 403 || error.code === "KPS.9003") {
    return {
      reason: "forbidden",
      title: t.forbiddenTitle,
      text: t.forbiddenText({ what: what.toLowerCase() }),
      action: t.forbiddenAction,
    };
  }
  if (isKeypairGone(error)) {
    return { reason: "gone", title: t.goneTitle, text: t.goneText, action: t.goneAction };
  }
  if (error.status === 429) {
    return {
      reason: "rateLimited",
      title: t.rateLimitedTitle,
      text: t.rateLimitedText,
      action: error.retryAfter
        ? t.rateLimitedAction({ seconds: error.retryAfter })
        : t.rateLimitedActionMinute,
    };
  }
  if (error.status === 504 || error.status === 0) {
    return {
      reason: "noAnswer",
      title: t.noAnswerTitle,
      text: t.noAnswerText,
      action: t.tryLaterOrReport,
    };
  }
  if (error.status >= 500) {
    return {
      reason: "serverFailed",
      title: t.serverFailedTitle,
      text: t.serverFailedText({ what: what.toLowerCase() }),
      action: t.tryLaterOrReport,
    };
  }
  return {
    reason: "refused",
    title: t.refusedTitle({ what }),
    text: t.refusedText,
    action: t.refusedAction,
  };
}
