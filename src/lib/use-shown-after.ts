import { useEffect, useState } from "react";

/**
 * True once `active` has held for `delayMs`, false as soon as it ends. For a busy state that is
 * worth showing only when the wait is long enough to notice: drawing it for a quick request
 * costs that request a frame and the user a flash.
 */
export function useShownAfter(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return active && shown;
}
