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

// Lower-cased once per row object (rows are immutable query data), not 20,000 new strings on
// every keystroke. A newline cannot occur in a name or fingerprint, so a needle cannot span both.
const haystacks = new WeakMap<KeypairSummary, string>();

function matchesNeedle(keypair: KeypairSummary, needle: string): boolean {
  let haystack = haystacks.get(keypair);
  if (haystack === undefined) {
    haystack = `${keypair.name}\n${keypair.fingerprint ?? ""}`.toLowerCase();
    haystacks.set(keypair, haystack);
  }
  return haystack.includes(needle);
}

export function filterKeypairs(
  rows: readonly KeypairSummary[],
  filters: KeypairFilters,
): KeypairSummary[] {
  // Normalised once, not once per row: this runs over 10,000 rows on every keystroke.
  const needle = searchNeedle(filters.search);
  const result = rows.filter(
    (keypair) =>
      (filters.scope === "all" || keypair.scope === filters.scope) &&
      (filters.hosted === "all" ||
        (filters.hosted === "hosted") === (keypair.is_key_protection === true)) &&
      (filters.status === "all" ||
        (filters.status === "normal") === (frozenState(keypair) === 0)) &&
      (needle === "" || matchesNeedle(keypair, needle)),
  );
  // Names are ASCII letters, digits, "_" and "-": a plain code-unit comparison is the server's order.
  result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (filters.sort === "desc") result.reverse();
  return result;
}
