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
export function matchesSearch(keypair: KeypairSummary, search: string): boolean {
  const needle = search.trim().toLowerCase().replace(/^md5:/, "");
  if (!needle) return true;
  return (
    keypair.name.toLowerCase().includes(needle) ||
    (keypair.fingerprint ?? "").toLowerCase().includes(needle)
  );
}

export function filterKeypairs(
  rows: readonly KeypairSummary[],
  filters: KeypairFilters,
): KeypairSummary[] {
  const result = rows.filter(
    (keypair) =>
      (filters.scope === "all" || keypair.scope === filters.scope) &&
      (filters.hosted === "all" ||
        (filters.hosted === "hosted") === (keypair.is_key_protection === true)) &&
      (filters.status === "all" ||
        (filters.status === "normal") === (frozenState(keypair) === 0)) &&
      matchesSearch(keypair, filters.search),
  );
  // Names are ASCII letters, digits, "_" and "-": a plain code-unit comparison is the server's order.
  result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (filters.sort === "desc") result.reverse();
  return result;
}
