// ListKeypairs' page, read by hand: the console reads 10,000 rows in ten pages at sign-in, and
// zod's general object walk was most of the time we spend on a page. This reader accepts and
// returns exactly what listKeypairsResponseSchema does (list-keypairs-reader.test.ts holds the
// two together on every shape the schema names and on generated bodies): the same liberal
// reading, the same refusals, and only the fields the schema names, in new objects.
import type { KeypairSummary, ListKeypairsResponse } from "./kps.ts";

type Read<T> = { success: true; data: T } | { success: false };

const REFUSED = { success: false } as const;
/** Thrown inside the walk; the body is never quoted, a success body may carry key material. */
const malformed = Symbol("malformed");

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

const OPTIONAL_STRINGS = ["type", "scope", "public_key", "fingerprint"] as const;

function readSummary(input: unknown): KeypairSummary {
  if (!isPlain(input) || typeof input.name !== "string") throw malformed;
  const summary: KeypairSummary = { name: input.name };
  for (const key of OPTIONAL_STRINGS) {
    if (!(key in input)) continue;
    const value = input[key];
    if (value !== undefined && typeof value !== "string") throw malformed;
    summary[key] = value;
  }
  if ("is_key_protection" in input) {
    const value = input.is_key_protection;
    if (value !== undefined && typeof value !== "boolean") throw malformed;
    summary.is_key_protection = value;
  }
  if ("frozen_state" in input) summary.frozen_state = readFrozenState(input.frozen_state);
  return summary;
}

/** A number or a string, kept as a number; null, a missing value or "" read as missing. */
function readFrozenState(value: unknown): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "string" || isFiniteNumber(value)) return Number(value);
  throw malformed;
}

function readNullishString(value: unknown): string | null | undefined {
  if (value === null || value === undefined || typeof value === "string") return value;
  throw malformed;
}

function readPageInfo(input: unknown): ListKeypairsResponse["page_info"] {
  if (input === null || input === undefined) return input;
  if (!isPlain(input)) throw malformed;
  const info: NonNullable<ListKeypairsResponse["page_info"]> = {};
  if ("next_marker" in input) info.next_marker = readNullishString(input.next_marker);
  if ("previous_marker" in input) info.previous_marker = readNullishString(input.previous_marker);
  if ("current_count" in input) {
    const value = input.current_count;
    if (
      value !== null &&
      value !== undefined &&
      typeof value !== "string" &&
      !isFiniteNumber(value)
    ) {
      throw malformed;
    }
    info.current_count = value;
  }
  return info;
}

function readKeypairs(input: unknown): ListKeypairsResponse["keypairs"] {
  if (input === null || input === undefined) return [];
  if (!Array.isArray(input)) throw malformed;
  const keypairs: ListKeypairsResponse["keypairs"] = new Array(input.length);
  for (let index = 0; index < input.length; index += 1) {
    const item: unknown = input[index];
    if (!isPlain(item)) throw malformed;
    keypairs[index] = { keypair: readSummary(item.keypair) };
  }
  return keypairs;
}

/** The same answer as `listKeypairsResponseSchema.safeParse`, several times sooner. */
export const listKeypairsResponseReader = {
  safeParse(input: unknown): Read<ListKeypairsResponse> {
    if (!isPlain(input)) return REFUSED;
    try {
      const data: ListKeypairsResponse = { keypairs: readKeypairs(input.keypairs) };
      if ("page_info" in input) data.page_info = readPageInfo(input.page_info);
      return { success: true, data };
    } catch (error) {
      if (error === malformed) return REFUSED;
      throw error;
    }
  },
};
