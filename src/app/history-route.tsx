import { getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { HistoryPage } from "../features/export-history/components/history-page.tsx";
import type { HistorySearch } from "../features/export-history/history-filters.ts";
import { useSignedInSession } from "../lib/session.ts";

const route = getRouteApi("/history");

/** The export history's address holds its filters, so a link or a reload shows the same list. */
export function HistoryRoute() {
  const session = useSignedInSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const onSearchChange = useCallback(
    (next: HistorySearch) => void navigate({ search: next, replace: true }),
    [navigate],
  );
  return (
    <HistoryPage
      key={session.project.id}
      session={session}
      search={search}
      onSearchChange={onSearchChange}
    />
  );
}
