import { queryOptions } from "@tanstack/react-query";
import { CONSOLE_SETUP_PATH, consoleSetupSchema } from "../../../../contract/console.ts";
import { apiJson } from "../../../lib/api-client.ts";

/** Whether this console server embeds KPS or proxies to the cloud, where CTS holds no reason. */
export const consoleModeOptions = queryOptions({
  queryKey: ["console-setup", "mode"],
  queryFn: async ({ signal }) => {
    const { data } = await apiJson(CONSOLE_SETUP_PATH, consoleSetupSchema, {
      token: null,
      signal,
    });
    return data.mode ?? "embedded";
  },
  staleTime: Number.POSITIVE_INFINITY,
});
