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

type ConsoleRouter = ReturnType<typeof createConsoleRouter>;

let current: ConsoleRouter | null = null;
let loading = false;

/**
 * Creates the console's router ahead, for an idle moment on the sign-in page: creating it (the
 * route tree, the browser history) took 15–20 ms of the moment the token arrives. It reads the
 * address only when it loads (consoleRouter), so one made early is as good as a new one.
 */
export function createConsoleRouterAhead(): void {
  current ??= createConsoleRouter();
}

/**
 * The console's router, its address resolved (the redirect from "/", the search read) as soon
 * as a session exists, while the console's first render is still to come: mounted already
 * loaded, the router renders the list page in that first render instead of loading in a layout
 * effect and drawing the page again in a blocking render. The same router until the console
 * goes (forgetConsoleRouter), however often a render that never committed asks.
 */
export function consoleRouter(): ConsoleRouter {
  current ??= createConsoleRouter();
  if (!loading) {
    loading = true;
    current.load().catch(() => undefined);
  }
  return current;
}

/** The console has gone (signed out): the next sign-in starts from a new router. */
export function forgetConsoleRouter(): void {
  current = null;
  loading = false;
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createConsoleRouter>;
  }
}
