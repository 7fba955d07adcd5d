import { useEffect } from "react";
import { endSession } from "../../lib/end-session.ts";
import type { Session } from "../../lib/session.ts";
import { hideIdleWarning, showIdleWarning } from "./components/idle-warning.tsx";
import { startIdleTimer } from "./idle-timer.ts";

export const INACTIVITY_TIMEOUT_MS = 15 * 60_000;
export const INACTIVITY_WARNING_MS = 60_000;

const DELIBERATE = ["keydown", "pointerdown", "touchstart"] as const;
const PASSIVE = ["pointermove", "wheel", "scroll"] as const;

/** Signs out after 15 minutes without input, warning a minute before, and when the token expires. */
export function useSessionGuard(session: Session): void {
  useEffect(() => {
    const idle = startIdleTimer({
      timeoutMs: INACTIVITY_TIMEOUT_MS,
      warnBeforeMs: INACTIVITY_WARNING_MS,
      onWarn: () => showIdleWarning(() => idle.activity()),
      onActive: hideIdleWarning,
      onIdle: () => {
        hideIdleWarning();
        endSession("inactivity");
      },
    });
    const deliberate = () => idle.activity("deliberate");
    const passive = () => idle.activity("passive");
    // Capture: scroll does not bubble, and a handler that stops propagation must not hide input.
    const options = { capture: true, passive: true };
    for (const name of DELIBERATE) window.addEventListener(name, deliberate, options);
    for (const name of PASSIVE) window.addEventListener(name, passive, options);
    return () => {
      idle.stop();
      hideIdleWarning();
      for (const name of DELIBERATE) window.removeEventListener(name, deliberate, options);
      for (const name of PASSIVE) window.removeEventListener(name, passive, options);
    };
  }, []);
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
