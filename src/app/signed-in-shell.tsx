import { AppShell, Button, Group, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { Notifications } from "@mantine/notifications";
import { RouterProvider } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { CONSOLE_HEADER_HEIGHT } from "../components/console-header.ts";
import { LanguagePicker } from "../components/language-picker.tsx";
import { ProjectSwitcher } from "../features/auth/components/project-switcher.tsx";
import { useLeaveWarning } from "../features/auth/use-leave-warning.ts";
import { useSessionGuard } from "../features/auth/use-session-guard.ts";
import { warmUpPageWorker } from "../features/keypairs/api/page-run-ahead.ts";
import { loadKeypairList, useLoadKeypairList } from "../features/keypairs/use-all-keypairs.ts";
import { endSession } from "../lib/end-session.ts";
import { currentFormat, useFormatsBuiltWhenIdle } from "../lib/i18n/format.ts";
import { useWords } from "../lib/i18n/i18n.ts";
import type { Session } from "../lib/session.ts";
import { ColourSchemeToggle } from "./colour-scheme-toggle.tsx";
import { consoleQueryClient, QueryProvider } from "./query-provider.tsx";
import { consoleRouter, createConsoleRouterAhead, forgetConsoleRouter } from "./router.tsx";
import { useSearchShortcut } from "./use-search-shortcut.ts";
import { shellWords } from "./words/en.ts";

/** Most sign-ins land on the list (from "/" or an address within it). */
const landsOnList = () => /^\/(keypairs(\/|$)|$)/.test(location.pathname);

/**
 * A session exists and the console's first render is still to come: its address is resolved
 * and the list's pages are asked for meanwhile. Safe to call from a render, as often as it is.
 */
export function prepareConsole(session: Session): void {
  consoleRouter();
  if (landsOnList()) loadKeypairList(consoleQueryClient(), session.project.id);
}

/**
 * For an idle moment on the sign-in page, what the console's first render would otherwise do
 * when the token arrives: the router, the first number format (which loads the language's
 * data, about 15 ms), and the worker that reads the list's pages.
 */
export function warmUpConsole(): void {
  createConsoleRouterAhead();
  warmUpPageWorker();
  currentFormat().number(0);
}

export function SignedInShell({ session }: { session: Session }) {
  return (
    <QueryProvider>
      <ConsoleLayout session={session} />
    </QueryProvider>
  );
}

function ConsoleLayout({ session }: { session: Session }) {
  const t = useWords(shellWords);
  // Read as it renders, not in an effect: the effect's answer drew the whole layout again, in a
  // blocking render before the first rows were shown.
  const wide = useMediaQuery("(min-width: 48em)", undefined, { getInitialValueInEffect: false });
  const [router] = useState(consoleRouter);
  useEffect(() => forgetConsoleRouter, []);
  // Most sign-ins land on the list: its first page is asked for before the console's first
  // render rather than halfway through it, when the list page itself would ask.
  useLoadKeypairList(session.project.id, landsOnList());
  useSessionGuard(session);
  useLeaveWarning();
  useFormatsBuiltWhenIdle();
  const main = useRef<HTMLElement>(null);
  useSearchShortcut(main);
  return (
    <AppShell header={{ height: CONSOLE_HEADER_HEIGHT }} padding="md">
      {/* Here, not in the providers: only the signed-in console notifies, and the component
          with its transitions need not be part of the first load. Bottom-left: at the top a
          toast covered the project picker and Sign out, at the bottom right a dialog's own
          buttons (Retry, Done) and the drawer, which opens on the right. */}
      <Notifications position="bottom-left" />
      <AppShell.Header>
        <Group
          h="100%"
          px={{ base: "sm", sm: "md" }}
          justify="space-between"
          wrap="nowrap"
          gap="xs"
        >
          {/* Who is signed in sits under the title, so it fits on a phone with the controls. */}
          <div style={{ minWidth: 0 }}>
            <Title order={1} size="h4" lh={1.2}>
              {t.productShort}
              <Text span inherit visibleFrom="xs">
                {t.productRest}
              </Text>
            </Title>
            <Text size="xs" c="dimmed" truncate="end">
              {session.account} / {session.user.name}
            </Text>
          </div>
          <Group gap={6} wrap="nowrap">
            <ProjectSwitcher session={session} />
            <LanguagePicker compact={!wide} />
            <ColourSchemeToggle />
            <Button variant="default" px="sm" onClick={() => endSession("user")}>
              {t.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {/* Exactly the window's height: the page's list fills what is left and scrolls inside it,
          so the window never gets a second scrollbar. */}
      <AppShell.Main ref={main} h="100dvh" display="flex" style={{ flexDirection: "column" }}>
        <RouterProvider router={router} />
      </AppShell.Main>
    </AppShell>
  );
}
