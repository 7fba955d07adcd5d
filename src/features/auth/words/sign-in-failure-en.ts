import { params } from "@nanostores/i18n";
import { defineWords } from "../../../lib/i18n/i18n.ts";

// What IAM's refusals of a sign-in mean. Apart from the form's words: they load with the request
// code, since nothing shows them before an answer came back.

export const signInFailureWords = defineWords("auth/sign-in-failure", {
  iamSaid: params("IAM said: “{message}”"),
  tooManyAttempts: params("Too many sign-in attempts. Wait {seconds} seconds and try again."),
  tooManyAttemptsMoment: "Too many sign-in attempts. Wait a moment and try again.",
  checkProject:
    "Check the project name: this user may not have access to that project, or it does not exist.",
  wrongCredentials: "The account name, user name or password is wrong. Check them and try again.",
  refusedOther: "IAM refused the sign-in.",
  codeWrong: "The verification code is wrong. Enter the code the authenticator app shows now.",
  codeUsed: "This code was already used. Wait for the next code and enter it.",
});
