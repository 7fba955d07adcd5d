import { Alert, Button, Container, Group, Loader } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { SignInForm } from "../features/auth/components/sign-in-form.tsx";
import { reloadPage } from "../lib/reload-page.ts";
import { useSession } from "../lib/session.ts";

// The signed-in console (table, drawer, virtualizer) is not needed to show the sign-in form.
const loadShell = () => import("./signed-in-shell.tsx");
type Shell = Awaited<ReturnType<typeof loadShell>>["SignedInShell"];

/**
 * Fetches the console's code while the user types and renders it directly once it is in. Not
 * React.lazy: its first render suspends even for a module already loaded, and React holds a
 * revealed Suspense boundary back for its fallback throttle, ~300 ms after every sign-in.
 */
function useShell() {
  const [shell, setShell] = useState<{ Shell: Shell } | "failed" | null>(null);
  const load = useCallback(() => {
    setShell(null);
    loadShell().then(
      (module) => setShell({ Shell: module.SignedInShell }),
      () => setShell("failed"),
    );
  }, []);
  useEffect(load, [load]);
  return { shell, retry: load };
}

/** A reload drops the in-memory token, so it is revoked on the server first. */
async function signOutAndReload() {
  const { endSession } = await import("../lib/end-session.ts");
  await endSession("user");
  reloadPage();
}

export function App() {
  const session = useSession();
  const { shell, retry } = useShell();
  if (!session) {
    return (
      <Container component="main" size="xs">
        <SignInForm />
      </Container>
    );
  }
  if (shell === "failed") {
    return (
      <Container component="main" size="xs" mt="10vh">
        <Alert color="red" title="The console could not be loaded" role="alert">
          The connection may have dropped, or the console was updated. Your session is kept while
          you try again; reloading loads the newest console and signs you out first.
          <Group mt="sm" gap="xs">
            <Button size="xs" variant="light" onClick={retry}>
              Try again
            </Button>
            <Button size="xs" variant="default" onClick={signOutAndReload}>
              Sign out and reload
            </Button>
          </Group>
        </Alert>
      </Container>
    );
  }
  if (!shell) return <Loader m="xl" aria-label="Loading the console" />;
  return <shell.Shell session={session} />;
}
