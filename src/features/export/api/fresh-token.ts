import { revokeToken } from "../../../lib/end-session.ts";
import { getSession, type Session, setSession } from "../../../lib/session.ts";
import { passwordIdentity, requestToken } from "../../../lib/token-session.ts";

export type StepUpCredentials = {
  password: string;
  /** The six-digit code, once IAM has asked for it, and whose it is (IAM.7101's user id). */
  totp?: { userId: string; passcode: string };
};

/**
 * IAM's answer to the fresh sign-in, kept apart from an ApiError: its 401 means a wrong password
 * or code, not that the session is over, so it must not sign the user out.
 */
export class StepUpRefusedError extends Error {
  override name = "StepUpRefusedError";
  constructor(readonly cause: unknown) {
    super("STEP_UP_REFUSED");
  }
}

/**
 * A fresh token for the same user, account and project, from the password (and code): it
 * replaces the session's, and the old one is revoked, as a project switch does.
 */
export async function freshSignIn(
  session: Session,
  credentials: StepUpCredentials,
  signal?: AbortSignal,
): Promise<Session> {
  const body = {
    auth: {
      identity: passwordIdentity({
        account: session.account,
        user: session.user.name,
        password: credentials.password,
        totp: credentials.totp,
      }),
      scope: { project: { id: session.project.id } },
    },
  };
  let next: Session;
  try {
    next = await requestToken(body, session.account, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new StepUpRefusedError(error);
  }
  // Signed out or switched meanwhile: the fresh token is not this page's any more.
  if (getSession()?.token !== session.token) {
    revokeToken(next.token).catch(() => undefined);
    throw new DOMException("The session changed", "AbortError");
  }
  setSession(next);
  revokeToken(session.token).catch(() => undefined);
  return next;
}
