import { describe, expect, it } from "vitest";
import { keyProblemWords } from "../../../lib/ssh-key/problems/key-problem-text.ts";
import type { ArchiveVerdict, EntryReport } from "../archive/archive-types.ts";
import { findingWords } from "../archive/words/en.ts";
import { nameWarningText, problemText, verdictText } from "./finding-text.ts";

const t = findingWords.get();
const counts = { verified: 0, mismatched: 0, unexpected: 0, unreadable: 0, missing: 0 };
const verdict = (fields: Partial<ArchiveVerdict>): ArchiveVerdict => ({
  ok: false,
  requested: 1,
  ...counts,
  ...fields,
});

const entry = (fields: Partial<EntryReport>): EntryReport => ({
  fileName: "web-01.pem",
  keypairName: "web-01",
  size: 1,
  algorithm: null,
  keySize: null,
  derivedFingerprint: null,
  expectedFingerprint: null,
  status: "unreadable",
  problem: null,
  saveAs: "web-01.pem",
  nameWarning: null,
  text: "",
  ...fields,
});

describe("the preview's words for the archive's counts and codes", () => {
  it("says one verified key, all verified keys, or how many of each problem", () => {
    expect(verdictText(verdict({ ok: true, verified: 1 }), t)).toBe(t.verifiedOne);
    expect(verdictText(verdict({ ok: true, requested: 10, verified: 10 }), t)).toBe(
      t.verifiedAll(10),
    );
    const partial = verdictText(
      verdict({ requested: 3, verified: 1, mismatched: 1, missing: 1 }),
      t,
    );
    expect(partial).toBe(
      t.withDetails({
        summary: t.verifiedOf({ verified: 1, requested: t.keys(3) }),
        details: [t.mismatched({ count: 1 }), t.missing({ count: 1 })].join(t.listSeparator),
      }),
    );
    expect(verdictText(verdict({ requested: 2, verified: 1 }), t)).toBe(
      t.verifiedOf({ verified: 1, requested: t.keys(2) }),
    );
  });

  it("turns entry and key codes into their own words, naming the unrequested key", () => {
    const keys = keyProblemWords.get();
    expect(problemText(entry({ problem: null }), t, keys)).toBeNull();
    expect(problemText(entry({ problem: "entry.unrequested" }), t, keys)).toBe(
      t.unrequested({ name: "web-01" }),
    );
    expect(problemText(entry({ problem: "key.damaged" }), t, keys)).toBe(keys.damaged);
  });

  it("says why an entry downloads under another name, and what that name is", () => {
    expect(nameWarningText(entry({}), t)).toBeNull();
    const warned = nameWarningText(
      entry({ saveAs: "web-01-2.pem", nameWarning: { tooLongBytes: 259, caseTwin: true } }),
      t,
    );
    expect(warned).toContain(t.nameTooLong({ bytes: 259 }));
    expect(warned).toContain(t.nameCaseTwin);
    expect(warned).toContain(t.nameSaveAs({ saveAs: "web-01-2.pem" }));
  });
});
