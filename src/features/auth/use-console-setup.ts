import { type ComponentType, useEffect, useState } from "react";
import type { ConsoleSetup } from "../../../contract/console.ts";
import type { DemoAccountsProps } from "./components/demo-accounts.tsx";

export type SignInSetup = {
  setup: ConsoleSetup;
  /** Loaded only when the server runs the demo: a deployment that runs none never fetches it. */
  DemoAccounts: ComponentType<DemoAccountsProps> | null;
};

/**
 * The server's setup, fetched once when the sign-in form shows. Not a query: the query client
 * lives in the signed-in shell, and the request code (with zod) stays out of the first load, as
 * does the demo's box, which arrives with the setup that asks for it. A failure leaves the form
 * complete without it, with no error and no retry.
 */
export function useConsoleSetup(): SignInSetup | null {
  const [loaded, setLoaded] = useState<SignInSetup | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    import("./api/console-setup.ts")
      .then((api) => api.fetchConsoleSetup(abort.signal))
      .then(async (setup) => ({
        setup,
        DemoAccounts: setup.demo
          ? (await import("./components/demo-accounts.tsx")).DemoAccounts
          : null,
      }))
      .then(
        (next) => {
          if (!abort.signal.aborted) setLoaded(next);
        },
        () => undefined,
      );
    return () => abort.abort();
  }, []);
  return loaded;
}
