import type { SignInFailure } from "./sign-in-failure.ts";
import type { signInWords } from "./words/sign-in-en.ts";
import type { signInFailureWords } from "./words/sign-in-failure-en.ts";

type Words = Pick<ReturnType<typeof signInWords.get>, "failedUnexpected" | "codeNeeded"> &
  ReturnType<typeof signInFailureWords.get>;

/** The failure in words the user can act on, after IAM's own. */
export function signInErrorText(failure: SignInFailure, t: Words): string {
  const said = failure.iamMessage ? `${t.iamSaid({ message: failure.iamMessage })} ` : "";
  switch (failure.reason) {
    case "unexpected":
      return t.failedUnexpected;
    case "throttled":
      return failure.retryAfter
        ? t.tooManyAttempts({ seconds: failure.retryAfter })
        : t.tooManyAttemptsMoment;
    case "project":
      return said + t.checkProject;
    case "credentials":
      return said + t.wrongCredentials;
    case "codeNeeded":
      return t.codeNeeded;
    case "codeWrong":
      return t.codeWrong;
    case "codeUsed":
      return t.codeUsed;
    case "refused":
      return said || t.refusedOther;
  }
}
