import { useEffect, useState } from "react";
import type { ConsoleSetup } from "../../../contract/console.ts";

/**
 * The server's setup, fetched once when the sign-in form shows. Not a query: the query client
 * lives in the signed-in shell, and the request code (with zod) stays out of the first load.
 * A failure leaves the form complete without it, with no error and no retry.
 */
export function useConsoleSetup(): ConsoleSetup | null {
  const [setup, setSetup] = useState<ConsoleSetup | null>(null);
  useEffect(() => {
    let mounted = true;
    import("./api/console-setup.ts")
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
