import { useEffect, useState } from "react";
import type { ConsoleSetup } from "../../../contract/console.ts";

/**
 * The server's setup, fetched once per page when the sign-in form shows (the console reads the
 * same answer). Not a query: the query client lives in the signed-in shell, and the request
 * code (with zod) is imported on demand, so it stays out of the first load.
 * A failure leaves the form complete without it, with no error and no retry.
 */
export function useConsoleSetup(): ConsoleSetup | null {
  const [setup, setSetup] = useState<ConsoleSetup | null>(null);
  useEffect(() => {
    let mounted = true;
    import("../../lib/console-setup.ts")
      .then((api) => api.fetchConsoleSetup())
      .then(
        (answer) => {
          if (mounted) setSetup(answer);
        },
        () => undefined,
      );
    return () => {
      mounted = false;
    };
  }, []);
  return setup;
}
