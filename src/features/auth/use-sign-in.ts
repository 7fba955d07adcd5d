import { useCallback, useEffect, useRef, useState } from "react";
import type { Session } from "../../lib/session.ts";
import type { SignInInput } from "./api/auth-api.ts";

// The request code (with the contract's validators) is not needed to draw the form: it loads
// while the user types, like the signed-in console does.
const loadAuthApi = () => import("./api/auth-api.ts");

type SignInState = { pending: boolean; error: unknown };

/**
 * Signing in, without TanStack Query: its client lives in the signed-in shell, and a sign-in
 * needs no cache, only pending and error. A second submit while one is in flight is ignored.
 */
export function useSignIn() {
  const [state, setState] = useState<SignInState>({ pending: false, error: null });
  const inFlight = useRef(false);
  useEffect(() => {
    loadAuthApi().catch(() => undefined);
  }, []);
  const submit = useCallback(async (input: SignInInput): Promise<Session | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setState({ pending: true, error: null });
    try {
      const session = await (await loadAuthApi()).signIn(input);
      setState({ pending: false, error: null });
      return session;
    } catch (error) {
      setState({ pending: false, error });
      return null;
    } finally {
      inFlight.current = false;
    }
  }, []);
  return { ...state, isError: state.error !== null, submit };
}
