import { describe, expect, it } from "vitest";
import { protectRefusalText } from "./refusal-text.ts";
import { protectWords } from "./words/en.ts";

const t = protectWords.get();

describe("protectRefusalText", () => {
  it("says each refusal the worker can send, with its parameters", () => {
    expect(protectRefusalText({ code: "tooShort", params: { min: 12 } }, t)).toBe(
      t.refusedTooShort({ min: 12 }),
    );
    expect(protectRefusalText({ code: "nothingToProtect" }, t)).toBe(t.refusedNothing);
    expect(protectRefusalText({ code: "notReopened", params: { fileName: "web-01.pem" } }, t)).toBe(
      t.refusedNotReopened({ file: "web-01.pem" }),
    );
    expect(protectRefusalText({ code: "failed" }, t)).toBe(t.refusedFailed);
  });
});
