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
 * The list in name order, built once per list so a keystroke over 10,000 rows neither sorts
 * nor copies. Each row's search text (haystackOf) is kept with the row object itself.
 */
export type SearchIndex = { sorted: readonly KeypairSummary[] };

// Names are ASCII letters, digits, "_" and "-": a plain code-unit comparison is the server's order.
const byName = (a: KeypairSummary, b: KeypairSummary) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

function inNameOrder(rows: readonly KeypairSummary[]): boolean {
  for (let i = 1; i < rows.length; i += 1) {
    if (byName(rows[i - 1] as KeypairSummary, rows[i] as KeypairSummary) > 0) return false;
  }
  return true;
}

/** Pages come in the service's name order, so the rows usually need one pass, not a sort. */
export function searchIndex(rows: readonly KeypairSummary[]): SearchIndex {
  return { sorted: inNameOrder(rows) ? rows : [...rows].sort(byName) };
}

/*
 * A row's name and MD5 fingerprint (as listed, and without colons), lower-cased, made once per
 * row object: the list's rows keep their objects from page to page and across refreshes
 * (structural sharing), so the list drawn while its pages arrive does not make 10,000 strings
 * at every draw. A newline cannot occur in either, so a needle cannot match across them.
 */
const haystacks = new WeakMap<KeypairSummary, string>();
function haystackOf(keypair: KeypairSummary): string {
  let haystack = haystacks.get(keypair);
  if (haystack === undefined) {
    const fingerprint = keypair.fingerprint ?? "";
    haystack = `${keypair.name}\n${fingerprint}\n${fingerprint.replaceAll(":", "")}`.toLowerCase();
    haystacks.set(keypair, haystack);
  }
  return haystack;
}

/**
 * An index's search text: each row's haystack by its place in name order, and all of them in
 * one string, so a search over the whole list is the engine's own substring scan from hit to
 * hit rather than a lookup and a test per row (at 50,000 rows that was most of a keystroke).
 * Rows are kept apart by a NUL, which a needle without one cannot match across (even in a name
 * a hostile upstream sent with one inside); a needle holding one is searched row by row.
 */
type SearchText = { texts: string[]; all: string; starts: Int32Array };

const ROW_BREAK = "\u0000";

const searchTexts = new WeakMap<SearchIndex, SearchText>();
function searchTextOf(index: SearchIndex): SearchText {
  let text = searchTexts.get(index);
  if (text === undefined) {
    const texts = index.sorted.map(haystackOf);
    const starts = new Int32Array(texts.length + 1);
    let at = 0;
    for (let i = 0; i < texts.length; i += 1) {
      starts[i] = at;
      at += (texts[i] as string).length + ROW_BREAK.length;
    }
    starts[texts.length] = at;
    text = { texts, all: texts.join(ROW_BREAK), starts };
    searchTexts.set(index, text);
  }
  return text;
}

/** The place in name order of the row whose text holds the character at `offset`. */
function rowAt(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The places, in name order, of every row whose text holds `needle`. */
function placesHolding({ all, starts }: SearchText, needle: string): number[] {
  const places: number[] = [];
  let at = all.indexOf(needle);
  while (at !== -1) {
    const place = rowAt(starts, at);
    places.push(place);
    at = all.indexOf(needle, starts[place + 1]);
  }
  return places;
}

/** Makes the list's search text ahead, for an idle moment: the first keystroke then finds it. */
export function prepareSearch(index: SearchIndex): void {
  searchTextOf(index);
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

function isUnfiltered(filters: KeypairFilters): boolean {
  return (
    filters.search.trim() === "" &&
    filters.scope === "all" &&
    filters.hosted === "all" &&
    filters.status === "all"
  );
}

/** A filter's result, kept so the next keystroke can search within it. */
export type Filtered = {
  index: SearchIndex;
  filters: KeypairFilters;
  rows: readonly KeypairSummary[];
};

/** Each result's rows by their places in its index's name order, for searching within it. */
const placesOfResult = new WeakMap<readonly KeypairSummary[], readonly number[]>();

/**
 * Whether every row `next` lets through is among those `previous` let through: the same choices
 * and order, and a search that only adds to the text (a row holding "web-0" holds "web"), or to
 * a SHA256 prefix. Typing a name narrows at every keystroke; deleting does not.
 */
function narrows(previous: KeypairFilters, next: KeypairFilters): boolean {
  if (
    previous.scope !== next.scope ||
    previous.hosted !== next.hosted ||
    previous.status !== next.status ||
    previous.sort !== next.sort
  )
    return false;
  const before = searchNeedle(previous.search);
  const after = searchNeedle(next.search);
  if (before.text === "" && before.sha256 === null) return true;
  if (before.sha256 === null && after.sha256 === null) return after.text.includes(before.text);
  return (
    before.text === "" &&
    after.text === "" &&
    before.sha256 !== null &&
    after.sha256?.startsWith(before.sha256) === true
  );
}

/** Every row's place in name order: the candidates when nothing narrows them. */
const everyPlace = (sorted: readonly KeypairSummary[]) => sorted.map((_, place) => place);

/** A result this small is searched row by row; a bigger one with one scan of the whole text. */
const WITHIN_SHARE = 1 / 8;

/**
 * The places of the rows whose text or SHA256 fingerprint the needle finds, in name order,
 * among `within` (places, in name order) or the whole list.
 */
function placesFound(
  index: SearchIndex,
  needle: Needle,
  within: readonly number[] | null,
): readonly number[] {
  const text = searchTextOf(index);
  const { sorted } = index;
  const everywhere = within === null || within.length > sorted.length * WITHIN_SHARE;
  const plain = needle.sha256 === null && needle.text !== "" && !needle.text.includes(ROW_BREAK);
  if (plain && everywhere) return placesHolding(text, needle.text);
  const candidates = within ?? everyPlace(sorted);
  const { sha256 } = needle;
  return candidates.filter(
    (place) =>
      (needle.text !== "" && (text.texts[place] as string).includes(needle.text)) ||
      (sha256 !== null && sha256Of(sorted[place] as KeypairSummary).startsWith(sha256)),
  );
}

/**
 * The rows the filters let through, in the order asked for; the index's own array when all.
 * Given the previous result, a search that narrows it looks only within it.
 */
export function filterKeypairs(
  index: SearchIndex,
  filters: KeypairFilters,
  previous?: Filtered,
): readonly KeypairSummary[] {
  const { sorted } = index;
  if (isUnfiltered(filters)) return filters.sort === "asc" ? sorted : sorted.toReversed();
  const narrowed =
    previous?.index === index && narrows(previous.filters, filters)
      ? placesOfResult.get(previous.rows)
      : undefined;
  // Normalised once, not once per row.
  const needle = searchNeedle(filters.search);
  const searched =
    needle.text === "" && needle.sha256 === null
      ? (narrowed ?? null)
      : placesFound(index, needle, narrowed ?? null);
  const places = (searched ?? everyPlace(sorted)).filter((place) => {
    const keypair = sorted[place] as KeypairSummary;
    return (
      (filters.scope === "all" || keypair.scope === filters.scope) &&
      (filters.hosted === "all" ||
        (filters.hosted === "hosted") === (keypair.is_key_protection === true)) &&
      (filters.status === "all" || (filters.status === "normal") === (frozenState(keypair) === 0))
    );
  });
  const inOrder = filters.sort === "asc" ? places : places.toReversed();
  const rows = inOrder.map((place) => sorted[place] as KeypairSummary);
  // Kept in name order whatever the order shown: the search within walks them so.
  placesOfResult.set(rows, places);
  return rows;
}
