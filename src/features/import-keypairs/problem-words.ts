import type { Format } from "../../lib/i18n/format.ts";
import type { nameWords, refusalWords } from "./components/words/en.ts";
import type { NameProblem } from "./import-names.ts";
import type { KeyProblem } from "./read-key-file.ts";

type RefusalWords = ReturnType<typeof refusalWords.get>;
type NameWords = ReturnType<typeof nameWords.get>;

/** A key's refusal in the chosen language; sizes in the language's own units. */
export function keyProblemWords(problem: KeyProblem, t: RefusalWords, format: Format): string {
  switch (problem.code) {
    case "text.tooLarge":
      return t.textTooLarge({ limit: format.bytes(problem.params.limit) });
    case "text.empty":
      return t.textEmpty;
    case "text.privateKey":
      return t.textPrivateKey;
    case "text.rfc4716":
      return t.textRfc4716;
    case "text.lines":
      return t.textLines({ lines: format.number(problem.params.lines) });
    case "text.characters":
      return t.textCharacters;
    case "line.options":
      return t.lineOptions;
    case "line.malformed":
      return t.lineMalformed;
    case "type.securityKey":
      return t.typeSecurityKey(problem.params);
    case "type.dsa":
      return t.typeDsa;
    case "type.certificate":
      return t.typeCertificate;
    case "type.unsupported":
      return t.typeUnsupported(problem.params);
    case "type.mismatch":
      return t.typeMismatch(problem.params);
    case "type.missing":
      return t.typeMissing(problem.params);
    case "rsa.size":
      return t.rsaSize(problem.params);
    case "base64.length":
      return t.base64Length;
    case "base64.malformed":
      return t.base64Malformed;
    case "base64.notCanonical":
      return t.base64NotCanonical;
    case "key.damaged":
      return t.keyDamaged;
    case "key.trailingBytes":
      return t.keyTrailingBytes;
    case "comment.tooLong":
      return t.commentTooLong(problem.params);
    case "comment.characters":
      return t.commentCharacters;
    case "file.tooLarge":
      return t.fileTooLarge({ limit: format.bytes(problem.params.limit) });
    case "file.unreadable":
      return t.fileUnreadable;
  }
}

export function nameProblemWords(problem: NameProblem, t: NameWords): string {
  switch (problem.code) {
    case "name.empty":
      return t.empty;
    case "name.characters":
      return t.characters;
    case "name.tooLong":
      return t.tooLong(problem.params);
    case "name.taken":
      return t.taken(problem.params);
    case "name.twice":
      return t.twice(problem.params);
  }
}
