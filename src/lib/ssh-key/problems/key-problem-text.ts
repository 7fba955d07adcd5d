import type { KeyProblem } from "../inspect-key.ts";
import { keyProblemWords } from "./words/en.ts";

export { keyProblemWords } from "./words/en.ts";

type WordKey = KeyProblem extends `key.${infer Key}` ? Key : never;

/**
 * A key problem in the words of the language chosen now. Components that re-render on a
 * language switch pass their own `useWords(keyProblemWords)` as `words`.
 */
export function keyProblemText(
  problem: KeyProblem,
  words: Record<WordKey, string> = keyProblemWords.get(),
): string {
  return words[problem.slice("key.".length) as WordKey];
}
