import { EXPORT_AUDIT_ERRORS } from "../../../contract/export-audit.ts";
import { isApiError } from "../../lib/api-error.ts";

export type SignInFailure = {
  reason:
    | "project"
    | "credentials"
    | "codeNeeded"
    | "codeWrong"
    | "codeUsed"
    | "throttled"
    | "refused"
    | "unexpected";
  /** IAM's own words, quoted beside ours. */
  iamMessage: string | null;
  retryAfter: number | null;
  /** With "codeNeeded": the user whose code the next try carries (IAM.7101 names it). */
  userId: string | null;
};

// IAM answers 401 both for a wrong password and for a project the user may not use; only its
// words tell them apart, so blaming the password is right only when IAM did.
const MENTIONS_PROJECT = /project|项目/i;

/**
 * What a failed sign-in was, from IAM's answer. Read only once an answer came back, so it loads
 * with the request code rather than with the form.
 */
export function signInFailure(error: unknown): SignInFailure {
  if (!isApiError(error)) {
    return { reason: "unexpected", iamMessage: null, retryAfter: null, userId: null };
  }
  const facts = {
    iamMessage: error.serviceMessage,
    retryAfter: error.retryAfter,
    userId: error.userId,
  };
  if (error.status === 429) return { reason: "throttled", ...facts };
  // Our MFA refusals carry their own code: the password was right, the code is the question.
  if (error.code === EXPORT_AUDIT_ERRORS.mfaRequired) return { reason: "codeNeeded", ...facts };
  if (error.code === EXPORT_AUDIT_ERRORS.mfaCodeWrong) return { reason: "codeWrong", ...facts };
  if (error.code === EXPORT_AUDIT_ERRORS.mfaCodeReplayed) return { reason: "codeUsed", ...facts };
  const aboutProject = error.serviceMessage !== null && MENTIONS_PROJECT.test(error.serviceMessage);
  if (aboutProject || error.status === 403 || error.status === 404) {
    return { reason: "project", ...facts };
  }
  if (error.status === 401) return { reason: "credentials", ...facts };
  return { reason: "refused", ...facts };
}
