import type { Format } from "../../lib/i18n/format.ts";
import type { nameWords } from "./components/words/en.ts";
import type { NameProblem } from "./keypair-name-rule.ts";

type Words = ReturnType<typeof nameWords.get>;

/** A refused character as a reader can see it: a space or a control character has no glyph. */
function shown(character: string, t: Words): string {
  if (character === " ") return t.space;
  if (/[\p{C}\p{Z}]/u.test(character)) {
    return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return character;
}

export function nameProblemWords(problem: NameProblem, t: Words, format: Format): string {
  switch (problem.code) {
    case "name.empty":
      return t.empty;
    case "name.tooLong":
      return t.tooLong({
        max: format.number(problem.params.max),
        length: format.number(problem.params.length),
      });
    case "name.characters":
      return t.characters({
        characters: problem.params.characters.map((character) => shown(character, t)).join(" "),
      });
    case "name.taken":
      return t.taken(problem.params);
  }
}
