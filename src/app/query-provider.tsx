import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { createQueryClient } from "../lib/query-client.ts";

/**
 * The query cache belongs to the signed-in console: nothing before sign-in reads through it, so
 * TanStack Query stays out of the first load, and signing out unmounts it with what it held.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
