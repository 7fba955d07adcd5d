import { queryOptions } from "@tanstack/react-query";
import { fetchConsoleSetup } from "../../../lib/console-setup.ts";

/** Whether this console server embeds KPS or proxies to the cloud, where CTS holds no reason. */
export const consoleModeOptions = queryOptions({
  queryKey: ["console-setup", "mode"],
  queryFn: async () => (await fetchConsoleSetup()).mode ?? "embedded",
  staleTime: Number.POSITIVE_INFINITY,
});
