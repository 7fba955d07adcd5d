import { queryOptions } from "@tanstack/react-query";
import { CONSOLE_SETUP_PATH, consoleSetupSchema } from "../../../../contract/console.ts";
import { apiJson } from "../../../lib/api-client.ts";

/** What the server says about itself before sign-in: today only whether it runs the demo. */
export const consoleSetupQuery = queryOptions({
  queryKey: ["console", "setup"],
  queryFn: async ({ signal }) =>
    (await apiJson(CONSOLE_SETUP_PATH, consoleSetupSchema, { token: null, signal })).data,
  staleTime: Number.POSITIVE_INFINITY,
  // Without it the form is still complete; a failed fetch must not show an error or retry.
  retry: false,
});
