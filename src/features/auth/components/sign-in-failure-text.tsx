import { useWords } from "../../../lib/i18n/i18n.ts";
import { signInErrorText } from "../sign-in-error.ts";
import type { SignInFailure } from "../sign-in-failure.ts";
import { signInWords } from "../words/sign-in-en.ts";
import { signInFailureWords } from "../words/sign-in-failure-en.ts";

/** A refused sign-in in words the user can act on, in the language chosen now. */
export function SignInFailureText({ failure }: { failure: SignInFailure }) {
  const t = { ...useWords(signInWords), ...useWords(signInFailureWords) };
  return signInErrorText(failure, t);
}
