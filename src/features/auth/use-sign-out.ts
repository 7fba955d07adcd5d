import { useCallback } from "react";
import { endSession } from "../../lib/end-session.ts";
import type { SignOutReason } from "../../lib/session.ts";

export function useSignOut(): (reason?: SignOutReason) => void {
  return useCallback((reason: SignOutReason = "user") => {
    endSession(reason);
  }, []);
}
