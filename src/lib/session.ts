import { useSyncExternalStore } from "react";

/**
 * The signed-in session lives in memory only (security.md: never localStorage), so a reload or
 * a closed tab signs the user out and nothing outlives the page.
 */
export type Session = {
  token: string;
  expiresAt: string;
  /** When a password was last checked (epoch ms, this browser's clock); unknown in old tests. */
  authAt?: number;
  account: string;
  project: { id: string; name: string };
  user: { id: string; name: string };
  roles: string[];
};

export type SignOutReason = "user" | "inactivity" | "expired" | "unauthorized";

let current: Session | null = null;
let lastReason: SignOutReason | null = null;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session): void {
  current = session;
  lastReason = null;
  emit();
}

export function clearSession(reason: SignOutReason): void {
  current = null;
  lastReason = reason;
  emit();
}

export function lastSignOutReason(): SignOutReason | null {
  return lastReason;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

/** For what renders only while signed in; a null session there is a bug, not a state. */
export function useSignedInSession(): Session {
  const session = useSession();
  if (!session) throw new Error("Rendered outside a signed-in session.");
  return session;
}
