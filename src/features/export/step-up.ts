import { EXPORT_AUDIT_ERRORS } from "../../../contract/export-audit.ts";
import { isApiError } from "../../lib/api-error.ts";
import type { Session } from "../../lib/session.ts";
import { StepUpRefusedError } from "./api/fresh-token.ts";

/** What the confirmation asks for before it exports: nothing, the password, or it and a code. */
export type StepUp = { stage: "none" } | { stage: "password" } | { stage: "code"; userId: string };

export type StepUpProblem =
  | { code: "wrongPassword" }
  | { code: "codeNeeded" }
  | { code: "codeWrong" }
  | { code: "codeUsed" }
  | { code: "throttled"; seconds: number | null }
  | { code: "failed" };

// Asked a little before the server's window ends, so the export is not sent only to be refused;
// a tenth of a short window, so a 2-second one (the journeys') still lets one export through.
const MAX_MARGIN_MS = 5_000;

/** Whether the password was checked too long ago for this server to export; unknown is fresh. */
export function needsFreshAuth(session: Session | null, freshAuthSeconds: number, now: number) {
  if (!session || session.authAt === undefined) return false;
  const windowMs = freshAuthSeconds * 1000;
  return now - session.authAt > windowMs - Math.min(MAX_MARGIN_MS, windowMs / 10);
}

/** The server's own step-up refusal (403 KPS.7003): not a missing permission. */
export function isFreshAuthRefusal(error: unknown): boolean {
  return isApiError(error) && error.code === EXPORT_AUDIT_ERRORS.freshAuthRequired;
}

/** What the confirmation asks for after this failure. */
export function stepUpAfter(error: unknown, current: StepUp, session: Session | null): StepUp {
  if (isFreshAuthRefusal(error)) return current.stage === "none" ? { stage: "password" } : current;
  if (error instanceof StepUpRefusedError && isApiError(error.cause)) {
    if (error.cause.code === EXPORT_AUDIT_ERRORS.mfaRequired) {
      return { stage: "code", userId: error.cause.userId ?? session?.user.id ?? "" };
    }
  }
  return current;
}

/** Why the fresh sign-in failed, for the field that can fix it. */
export function stepUpProblem(error: unknown): StepUpProblem | null {
  if (!(error instanceof StepUpRefusedError)) return null;
  const cause = error.cause;
  if (!isApiError(cause)) return { code: "failed" };
  if (cause.status === 429) return { code: "throttled", seconds: cause.retryAfter };
  if (cause.code === EXPORT_AUDIT_ERRORS.mfaRequired) return { code: "codeNeeded" };
  if (cause.code === EXPORT_AUDIT_ERRORS.mfaCodeWrong) return { code: "codeWrong" };
  if (cause.code === EXPORT_AUDIT_ERRORS.mfaCodeReplayed) return { code: "codeUsed" };
  if (cause.status === 401) return { code: "wrongPassword" };
  return { code: "failed" };
}

/** KPS.7001/7002: the server refused the reason; the reason field says so. */
export function serverReasonRefusal(error: unknown): "required" | "invalid" | null {
  if (!isApiError(error)) return null;
  if (error.code === EXPORT_AUDIT_ERRORS.reasonRequired) return "required";
  if (error.code === EXPORT_AUDIT_ERRORS.reasonInvalid) return "invalid";
  return null;
}
