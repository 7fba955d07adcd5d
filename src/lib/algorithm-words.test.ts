import { describe, expect, it } from "vitest";
import { ALGORITHMS } from "../../contract/kps.ts";
import { algorithmWords } from "./algorithm-words.ts";
import { algorithmNameWords } from "./ssh-key/words/en.ts";

describe("algorithmWords", () => {
  it("writes every algorithm KPS names as family and size, as the preview does", () => {
    expect(ALGORITHMS.map(algorithmWords)).toEqual([
      "RSA 2048",
      "RSA 3072",
      "RSA 4096",
      "ED25519 256",
      "ECDSA 256",
      "ECDSA 384",
      "ECDSA 521",
    ]);
  });

  it("shows what it does not know as sent, and says when nothing was", () => {
    expect(algorithmWords("SM2")).toBe("SM2");
    expect(algorithmWords(undefined)).toBe(algorithmNameWords.get().notReported);
  });
});
