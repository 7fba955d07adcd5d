import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { createQueryClient } from "../lib/query-client.ts";

let current: QueryClient | null = null;

/**
 * The signed-in console's query client, made before its first render when a session appears
 * (the list's first page can then be asked for at once), and the same one until the console
 * goes: one made by a render that never committed is the one the console then uses.
 */
export function consoleQueryClient(): QueryClient {
  current ??= createQueryClient();
  return current;
}

/**
 * The query cache belongs to the signed-in console: nothing before sign-in reads through it, so
 * TanStack Query stays out of the first load, and signing out unmounts it with what it held.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(consoleQueryClient);
  useEffect(
    () => () => {
      if (current === client) current = null;
    },
    [client],
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
