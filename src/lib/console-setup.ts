import {
  CONSOLE_SETUP_PATH,
  type ConsoleSetup,
  consoleSetupSchema,
} from "../../contract/console.ts";
import { apiJson } from "./api-client.ts";

let answered: Promise<ConsoleSetup> | null = null;

/**
 * GET /console/setup, once per page: the sign-in form asks for it and the console's export
 * policy reads the same answer rather than asking again at sign-in, beside the list's first
 * pages. What the server says of itself does not change while it runs; a failed read is not
 * kept, so the next caller asks again.
 */
export function fetchConsoleSetup(): Promise<ConsoleSetup> {
  answered ??= apiJson(CONSOLE_SETUP_PATH, consoleSetupSchema, { token: null }).then(
    ({ data }) => data,
    (error: unknown) => {
      answered = null;
      throw error;
    },
  );
  return answered;
}

/** A fresh page's state, for tests that each play a page of their own. */
export function forgetConsoleSetup(): void {
  answered = null;
}
