import { Alert, Button, Container, Group, Loader } from "@mantine/core";
import { useCallback, useDeferredValue, useEffect, useState } from "react";
import { SignInForm } from "../features/auth/components/sign-in-form.tsx";
import { useWords } from "../lib/i18n/i18n.ts";
import { reloadPage } from "../lib/reload-page.ts";
import { useSession } from "../lib/session.ts";
import { whenIdle } from "../lib/when-idle.ts";
import { appWords } from "./words/start-en.ts";

// The signed-in console (table, drawer, virtualizer) is not needed to show the sign-in form.
const loadShell = () => import("./signed-in-shell.tsx");
type ShellModule = Awaited<ReturnType<typeof loadShell>>;

/**
 * Fetches the console's code while the user types and renders it directly once it is in. Not
 * React.lazy: its first render suspends even for a module already loaded, and React holds a
 * revealed Suspense boundary back for its fallback throttle, ~300 ms after every sign-in.
 */
function useShell() {
  const [shell, setShell] = useState<ShellModule | "failed" | null>(null);
  const load = useCallback(() => {
    setShell(null);
    loadShell().then(
      (module) => {
        setShell(module);
        whenIdle(module.warmUpConsole);
      },
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
  const t = useWords(appWords);
  useEffect(() => {
    document.title = t.documentTitle;
  }, [t.documentTitle]);
  const session = useSession();
  // Signing in mounts the whole console, the longest render there is. As a deferred update it
  // yields every few milliseconds, so the list's pages (asked for as it starts) keep coming
  // while it renders; the form stays up, still pending, meanwhile. Signing out is never deferred.
  const shownSession = useDeferredValue(session);
  const { shell, retry } = useShell();
  if (!session || !shownSession) {
    if (session && shell && shell !== "failed") shell.prepareConsole(session);
    return (
      <Container component="main" size="xs">
        <SignInForm />
      </Container>
    );
  }
  if (shell === "failed") {
    return (
      <Container component="main" size="xs" mt="10vh">
        <Alert color="red" title={t.loadFailedTitle} role="alert">
          {t.loadFailedText}
          <Group mt="sm" gap="xs">
            <Button size="xs" variant="light" onClick={retry}>
              {t.tryAgain}
            </Button>
            <Button size="xs" variant="default" onClick={signOutAndReload}>
              {t.signOutAndReload}
            </Button>
          </Group>
        </Alert>
      </Container>
    );
  }
  if (!shell) return <Loader m="xl" aria-label={t.loading} />;
  return <shell.SignedInShell session={session} />;
}
