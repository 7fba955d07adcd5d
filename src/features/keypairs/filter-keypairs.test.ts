import { describe, expect, it } from "vitest";
import type { KeypairSummary } from "../../../contract/kps.ts";
import { sha256FingerprintOfLine } from "../../lib/ssh-key/sha256-fingerprint.ts";
import { generateTestKeys } from "../../testing/test-keys.ts";
import { filterKeypairs, NO_FILTERS } from "./filter-keypairs.ts";

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
const names = (result: KeypairSummary[]) => result.map((row) => row.name);

describe("filterKeypairs", () => {
  it("sorts by name both ways", () => {
    expect(names(filterKeypairs(rows, NO_FILTERS))).toEqual(["Web-01", "db-01", "web-02"]);
    expect(names(filterKeypairs(rows, { ...NO_FILTERS, sort: "desc" }))).toEqual([
      "web-02",
      "db-01",
      "Web-01",
    ]);
  });

  it("searches name and fingerprint, case-insensitively, ignoring an MD5: prefix", () => {
    expect(names(filterKeypairs(rows, { ...NO_FILTERS, search: "WEB" }))).toEqual([
      "Web-01",
      "web-02",
    ]);
    expect(names(filterKeypairs(rows, { ...NO_FILTERS, search: "MD5:cc:dd" }))).toEqual(["db-01"]);
  });

  it("finds an MD5 fingerprint pasted without colons, whole or in part", () => {
    expect(names(filterKeypairs(rows, { ...NO_FILTERS, search: "CCDD02" }))).toEqual(["db-01"]);
    expect(names(filterKeypairs(rows, { ...NO_FILTERS, search: "dd02" }))).toEqual(["db-01"]);
    expect(names(filterKeypairs(rows, { ...NO_FILTERS, search: "ccdd03" }))).toEqual([]);
  });

  it("finds the SHA256 fingerprint ssh-keygen shows, with or without its prefix", () => {
    const [first, second] = generateTestKeys().filter((key) => key.label.includes("openssh"));
    const keyed: KeypairSummary[] = [
      { name: "first", public_key: first?.publicLine },
      { name: "second", public_key: second?.publicLine },
    ];
    const sha = sha256FingerprintOfLine(second?.publicLine) as string;
    expect(names(filterKeypairs(keyed, { ...NO_FILTERS, search: sha }))).toEqual(["second"]);
    expect(names(filterKeypairs(keyed, { ...NO_FILTERS, search: sha.slice(0, 16) }))).toEqual([
      "second",
    ]);
    const bare = sha.slice("SHA256:".length);
    expect(names(filterKeypairs(keyed, { ...NO_FILTERS, search: ` ${bare} ` }))).toEqual([
      "second",
    ]);
    // base64 is case-sensitive: a lower-cased fingerprint names another key.
    expect(names(filterKeypairs(keyed, { ...NO_FILTERS, search: sha.toLowerCase() }))).toEqual(
      sha === sha.toLowerCase() ? ["second"] : [],
    );
  });

  it("filters by scope, hosted and frozen", () => {
    expect(names(filterKeypairs(rows, { ...NO_FILTERS, scope: "user" }))).toEqual(["db-01"]);
    expect(names(filterKeypairs(rows, { ...NO_FILTERS, hosted: "not-hosted" }))).toEqual(["db-01"]);
    expect(names(filterKeypairs(rows, { ...NO_FILTERS, status: "frozen" }))).toEqual(["Web-01"]);
    expect(
      names(filterKeypairs(rows, { ...NO_FILTERS, status: "normal", hosted: "hosted" })),
    ).toEqual(["web-02"]);
  });

  it("filters 10,000 rows quickly", () => {
    const many = Array.from({ length: 10_000 }, (_, index) => ({
      name: `key-${index}`,
      fingerprint: `${index}`,
    }));
    const started = performance.now();
    expect(filterKeypairs(many, { ...NO_FILTERS, search: "key-999" })).toHaveLength(11);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
