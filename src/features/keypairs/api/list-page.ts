import type { ListKeypairsResponse } from "../../../../contract/kps.ts";

/** Where a project's key pairs are listed, and the one page of them after `marker`. */
export type PageAddress = { base: string; limit: number };

export function pageUrl({ base, limit }: PageAddress, marker: string | null): string {
  // Always an explicit limit: the real service's default page size is not something to rely on.
  const params = new URLSearchParams({ limit: String(limit) });
  if (marker) params.set("marker", marker);
  return `${base}?${params}`;
}

/** What nextMarker reads of a page: a checked one, or a body not checked yet. */
type MarkedPage = {
  keypairs: readonly unknown[];
  page_info?: Pick<NonNullable<ListKeypairsResponse["page_info"]>, "next_marker"> | null;
};

/** The marker of the page after this one, or undefined when this is the last. */
export function nextMarker(page: MarkedPage, marker: string | null): string | undefined {
  const next = page.page_info?.next_marker;
  // A marker that does not move, or an empty page, would loop for ever.
  if (!next || next === marker || page.keypairs.length === 0) return undefined;
  return next;
}
