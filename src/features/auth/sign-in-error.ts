import { isApiError } from "../../lib/api-error.ts";

/** IAM's answers to a failed sign-in, in words the user can act on. */
export function signInErrorText(error: unknown): string {
  if (!isApiError(error)) return "Sign-in failed. Try again.";
  if (error.status === 401) {
    return "The account name, user name or password is wrong. Check them and try again.";
  }
  if (error.status === 429) {
    const wait = error.retryAfter ? `${error.retryAfter} seconds` : "a moment";
    return `Too many sign-in attempts. Wait ${wait} and try again.`;
  }
  if (error.status === 403 || error.status === 404) {
    return `${error.message} Check the project name: you may not have access to it.`;
  }
  return error.message;
}
