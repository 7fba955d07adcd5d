import { AppShell, Button, Group, Text, Title } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { RouterProvider } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { ProjectSwitcher } from "../features/auth/components/project-switcher.tsx";
import { useLeaveWarning } from "../features/auth/use-leave-warning.ts";
import { useSessionGuard } from "../features/auth/use-session-guard.ts";
import { endSession } from "../lib/end-session.ts";
import type { Session } from "../lib/session.ts";
import { ColourSchemeToggle } from "./colour-scheme-toggle.tsx";
import { createConsoleRouter } from "./router.tsx";
import { useSearchShortcut } from "./use-search-shortcut.ts";

export function SignedInShell({ session }: { session: Session }) {
  const [router] = useState(createConsoleRouter);
  useSessionGuard(session);
  useLeaveWarning();
  const main = useRef<HTMLElement>(null);
  useSearchShortcut(main);
  return (
    <AppShell header={{ height: 60 }} padding="md">
      {/* Here, not in the providers: only the signed-in console notifies, and the component
          with its transitions need not be part of the first load. Bottom-right: at the top a
          toast covered the project picker and Sign out. */}
      <Notifications position="bottom-right" />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={1} size="h4">
            KPS Console
          </Title>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {session.account} / {session.user.name}
            </Text>
            <ProjectSwitcher session={session} />
            <ColourSchemeToggle />
            <Button variant="default" onClick={() => endSession("user")}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main ref={main}>
        <RouterProvider router={router} />
      </AppShell.Main>
    </AppShell>
  );
}
