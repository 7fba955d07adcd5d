import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../features/keypairs/filter-keypairs.ts";
import { filtersFromSearch, parseKeypairsSearch, searchFromFilters } from "./keypairs-search.ts";

describe("the key-pair list's address", () => {
  it("carries only what differs from the defaults, and reads back the same filters", () => {
    const filters = {
      ...NO_FILTERS,
      search: "web",
      hosted: "hosted" as const,
      sort: "desc" as const,
    };
    const search = searchFromFilters(filters);
    expect(search).toEqual({ q: "web", hosted: "hosted", sort: "desc" });
    expect(filtersFromSearch(parseKeypairsSearch(search))).toEqual(filters);
    expect(searchFromFilters(NO_FILTERS)).toEqual({});
  });

  it("drops unknown values and keys from a hand-edited address instead of failing", () => {
    expect(parseKeypairsSearch({ scope: "everyone", status: "frozen", token: "x", q: 42 })).toEqual(
      { status: "frozen" },
    );
    expect(parseKeypairsSearch({ q: "a".repeat(1000) }).q).toHaveLength(128);
  });
});
