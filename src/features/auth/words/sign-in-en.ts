import { params } from "@nanostores/i18n";
import { defineWords } from "../../../lib/i18n/i18n.ts";

// The sign-in page's words, apart from the signed-in session's: they are the first load.

export const signInWords = defineWords("auth/sign-in", {
  title: "KPS Console",
  intro: "Sign in with your IAM user to manage SSH key pairs.",
  account: "Account name",
  user: "User name",
  password: "Password",
  showPassword: "Show or hide the password",
  project: "Project",
  projectHint: "The region project, for example cn-north-4",
  submit: "Sign in",
  signedOutTitle: "Signed out",
  signedOutInactivity: "You were signed out after 15 minutes without activity.",
  signedOutExpired: "Your session expired. Sign in again.",
  signedOutUnauthorized: "Your session is no longer valid. Sign in again.",
  failedTitle: "Could not sign in",
  failedUnexpected: "Sign-in failed. Try again.",
  iamSaid: params("IAM said: “{message}”"),
  tooManyAttempts: params("Too many sign-in attempts. Wait {seconds} seconds and try again."),
  tooManyAttemptsMoment: "Too many sign-in attempts. Wait a moment and try again.",
  checkProject:
    "Check the project name: this user may not have access to that project, or it does not exist.",
  wrongCredentials: "The account name, user name or password is wrong. Check them and try again.",
  refusedOther: "IAM refused the sign-in.",
  code: "Verification code",
  codeHint: "Six digits from the authenticator app of your virtual MFA device",
  codeNeeded:
    "This user has a virtual MFA device: enter the six-digit code from the authenticator app to finish signing in.",
  codeWrong: "The verification code is wrong. Enter the code the authenticator app shows now.",
  codeUsed: "This code was already used. Wait for the next code and enter it.",
  demoMfa: "MFA secret of",
  demoTitle: "Demo accounts",
  demoAccount: "Account",
  demoUsers: "users",
  demoPassword: "password",
  listSeparator: ", ",
});
