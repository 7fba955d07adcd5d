import { useIdle } from "@mantine/hooks";
import { useEffect } from "react";
import { endSession } from "../../lib/end-session.ts";
import type { Session } from "../../lib/session.ts";

export const INACTIVITY_TIMEOUT_MS = 15 * 60_000;

/** Signs out after 15 minutes without input and when the token expires. */
export function useSessionGuard(session: Session): void {
  const idle = useIdle(INACTIVITY_TIMEOUT_MS, {
    initialState: false,
    events: ["keydown", "pointerdown", "wheel", "touchstart", "scroll"],
  });
  useEffect(() => {
    if (idle) endSession("inactivity");
  }, [idle]);
  useEffect(() => {
    const remaining = Date.parse(session.expiresAt) - Date.now();
    if (Number.isNaN(remaining)) return;
    // setTimeout overflows past ~24.8 days; tokens live 24 hours.
    const timer = setTimeout(
      () => endSession("expired"),
      Math.max(0, Math.min(remaining, 2 ** 31 - 1)),
    );
    return () => clearTimeout(timer);
  }, [session.expiresAt]);
}
