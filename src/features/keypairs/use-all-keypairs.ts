import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { KeypairSummary } from "../../../contract/kps.ts";
import { keypairListOptions } from "./api/keypair-queries.ts";

/** Loads every page one after another; the rows so far are usable while more arrive. */
export function useAllKeypairs(projectId: string) {
  const query = useInfiniteQuery(keypairListOptions(projectId));
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const rows = useMemo(() => {
    const byName = new Map<string, KeypairSummary>();
    for (const page of query.data?.pages ?? []) {
      for (const { keypair } of page.keypairs) byName.set(keypair.name, keypair);
    }
    return [...byName.values()];
  }, [query.data]);

  return { query, rows, complete: query.isSuccess && !hasNextPage };
}
