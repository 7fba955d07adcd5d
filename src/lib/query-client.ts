import { notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, type QueryKey } from "@tanstack/react-query";
import { isApiError } from "./api-error.ts";
import { endSession } from "./end-session.ts";
import { explainError } from "./explain-error.ts";
import { getSession, subscribeSession } from "./session.ts";
import { errorWords } from "./words/en.ts";

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: {
      /** What the mutation may have changed; refetched when it settles, failed or not. */
      invalidates?: readonly QueryKey[];
      /** A 401 here is an answer (a wrong password on step-up), not the session's end. */
      keepsSessionOn401?: boolean;
    };
  }
}

function endsSession(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && getSession() !== null;
}

/**
 * A failed first load is shown in place by the page; only a failed background refetch (when
 * good data is already on screen) earns a toast, so errors never show twice. A 401 anywhere
 * means the token is gone (expired, revoked elsewhere): the console signs out at once.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (endsSession(error)) {
          endSession("unauthorized");
          return;
        }
        if (query.state.data === undefined) return;
        const t = errorWords.get();
        const { text, action } = explainError(error, { what: t.refreshWhat });
        notifications.show({ color: "red", title: t.refreshFailed, message: `${text} ${action}` });
      },
    }),
    // Export results hold key material: with gcTime 0 nothing keeps a finished mutation once
    // its component lets go of it (reset or unmount).
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (endsSession(error) && !mutation.meta?.keepsSessionOn401) endSession("unauthorized");
      },
      // A failed batch may still have changed some rows, so invalidation waits for either end.
      onSettled: (_data, _error, _variables, _result, mutation) => {
        for (const queryKey of mutation.meta?.invalidates ?? []) {
          client.invalidateQueries({ queryKey });
        }
      },
    }),
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
  // Whatever ends the session, nothing read under it outlives it.
  subscribeSession(() => {
    if (getSession()) return;
    client.cancelQueries();
    client.clear();
  });
  return client;
}
