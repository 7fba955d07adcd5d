import { CONSOLE_SETUP_PATH, consoleSetupSchema } from "../../../../contract/console.ts";
import { apiJson } from "../../../lib/api-client.ts";

/** What the server says about itself before sign-in: today only whether it runs the demo. */
export async function fetchConsoleSetup(signal: AbortSignal) {
  return (await apiJson(CONSOLE_SETUP_PATH, consoleSetupSchema, { token: null, signal })).data;
}
