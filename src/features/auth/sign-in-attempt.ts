import type { Session } from "../../lib/session.ts";
import { type SignInInput, signIn } from "./api/auth-api.ts";
import { type SignInFailure, signInFailure } from "./sign-in-failure.ts";

// What a refusal means comes with the request that can be refused: the form shows it only then.
export { SignInFailureText } from "./components/sign-in-failure-text.tsx";

export type SignInOutcome = { session: Session } | { failure: SignInFailure };

/** One sign-in and, when refused, what the refusal was: the part of signing in that loads late. */
export async function attemptSignIn(input: SignInInput): Promise<SignInOutcome> {
  try {
    return { session: await signIn(input) };
  } catch (error) {
    return { failure: signInFailure(error) };
  }
}
