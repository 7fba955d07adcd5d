import { Container, Loader } from "@mantine/core";
import { lazy, Suspense, useEffect } from "react";
import { SignInForm } from "../features/auth/components/sign-in-form.tsx";
import { useSession } from "../lib/session.ts";

// The signed-in console (table, drawer, virtualizer) is not needed to show the sign-in form.
const loadShell = () => import("./signed-in-shell.tsx");
const SignedInShell = lazy(() => loadShell().then((module) => ({ default: module.SignedInShell })));

export function App() {
  const session = useSession();
  useEffect(() => {
    // Fetched while the user types, so signing in does not wait for it.
    loadShell().catch(() => undefined);
  }, []);
  if (!session) {
    return (
      <Container component="main" size="xs">
        <SignInForm />
      </Container>
    );
  }
  return (
    <Suspense fallback={<Loader m="xl" aria-label="Loading the console" />}>
      <SignedInShell session={session} />
    </Suspense>
  );
}
