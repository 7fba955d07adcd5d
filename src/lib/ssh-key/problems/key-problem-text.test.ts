import { describe, expect, it } from "vitest";
import { keyProblemText, keyProblemWords } from "./key-problem-text.ts";

describe("keyProblemText", () => {
  it("gives every key problem code its own words", () => {
    const words = keyProblemWords.get();
    expect(keyProblemText("key.notPossessed")).toBe(words.notPossessed);
    expect(keyProblemText("key.wrongPassphrase", words)).toBe(words.wrongPassphrase);
    const all = Object.keys(words).map((key) => keyProblemText(`key.${key}` as never));
    expect(new Set(all).size).toBe(all.length);
  });
});
