import { describe, expect, it } from "vitest";
import { parseHistorySearch, traceParams, traceQuery } from "./history-filters.ts";

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

function params(search: Record<string, unknown>, next: string | null = null) {
  const query = traceQuery(parseHistorySearch(search), NOW);
  if (!query) return null;
  return Object.fromEntries(traceParams(query, 100, next));
}

describe("the query sent for the filters", () => {
  it("always sends trace_type=system, a limit and both ends of the range (7 days by default)", () => {
    expect(params({})).toEqual({
      trace_type: "system",
      limit: "100",
      from: String(NOW - 7 * 24 * HOUR),
      to: String(NOW),
    });
  });

  it("maps the outcome to CTS's trace_rating", () => {
    expect(params({ outcome: "succeeded" })?.trace_rating).toBe("normal");
    expect(params({ outcome: "refused" })?.trace_rating).toBe("warning");
    expect(params({ outcome: "failed" })?.trace_rating).toBe("incident");
    expect(params({ outcome: "all" })).not.toHaveProperty("trace_rating");
  });

  it("sends the user and the key pair as CTS's user and resource_name", () => {
    const sent = params({ user: " alice ", keypair: "web-01" });
    expect(sent?.user).toBe("alice");
    expect(sent?.resource_name).toBe("web-01");
  });

  it("goes on from the previous page's marker as next", () => {
    expect(params({}, "00000000-0000-0000-0000-00000000002a")?.next).toBe(
      "00000000-0000-0000-0000-00000000002a",
    );
  });

  it("turns each preset into its window ending now", () => {
    expect(params({ range: "1h" })?.from).toBe(String(NOW - HOUR));
    expect(params({ range: "24h" })?.from).toBe(String(NOW - 24 * HOUR));
    expect(params({ range: "30d" })?.from).toBe(String(NOW - 30 * 24 * HOUR));
  });

  it("takes a custom range from the address", () => {
    const sent = params({ range: "custom", from: "1700000000000", to: "1700000360000" });
    expect(sent?.from).toBe("1700000000000");
    expect(sent?.to).toBe("1700000360000");
  });

  it("sends nothing for a range that ends before it starts or a name the server would refuse", () => {
    expect(params({ range: "custom", from: "1700000360000", to: "1700000000000" })).toBeNull();
    expect(params({ keypair: "web 01" })).toBeNull();
    // Too long for any name: the address loses it rather than sends a cut one.
    expect(params({ keypair: "x".repeat(256) })).not.toHaveProperty("resource_name");
  });
});

describe("parseHistorySearch (the address)", () => {
  it("drops what is not a filter, the defaults, and from/to without a custom range", () => {
    expect(
      parseHistorySearch({
        outcome: "maybe",
        range: "7d",
        from: "12",
        user: "",
        extra: "x",
      }),
    ).toEqual({});
    expect(parseHistorySearch({ range: "year" })).toEqual({});
    expect(parseHistorySearch({ range: "custom", from: "-5", to: "abc" })).toEqual({
      range: "custom",
    });
  });

  it("keeps well-formed filters, numbers from the router's JSON included", () => {
    expect(
      parseHistorySearch({ user: "alice", keypair: "db-01", outcome: "refused", range: "1h" }),
    ).toEqual({ user: "alice", keypair: "db-01", outcome: "refused", range: "1h" });
    expect(parseHistorySearch({ range: "custom", from: 1700000000000, to: 1700000360000 })).toEqual(
      { range: "custom", from: 1700000000000, to: 1700000360000 },
    );
  });
});
