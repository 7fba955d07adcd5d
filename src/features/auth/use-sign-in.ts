import { type ComponentType, useCallback, useEffect, useRef, useState } from "react";
import type { Session } from "../../lib/session.ts";
import type { SignInInput } from "./api/auth-api.ts";
import type { SignInFailure } from "./sign-in-failure.ts";

// The request code (with the contract's validators) and the reading of IAM's refusals are not
// needed to draw the form: they load while the user types, like the signed-in console does.
type Attempt = typeof import("./sign-in-attempt.ts");
let loadedAttempt: Attempt | null = null;
const loadAttempt = () =>
  import("./sign-in-attempt.ts").then((module) => {
    loadedAttempt = module;
    return module;
  });

type SignInState = {
  pending: boolean;
  failure: SignInFailure | null;
  /** Says what the failure was; null when the code that knows could not be fetched. */
  FailureText: ComponentType<{ failure: SignInFailure }> | null;
};

// Here, not in ./sign-in-failure.ts: importing that module would bring it into the first load.
const UNEXPECTED_FAILURE: SignInFailure = {
  reason: "unexpected",
  iamMessage: null,
  retryAfter: null,
  userId: null,
};

/**
 * Signing in, without TanStack Query: its client lives in the signed-in shell, and a sign-in
 * needs no cache, only pending and what went wrong. A second submit while one is in flight is
 * ignored.
 */
export function useSignIn() {
  const [state, setState] = useState<SignInState>({
    pending: false,
    failure: null,
    FailureText: null,
  });
  const inFlight = useRef(false);
  useEffect(() => {
    loadAttempt().catch(() => undefined);
  }, []);
  const submit = useCallback(async (input: SignInInput): Promise<Session | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    // With its code at hand (it loads while the user types), the request goes out in the
    // click's own task, before the form is redrawn as pending, not a task and a render later.
    const early = loadedAttempt?.attemptSignIn(input);
    setState({ pending: true, failure: null, FailureText: null });
    try {
      const attempt = loadedAttempt ?? (await loadAttempt());
      const outcome = await (early ?? attempt.attemptSignIn(input));
      // Signed in, the form stays as it is, pending, until the console replaces it (see App).
      if ("session" in outcome) return outcome.session;
      setState({
        pending: false,
        failure: outcome.failure,
        FailureText: attempt.SignInFailureText,
      });
      return null;
    } catch {
      // The code itself could not be fetched: nothing was sent.
      setState({ pending: false, failure: UNEXPECTED_FAILURE, FailureText: null });
      return null;
    } finally {
      inFlight.current = false;
    }
  }, []);
  return { ...state, submit };
}
