import { KEYPAIR_NAME_PATTERN } from "../../../contract/kps.ts";

export const OUTCOMES = ["all", "succeeded", "refused", "failed"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const RANGES = ["1h", "24h", "7d", "30d", "custom"] as const;
export type RangePreset = (typeof RANGES)[number];

/** The filters as the address holds them (/history?user=…&keypair=…&outcome=…&range=…). */
export type HistorySearch = {
  user?: string;
  keypair?: string;
  outcome?: Outcome;
  range?: RangePreset;
  /** Epoch ms, only with range=custom. */
  from?: number;
  to?: number;
};

export const DEFAULT_RANGE = "7d" satisfies RangePreset;
const HOUR = 3_600_000;
const PRESET_MS: Record<Exclude<RangePreset, "custom">, number> = {
  "1h": HOUR,
  "24h": 24 * HOUR,
  "7d": 7 * 24 * HOUR,
  "30d": 30 * 24 * HOUR,
};
/** Longer than any user name IAM allows; an address is no place for a novel. */
const MAX_TEXT = 255;

function text(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const trimmed = String(value).trim();
  return trimmed === "" || trimmed.length > MAX_TEXT ? undefined : trimmed;
}

function millis(value: unknown): number | undefined {
  const number = typeof value === "string" ? Number(value) : value;
  return typeof number === "number" && Number.isSafeInteger(number) && number > 0
    ? number
    : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** The router's validateSearch: whatever the address says, only well-formed filters survive. */
export function parseHistorySearch(search: Record<string, unknown>): HistorySearch {
  const range = oneOf(RANGES, search.range);
  const from = millis(search.from);
  const to = millis(search.to);
  const outcome = oneOf(OUTCOMES, search.outcome);
  const user = text(search.user);
  const keypair = text(search.keypair);
  return {
    ...(user ? { user } : {}),
    ...(keypair ? { keypair } : {}),
    ...(outcome && outcome !== "all" ? { outcome } : {}),
    ...(range && range !== DEFAULT_RANGE ? { range } : {}),
    ...(range === "custom" && from !== undefined ? { from } : {}),
    ...(range === "custom" && to !== undefined ? { to } : {}),
  };
}

export function isKeypairNameValid(name: string): boolean {
  return KEYPAIR_NAME_PATTERN.test(name);
}

/** The server has no default range: both ends are always sent. `now` is when the filters were set. */
export function timeWindow(search: HistorySearch, now: number): { from: number; to: number } {
  const range = search.range ?? DEFAULT_RANGE;
  if (range === "custom") {
    const to = search.to ?? now;
    return { from: search.from ?? to - PRESET_MS[DEFAULT_RANGE], to };
  }
  return { from: now - PRESET_MS[range], to: now };
}

const RATING: Record<Exclude<Outcome, "all">, string> = {
  succeeded: "normal",
  refused: "warning",
  failed: "incident",
};

export type TraceQuery = {
  user?: string;
  keypair?: string;
  outcome?: Outcome;
  from: number;
  to: number;
};

/** What the page asks for: null when a filter cannot be sent as it stands (the user is told). */
export function traceQuery(search: HistorySearch, now: number): TraceQuery | null {
  const window = timeWindow(search, now);
  if (window.from >= window.to) return null;
  if (search.keypair !== undefined && !isKeypairNameValid(search.keypair)) return null;
  return {
    ...(search.user ? { user: search.user } : {}),
    ...(search.keypair ? { keypair: search.keypair } : {}),
    ...(search.outcome && search.outcome !== "all" ? { outcome: search.outcome } : {}),
    ...window,
  };
}

/**
 * CTS ListTraces' parameters: always trace_type=system (the real CTS requires it), both ends of
 * the range and an explicit limit; `next` is the previous page's meta_data.marker.
 */
export function traceParams(
  query: TraceQuery,
  limit: number,
  next: string | null,
): URLSearchParams {
  const params = new URLSearchParams({
    trace_type: "system",
    limit: String(limit),
    from: String(query.from),
    to: String(query.to),
  });
  if (query.user) params.set("user", query.user);
  if (query.keypair) params.set("resource_name", query.keypair);
  if (query.outcome && query.outcome !== "all") params.set("trace_rating", RATING[query.outcome]);
  if (next) params.set("next", next);
  return params;
}
