import { isApiError } from "../../lib/api-error.ts";

// IAM answers 401 both for a wrong password and for a project the user may not use; only its
// words tell them apart, so blaming the password is right only when IAM did.
const MENTIONS_PROJECT = /project/i;

/** IAM's answers to a failed sign-in, in words the user can act on, with IAM's own words. */
export function signInErrorText(error: unknown): string {
  if (!isApiError(error)) return "Sign-in failed. Try again.";
  const said = error.serviceMessage ? `IAM said: “${error.serviceMessage}” ` : "";
  if (error.status === 429) {
    const wait = error.retryAfter ? `${error.retryAfter} seconds` : "a moment";
    return `Too many sign-in attempts. Wait ${wait} and try again.`;
  }
  const aboutProject = error.serviceMessage !== null && MENTIONS_PROJECT.test(error.serviceMessage);
  if (aboutProject || error.status === 403 || error.status === 404) {
    return `${said}Check the project name: this user may not have access to that project, or it does not exist.`;
  }
  if (error.status === 401) {
    return `${said}The account name, user name or password is wrong. Check them and try again.`;
  }
  return error.message;
}
