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
  code: "Verification code",
  codeHint: "Six digits from the authenticator app of your virtual MFA device",
  codeNeeded:
    "This user has a virtual MFA device: enter the six-digit code from the authenticator app to finish signing in.",
  demoMfa: "MFA secret of",
  demoTitle: "Demo accounts",
  demoAccount: "Account",
  demoUsers: "users",
  demoPassword: "password",
  listSeparator: ", ",
});
