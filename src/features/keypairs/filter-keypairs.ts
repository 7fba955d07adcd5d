import type { KeypairSummary } from "../../../contract/kps.ts";
import { sha256FingerprintOfLine } from "../../lib/ssh-key/sha256-fingerprint.ts";
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

type Needle = { text: string; sha256: string | null };

/**
 * Name or MD5 fingerprint, case-insensitive, with or without colons; a pasted "MD5:" prefix is
 * ignored. "SHA256:…", or the 43 characters `ssh-keygen -l` prints after it, searches the SHA256
 * fingerprint, which is case-sensitive base64.
 */
function searchNeedle(search: string): Needle {
  const trimmed = search.trim();
  const sha = /^sha256:(.*)$/i.exec(trimmed);
  if (sha) return { text: "", sha256: `SHA256:${sha[1]}` };
  const bareSha = /^[A-Za-z0-9+/]{43}$/.test(trimmed) ? `SHA256:${trimmed}` : null;
  return { text: trimmed.toLowerCase().replace(/^md5:/, ""), sha256: bareSha };
}

/**
 * Each row's name and MD5 fingerprint (as listed, and without colons), lower-cased, in row
 * order: built once per list so a keystroke over 10,000 rows allocates no strings. A newline
 * cannot occur in either, so a needle cannot match across them.
 */
export function searchIndex(rows: readonly KeypairSummary[]): string[] {
  return rows.map((keypair) => {
    const fingerprint = keypair.fingerprint ?? "";
    return `${keypair.name}\n${fingerprint}\n${fingerprint.replaceAll(":", "")}`.toLowerCase();
  });
}

// Derived only when someone searches by SHA256, then kept for as long as the row object lives.
const sha256Cache = new WeakMap<KeypairSummary, string>();
function sha256Of(keypair: KeypairSummary): string {
  let fingerprint = sha256Cache.get(keypair);
  if (fingerprint === undefined) {
    fingerprint = sha256FingerprintOfLine(keypair.public_key) ?? "";
    sha256Cache.set(keypair, fingerprint);
  }
  return fingerprint;
}

function matches(keypair: KeypairSummary, haystack: string, needle: Needle): boolean {
  if (needle.text === "" && needle.sha256 === null) return true;
  if (needle.text !== "" && haystack.includes(needle.text)) return true;
  return needle.sha256 !== null && sha256Of(keypair).startsWith(needle.sha256);
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
      matches(keypair, haystacks[index] ?? "", needle),
  );
  // Names are ASCII letters, digits, "_" and "-": a plain code-unit comparison is the server's order.
  result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (filters.sort === "desc") result.reverse();
  return result;
}
