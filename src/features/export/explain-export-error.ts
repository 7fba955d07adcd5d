import { isApiError } from "../../lib/api-error.ts";
import { RefusedArchiveError } from "./api/batch-export.ts";

export type ExportErrorExplanation = {
  title: string;
  /** What happened, in plain words. */
  text: string;
  /** What the user can do about it. */
  action: string;
  code: string | null;
  serverMessage: string | null;
  requestId: string | null;
  /** The list no longer matches the service and should be reloaded. */
  listStale: boolean;
  signInAgain: boolean;
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

export function explainExportError(
  error: unknown,
  names: readonly string[],
): ExportErrorExplanation {
  const base = {
    code: null,
    serverMessage: null,
    requestId: null,
    listStale: false,
    signInAgain: false,
  };
  if (error instanceof RefusedArchiveError) {
    return {
      ...base,
      requestId: error.requestId,
      title: "The archive was refused",
      text: error.message,
      action:
        "Nothing was saved. Try the export again; if it happens again, report the request id to support.",
    };
  }
  if (!isApiError(error)) {
    return {
      ...base,
      title: "Export failed",
      text: "The export failed unexpectedly.",
      action: "Try again.",
    };
  }
  const common = {
    ...base,
    code: error.code,
    serverMessage: error.message,
    requestId: error.requestId,
  };
  const key = namedKey(error.message, names);
  if (error.code === "KPS.6005") {
    return {
      ...common,
      listStale: true,
      title: "Private key no longer hosted",
      text: `The private key of ${key ?? "one of the selected key pairs"} is no longer hosted by KPS, so it cannot be exported.`,
      action:
        "The list has been refreshed and that key pair left the selection: export the others.",
    };
  }
  if (error.code === "KPS.9004") {
    return {
      ...common,
      listStale: true,
      title: "Key pair frozen",
      text: `${key ?? "One of the selected key pairs"} is frozen, so its private key cannot be exported.`,
      action:
        "The list has been refreshed and it left the selection: export the others, or have the freeze lifted first.",
    };
  }
  if (error.code === "KPS.9003") {
    return {
      ...common,
      title: "No permission to export",
      text: "Your IAM user may not export private keys in this project.",
      action:
        "Ask an administrator for a policy with kps:SSHKeyPair:exportPrivateKey (for example DEW KeypairFullAccess).",
    };
  }
  if (error.code === "KPS.4016" || error.code === "KPS.6004" || error.status === 404) {
    return {
      ...common,
      listStale: true,
      title: "Key pair not found",
      text: `${key ?? "One of the selected key pairs"} no longer exists; it may have been deleted.`,
      action: "The list has been refreshed and it left the selection: export the others.",
    };
  }
  if (error.status === 401) {
    return {
      ...common,
      signInAgain: true,
      title: "Signed out by the service",
      text: "Your session is no longer valid.",
      action: "Sign in again, then repeat the export.",
    };
  }
  if (error.status === 429) {
    const wait = error.retryAfter ? `${error.retryAfter} seconds` : "a minute";
    return {
      ...common,
      title: "Too many exports",
      text: "KPS limits how often private keys can be exported.",
      action: `Wait ${wait} and try again.`,
    };
  }
  if (error.status === 0) {
    return { ...common, title: "No answer", text: error.message, action: "Try again." };
  }
  if (error.status === 504) {
    return {
      ...common,
      title: "No answer from KPS",
      text: "KPS did not answer in time. No zip was sent.",
      action: "Try again in a moment; if it keeps failing, report the request id to support.",
    };
  }
  if (error.status >= 500) {
    return {
      ...common,
      title: "The service failed",
      text: "KPS could not complete the export. No zip was sent.",
      action: "Try again in a moment; if it keeps failing, report the request id to support.",
    };
  }
  return {
    ...common,
    title: "Export refused",
    text: "KPS refused the export request.",
    action: "Check the selection and try again.",
  };
}
