import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { revokeAllObjectUrls } from "../../lib/download.ts";
import { clearSession, getSession, type SignOutReason } from "../../lib/session.ts";
import { revokeToken } from "./api/auth-api.ts";

/**
 * Clears everything the browser holds first (token, cached data, object URLs), then revokes the
 * token on the server; a failed revoke must not keep the user signed in here.
 */
export function useSignOut(): (reason?: SignOutReason) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (reason: SignOutReason = "user") => {
      const token = getSession()?.token;
      clearSession(reason);
      queryClient.cancelQueries();
      queryClient.clear();
      revokeAllObjectUrls();
      if (token) revokeToken(token).catch(() => undefined);
    },
    [queryClient],
  );
}
