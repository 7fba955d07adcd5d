/**
 * The account and user name of the last sign-in, kept across reloads so signing in again is
 * quick (a reload drops the in-memory token by design). Never the password, never the token:
 * both are absent from the type, so nothing else can be written here by mistake.
 */
export type RememberedSignIn = { account: string; user: string };

const KEY = "kps-console.last-sign-in";
// IAM names are at most 64 characters; anything longer was not written by us.
const MAX_LENGTH = 64;

function isName(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_LENGTH;
}

export function readRememberedSignIn(): RememberedSignIn | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "null");
    if (typeof parsed !== "object" || parsed === null) return null;
    const { account, user } = parsed as Record<string, unknown>;
    return isName(account) && isName(user) ? { account, user } : null;
  } catch {
    // Storage disabled or the entry garbled: start empty, as on a first visit.
    return null;
  }
}

export function rememberSignIn({ account, user }: RememberedSignIn): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ account, user }));
  } catch {
    // Private mode or a full quota: remembering is a convenience, signing in still works.
  }
}
