import type { KeypairSummary } from "../../../contract/kps.ts";
import { frozenState } from "./keypair-words.ts";

export type KeypairFilters = {
  search: string;
  scope: "all" | "user" | "domain";
  hosted: "all" | "hosted" | "not-hosted";
  status: "all" | "normal" | "frozen";
  sort: "asc" | "desc";
};

export const NO_FILTERS: KeypairFilters = {
  search: "",
  scope: "all",
  hosted: "all",
  status: "all",
  sort: "asc",
};

/** Name or fingerprint, case-insensitive; a pasted "MD5:" prefix is ignored. */
function searchNeedle(search: string): string {
  return search.trim().toLowerCase().replace(/^md5:/, "");
}

/**
 * Each row's name and fingerprint, lower-cased, in row order: built once per list so a keystroke
 * over 10,000 rows allocates no strings. A newline cannot occur in either, so a needle cannot
 * match across the two.
 */
export function searchIndex(rows: readonly KeypairSummary[]): string[] {
  return rows.map((keypair) => `${keypair.name}\n${keypair.fingerprint ?? ""}`.toLowerCase());
}

export function filterKeypairs(
  rows: readonly KeypairSummary[],
  filters: KeypairFilters,
  haystacks: readonly string[] = searchIndex(rows),
): KeypairSummary[] {
  // Normalised once, not once per row.
  const needle = searchNeedle(filters.search);
  const result = rows.filter(
    (keypair, index) =>
      (filters.scope === "all" || keypair.scope === filters.scope) &&
      (filters.hosted === "all" ||
        (filters.hosted === "hosted") === (keypair.is_key_protection === true)) &&
      (filters.status === "all" ||
        (filters.status === "normal") === (frozenState(keypair) === 0)) &&
      (needle === "" || (haystacks[index] ?? "").includes(needle)),
  );
  // Names are ASCII letters, digits, "_" and "-": a plain code-unit comparison is the server's order.
  result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (filters.sort === "desc") result.reverse();
  return result;
}
