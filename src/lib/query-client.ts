import { notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-error.ts";
import { revokeAllObjectUrls } from "./download.ts";
import { clearSession, getSession } from "./session.ts";

/**
 * A failed first load is shown in place by the page; only a failed background refetch (when
 * good data is already on screen) earns a toast, so errors never show twice. A 401 on any read
 * means the token is gone (expired, revoked elsewhere): the console signs out at once.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && getSession()) {
          clearSession("unauthorized");
          client.clear();
          revokeAllObjectUrls();
          return;
        }
        if (query.state.data === undefined) return;
        notifications.show({ color: "red", title: "Could not refresh", message: error.message });
      },
    }),
    // Export results hold key material: with gcTime 0 nothing keeps a finished mutation once
    // its component lets go of it (reset or unmount).
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false, gcTime: 0 },
    },
  });
  return client;
}
