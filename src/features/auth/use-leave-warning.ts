import { useEffect } from "react";

/**
 * Asks before a reload or a closed tab while signed in: the token lives in memory only, so
 * leaving signs the user out. Browsers show their own words; the handler only asks.
 */
export function useLeaveWarning(): void {
  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chrome before 119 and Safari still want returnValue set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, []);
}
