import { describe, expect, it } from "vitest";
import type { KeypairSummary } from "../../../contract/kps.ts";
import { sha256FingerprintOfLine } from "../../lib/ssh-key/sha256-fingerprint.ts";
import { generateTestKeys } from "../../testing/test-keys.ts";
import {
  type Filtered,
  filterKeypairs,
  type KeypairFilters,
  NO_FILTERS,
  searchIndex,
} from "./filter-keypairs.ts";

const rows: KeypairSummary[] = [
  {
    name: "web-02",
    scope: "domain",
    is_key_protection: true,
    frozen_state: 0,
    fingerprint: "aa:bb:01",
  },
  {
    name: "db-01",
    scope: "user",
    is_key_protection: false,
    frozen_state: 0,
    fingerprint: "cc:dd:02",
  },
  {
    name: "Web-01",
    scope: "domain",
    is_key_protection: true,
    frozen_state: 4,
    fingerprint: "ee:ff:03",
  },
];
const names = (result: readonly KeypairSummary[]) => result.map((row) => row.name);

describe("filterKeypairs", () => {
  it("sorts by name both ways", () => {
    expect(names(filterKeypairs(searchIndex(rows), NO_FILTERS))).toEqual([
      "Web-01",
      "db-01",
      "web-02",
    ]);
    expect(names(filterKeypairs(searchIndex(rows), { ...NO_FILTERS, sort: "desc" }))).toEqual([
      "web-02",
      "db-01",
      "Web-01",
    ]);
  });

  it("searches name and fingerprint, case-insensitively, ignoring an MD5: prefix", () => {
    expect(names(filterKeypairs(searchIndex(rows), { ...NO_FILTERS, search: "WEB" }))).toEqual([
      "Web-01",
      "web-02",
    ]);
    expect(
      names(filterKeypairs(searchIndex(rows), { ...NO_FILTERS, search: "MD5:cc:dd" })),
    ).toEqual(["db-01"]);
  });

  it("finds an MD5 fingerprint pasted without colons, whole or in part", () => {
    expect(names(filterKeypairs(searchIndex(rows), { ...NO_FILTERS, search: "CCDD02" }))).toEqual([
      "db-01",
    ]);
    expect(names(filterKeypairs(searchIndex(rows), { ...NO_FILTERS, search: "dd02" }))).toEqual([
      "db-01",
    ]);
    expect(names(filterKeypairs(searchIndex(rows), { ...NO_FILTERS, search: "ccdd03" }))).toEqual(
      [],
    );
  });

  it("finds the SHA256 fingerprint ssh-keygen shows, with or without its prefix", () => {
    const [first, second] = generateTestKeys().filter((key) => key.label.includes("openssh"));
    const keyed: KeypairSummary[] = [
      { name: "first", public_key: first?.publicLine },
      { name: "second", public_key: second?.publicLine },
    ];
    const sha = sha256FingerprintOfLine(second?.publicLine) as string;
    expect(names(filterKeypairs(searchIndex(keyed), { ...NO_FILTERS, search: sha }))).toEqual([
      "second",
    ]);
    expect(
      names(filterKeypairs(searchIndex(keyed), { ...NO_FILTERS, search: sha.slice(0, 16) })),
    ).toEqual(["second"]);
    const bare = sha.slice("SHA256:".length);
    expect(
      names(filterKeypairs(searchIndex(keyed), { ...NO_FILTERS, search: ` ${bare} ` })),
    ).toEqual(["second"]);
    // base64 is case-sensitive: a lower-cased fingerprint names another key.
    expect(
      names(filterKeypairs(searchIndex(keyed), { ...NO_FILTERS, search: sha.toLowerCase() })),
    ).toEqual(sha === sha.toLowerCase() ? ["second"] : []);
  });

  it("filters by scope, hosted and frozen", () => {
    expect(names(filterKeypairs(searchIndex(rows), { ...NO_FILTERS, scope: "user" }))).toEqual([
      "db-01",
    ]);
    expect(
      names(filterKeypairs(searchIndex(rows), { ...NO_FILTERS, hosted: "not-hosted" })),
    ).toEqual(["db-01"]);
    expect(names(filterKeypairs(searchIndex(rows), { ...NO_FILTERS, status: "frozen" }))).toEqual([
      "Web-01",
    ]);
    expect(
      names(
        filterKeypairs(searchIndex(rows), { ...NO_FILTERS, status: "normal", hosted: "hosted" }),
      ),
    ).toEqual(["web-02"]);
  });

  it("keeps the order asked for under a search and a filter", () => {
    const index = searchIndex(rows);
    expect(names(filterKeypairs(index, { ...NO_FILTERS, search: "0", sort: "desc" }))).toEqual([
      "web-02",
      "db-01",
      "Web-01",
    ]);
    expect(
      names(filterKeypairs(index, { ...NO_FILTERS, search: "0", hosted: "hosted", sort: "desc" })),
    ).toEqual(["web-02", "Web-01"]);
  });

  it("finds each row once however often it holds the text, and never across two rows", () => {
    const repeated: KeypairSummary[] = ["aaa-1", "b-aa", "c-1", "d-a"].map((name) => ({ name }));
    const index = searchIndex(repeated);
    expect(names(filterKeypairs(index, { ...NO_FILTERS, search: "a" }))).toEqual([
      "aaa-1",
      "b-aa",
      "d-a",
    ]);
    // Where "aaa-1" ends and "b-aa" begins, in the one text the whole list is searched in.
    const across = "1\n\n\u0000b-aa";
    expect(filterKeypairs(index, { ...NO_FILTERS, search: across })).toEqual([]);
    // A name a hostile upstream sent with a NUL inside is still one row, found once.
    const hostile = searchIndex([{ name: "x\u0000y" }, { name: "y" }]);
    expect(names(filterKeypairs(hostile, { ...NO_FILTERS, search: "y" }))).toEqual([
      "x\u0000y",
      "y",
    ]);
    expect(names(filterKeypairs(hostile, { ...NO_FILTERS, search: "x\u0000y" }))).toEqual([
      "x\u0000y",
    ]);
  });

  it("typed, deleted or changed a keystroke at a time, finds what a fresh search finds", () => {
    const many: KeypairSummary[] = Array.from({ length: 300 }, (_, index) => ({
      name: `key-${index}`,
      scope: index % 2 ? "user" : "domain",
      is_key_protection: index % 3 === 0,
      fingerprint: `f${index % 7}:${index}`,
    }));
    const index = searchIndex(many);
    const steps: KeypairFilters[] = [
      { ...NO_FILTERS, search: "k" },
      { ...NO_FILTERS, search: "ke" },
      { ...NO_FILTERS, search: "key-1" },
      { ...NO_FILTERS, search: "key-12" },
      // Few enough now to be searched row by row.
      { ...NO_FILTERS, search: "key-129" },
      // Deleting widens again; so does changing a letter.
      { ...NO_FILTERS, search: "key-1" },
      { ...NO_FILTERS, search: "key-2" },
      // The same text under another choice or order must not reuse the narrower result.
      { ...NO_FILTERS, search: "key-2", scope: "user" },
      { ...NO_FILTERS, search: "key-2" },
      { ...NO_FILTERS, search: "key-2", sort: "desc" },
      { ...NO_FILTERS, search: "key-21", sort: "desc" },
      { ...NO_FILTERS, search: "f3", sort: "desc" },
      { ...NO_FILTERS, search: "f3:", sort: "desc" },
      { ...NO_FILTERS, search: "", sort: "desc" },
      { ...NO_FILTERS, search: "1", hosted: "hosted" },
      { ...NO_FILTERS, search: "12", hosted: "hosted" },
      { ...NO_FILTERS, search: "12" },
    ];
    let previous: Filtered | undefined;
    for (const filters of steps) {
      const rowsNow = filterKeypairs(index, filters, previous);
      expect(names(rowsNow), JSON.stringify(filters)).toEqual(
        names(filterKeypairs(searchIndex(many), filters)),
      );
      previous = { index, filters, rows: rowsNow };
    }
    // A result kept from another list is not searched within.
    const other = searchIndex(many.slice(0, 10));
    const stale: Filtered = { index: other, filters: { ...NO_FILTERS, search: "key" }, rows: [] };
    expect(filterKeypairs(index, { ...NO_FILTERS, search: "key-1" }, stale)).toHaveLength(111);
  });
});
