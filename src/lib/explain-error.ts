import { type ApiError, isApiError, isKeypairGone } from "./api-error.ts";

export type ErrorExplanation = {
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

export type ErrorWords = Pick<ErrorExplanation, "title" | "text" | "action">;

export type Operation = {
  /** "Create the key pair", "Delete web-01": used in the generic words. */
  what: string;
  /** Words for the codes this operation knows better (KPS.6011 on hosting, …); null to fall through. */
  explain?: (error: ApiError) => ErrorWords | null;
  /** A title for every common failure ("Could not load the key pairs"), where one reads better. */
  failedTitle?: string;
};

const REPORT = "if it keeps failing, report the request id to support.";

const CLIENT_FAILURES: Record<string, ErrorWords> = {
  TIMEOUT: {
    title: "No answer",
    text: "The server did not answer in time.",
    action: "Try again.",
  },
  NETWORK: {
    title: "No connection",
    text: "The server could not be reached.",
    action: "Check the connection and try again.",
  },
  BAD_RESPONSE: {
    title: "Unreadable answer",
    text: "The server answered with a body this console does not understand.",
    action: `Try again; ${REPORT}`,
  },
};

/** The words for every failure, in one place: an operation's own first, then the common ones. */
export function explainError(error: unknown, operation: Operation): ErrorExplanation {
  if (!isApiError(error)) {
    return {
      title: `${operation.what} failed`,
      text: "Something failed unexpectedly in the console.",
      action: "Try again; if it keeps failing, reload the page.",
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
  if (own) return { ...own, ...facts };
  const words = commonWords(error, operation.what);
  return { ...words, title: operation.failedTitle ?? words.title, ...facts };
}

function commonWords(error: ApiError, what: string): ErrorWords {
  const client = CLIENT_FAILURES[error.code];
  if (error.status === 0 && client) return client;
  if (error.status === 401) {
    return {
      title: "Signed out by the service",
      text: "Your session is no longer valid.",
      action: "Sign in again, then repeat what you were doing.",
    };
  }
  if (error.status === 403 || error.code === "KPS.9003") {
    return {
      title: "Not permitted",
      text: `Your IAM user may not do this in this project (${what.toLowerCase()}).`,
      action: "Ask an administrator for a policy that allows it, such as DEW KeypairFullAccess.",
    };
  }
  if (isKeypairGone(error)) {
    return {
      title: "Key pair not found",
      text: "KPS no longer has this key pair; it may have been deleted since the list was loaded.",
      action: "Refresh the list to see what is there now.",
    };
  }
  if (error.status === 429) {
    const wait = error.retryAfter ? `${error.retryAfter} seconds` : "a minute";
    return {
      title: "Too many requests",
      text: "KPS limits how often this can be done.",
      action: `Wait ${wait} and try again.`,
    };
  }
  if (error.status === 504 || error.status === 0) {
    return {
      title: "No answer from KPS",
      text: "KPS did not answer in time.",
      action: `Try again in a moment; ${REPORT}`,
    };
  }
  if (error.status >= 500) {
    return {
      title: "The service failed",
      text: `KPS could not complete this: ${what.toLowerCase()}.`,
      action: `Try again in a moment; ${REPORT}`,
    };
  }
  return {
    title: `${what}: refused`,
    text: "KPS refused the request; its reason is below.",
    action: "Correct what it names and try again.",
  };
}
