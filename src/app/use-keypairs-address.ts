import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useCallback, useMemo } from "react";
import type { KeypairFilters } from "../features/keypairs/filter-keypairs.ts";
import { filtersFromSearch, searchFromFilters } from "./keypairs-search.ts";

/** The list page's state that belongs in the address bar: the open drawer and the filters. */
export function useKeypairsAddress() {
  const navigate = useNavigate();
  const search = useSearch({ from: "/keypairs" });
  const { name } = useParams({ strict: false });
  const filters = useMemo(() => filtersFromSearch(search), [search]);

  const openDetail = useCallback(
    (keypair: string) =>
      navigate({ to: "/keypairs/$name", params: { name: keypair }, search: (current) => current }),
    [navigate],
  );
  const closeDetail = useCallback(
    () => navigate({ to: "/keypairs", search: (current) => current }),
    [navigate],
  );
  // Each keystroke replaces the entry rather than adding one: back leaves the search, it does
  // not undo it a letter at a time.
  const setFilters = useCallback(
    (next: KeypairFilters) =>
      navigate({
        to: ".",
        search: searchFromFilters(next),
        params: (current) => current,
        replace: true,
      }),
    [navigate],
  );
  return { openName: name ?? null, openDetail, closeDetail, filters, setFilters };
}
