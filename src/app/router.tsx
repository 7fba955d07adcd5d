import { Anchor, Stack, Text, Title } from "@mantine/core";
import {
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { CrashNotice } from "../components/crash-notice.tsx";
import { parseHistorySearch } from "../features/export-history/history-filters.ts";
import { useWords } from "../lib/i18n/i18n.ts";
import { useSignedInSession } from "../lib/session.ts";
import { ConsoleNav } from "./console-nav.tsx";
import { KeypairsPage } from "./keypairs-page.tsx";
import { parseKeypairsSearch } from "./keypairs-search.ts";
import { shellWords } from "./words/en.ts";

/**
 * Every page and open drawer has an address, so back, forward, reload-after-sign-in and a link
 * in a new tab lead where they name. The token is never part of one: it stays in memory.
 */
const rootRoute = createRootRoute({ component: ConsolePages, notFoundComponent: NotFound });

function ConsolePages() {
  return (
    <>
      <ConsoleNav />
      <Outlet />
    </>
  );
}

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/keypairs", replace: true });
  },
});

const keypairsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/keypairs",
  validateSearch: parseKeypairsSearch,
  component: KeypairsRoute,
});

// The open drawer is a child address of the list; the list page renders it from the param.
const keypairRoute = createRoute({ getParentRoute: () => keypairsRoute, path: "$name" });

// Its own chunk: the history is not part of the first load.
const historyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/history",
  validateSearch: parseHistorySearch,
  component: lazyRouteComponent(() => import("./history-route.tsx"), "HistoryRoute"),
});

function KeypairsRoute() {
  const session = useSignedInSession();
  // A new project starts with a fresh page: no selection carries across projects.
  return <KeypairsPage key={session.project.id} session={session} />;
}

function NotFound() {
  const t = useWords(shellWords);
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t.notFoundTitle}
      </Title>
      <Text>{t.notFoundText}</Text>
      <Anchor component={Link} to="/keypairs">
        {t.notFoundLink}
      </Anchor>
    </Stack>
  );
}

export function createConsoleRouter() {
  return createRouter({
    routeTree: rootRoute.addChildren([
      indexRoute,
      keypairsRoute.addChildren([keypairRoute]),
      historyRoute,
    ]),
    // Navigation is instant (no loaders), so nothing is preloaded on hover.
    defaultPreload: false,
    // The page region's crash tier: the header, and with it sign-out, stays usable.
    defaultErrorComponent: ({ reset }) => <CrashNotice region="page" onRetry={reset} />,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createConsoleRouter>;
  }
}
