import { type KeypairFilters, NO_FILTERS } from "../features/keypairs/filter-keypairs.ts";

/**
 * The list's search and filters as the address bar carries them: only what differs from the
 * defaults, so a plain /keypairs stays plain, and anything unknown falls back to the default.
 */
export type KeypairsSearch = Partial<{
  q: string;
  scope: KeypairFilters["scope"];
  hosted: KeypairFilters["hosted"];
  status: KeypairFilters["status"];
  sort: KeypairFilters["sort"];
}>;

const CHOICES = {
  scope: ["all", "user", "domain"],
  hosted: ["all", "hosted", "not-hosted"],
  status: ["all", "normal", "frozen"],
  sort: ["asc", "desc"],
} as const;

function choice<K extends keyof typeof CHOICES>(
  key: K,
  value: unknown,
): (typeof CHOICES)[K][number] | undefined {
  const allowed: readonly string[] = CHOICES[key];
  return typeof value === "string" && allowed.includes(value) && value !== NO_FILTERS[key]
    ? (value as (typeof CHOICES)[K][number])
    : undefined;
}

export function parseKeypairsSearch(raw: Record<string, unknown>): KeypairsSearch {
  const search: KeypairsSearch = {};
  // A search longer than any name or fingerprint is not one; it is cut rather than refused.
  if (typeof raw.q === "string" && raw.q !== "") search.q = raw.q.slice(0, 128);
  for (const key of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) {
    const value = choice(key, raw[key]);
    if (value) Object.assign(search, { [key]: value });
  }
  return search;
}

export function filtersFromSearch(search: KeypairsSearch): KeypairFilters {
  return {
    search: search.q ?? "",
    scope: search.scope ?? NO_FILTERS.scope,
    hosted: search.hosted ?? NO_FILTERS.hosted,
    status: search.status ?? NO_FILTERS.status,
    sort: search.sort ?? NO_FILTERS.sort,
  };
}

export function searchFromFilters(filters: KeypairFilters): KeypairsSearch {
  return parseKeypairsSearch({ ...filters, q: filters.search });
}
