import { type ApiError, isApiError, isKeypairGone } from "../../lib/api-error.ts";
import { type ErrorExplanation, type ErrorWords, explainError } from "../../lib/explain-error.ts";
import { RefusedArchiveError } from "./api/batch-export.ts";

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
  const key = namedKey(error.message, names);
  const refreshed = "The list has been refreshed and it left the selection: export the others.";
  if (error.code === "KPS.6005") {
    return {
      title: "Private key no longer hosted",
      text: `The private key of ${key ?? "one of the selected key pairs"} is no longer hosted by KPS, so it cannot be exported.`,
      action:
        "The list has been refreshed and that key pair left the selection: export the others.",
    };
  }
  if (error.code === "KPS.9004") {
    return {
      title: "Key pair frozen",
      text: `${key ?? "One of the selected key pairs"} is frozen, so its private key cannot be exported.`,
      action:
        "The list has been refreshed and it left the selection: export the others, or have the freeze lifted first.",
    };
  }
  if (error.code === "KPS.9003" || error.status === 403) {
    return {
      title: "No permission to export",
      text: "Your IAM user may not export private keys in this project.",
      action:
        "Ask an administrator for a policy with kps:SSHKeyPair:exportPrivateKey (for example DEW KeypairFullAccess).",
    };
  }
  if (isListStale(error)) {
    return {
      title: "Key pair not found",
      text: `${key ?? "One of the selected key pairs"} no longer exists; it may have been deleted.`,
      action: refreshed,
    };
  }
  if (error.status === 429) {
    const wait = error.retryAfter ? `${error.retryAfter} seconds` : "a minute";
    return {
      title: "Too many exports",
      text: "KPS limits how often private keys can be exported.",
      action: `Wait ${wait} and try again.`,
    };
  }
  if (error.status >= 500) {
    return {
      title: error.status === 504 ? "No answer from KPS" : "The service failed",
      text:
        error.status === 504
          ? "KPS did not answer in time. No zip was sent."
          : "KPS could not complete the export. No zip was sent.",
      action: "Try again in a moment; if it keeps failing, report the request id to support.",
    };
  }
  if (error.status >= 400 && error.status !== 401) {
    return {
      title: "Export refused",
      text: "KPS refused the export request.",
      action: "Check the selection and try again.",
    };
  }
  return null;
}

export function explainExportError(
  error: unknown,
  names: readonly string[],
): ExportErrorExplanation {
  if (error instanceof RefusedArchiveError) {
    return {
      reason: "archive.refused",
      title: "The archive was refused",
      text: error.message,
      action:
        "Nothing was saved. Try the export again; if it happens again, report the request id to support.",
      code: null,
      serviceMessage: null,
      requestId: error.requestId,
      listStale: false,
    };
  }
  const explained = explainError(error, {
    what: "Export",
    explain: (apiError) => exportWords(apiError, names),
  });
  return { ...explained, listStale: isListStale(error) };
}
