import { afterAll, describe, expect, it } from "vitest";
import { formatFor } from "../../lib/i18n/format.ts";
import { switchLanguage } from "../../lib/i18n/i18n.ts";
import type { Language } from "../../lib/i18n/language.ts";
import { nameWords, refusalWords } from "./components/words/en.ts";
import type { NameProblem } from "./import-names.ts";
import { keyProblemWords, nameProblemWords } from "./problem-words.ts";
import type { KeyProblem } from "./read-key-file.ts";

// One of each code: a Record over the codes, so a new code without words fails tsc here.
const KEY_PROBLEMS: Record<KeyProblem["code"], KeyProblem> = {
  "text.tooLarge": { code: "text.tooLarge", params: { limit: 16 * 1024 } },
  "text.empty": { code: "text.empty" },
  "text.privateKey": { code: "text.privateKey" },
  "text.rfc4716": { code: "text.rfc4716" },
  "text.lines": { code: "text.lines", params: { lines: 1200 } },
  "text.characters": { code: "text.characters" },
  "line.options": { code: "line.options" },
  "line.malformed": { code: "line.malformed" },
  "type.securityKey": { code: "type.securityKey", params: { type: "sk-ssh-ed25519@openssh.com" } },
  "type.dsa": { code: "type.dsa" },
  "type.certificate": { code: "type.certificate" },
  "type.unsupported": { code: "type.unsupported", params: { type: "ssh-foo" } },
  "type.mismatch": { code: "type.mismatch", params: { declared: "ssh-rsa", held: "ssh-ed25519" } },
  "type.missing": { code: "type.missing", params: { declared: "ssh-rsa" } },
  "rsa.size": { code: "rsa.size", params: { bits: 1024 } },
  "base64.length": { code: "base64.length" },
  "base64.malformed": { code: "base64.malformed" },
  "base64.notCanonical": { code: "base64.notCanonical" },
  "key.damaged": { code: "key.damaged" },
  "key.trailingBytes": { code: "key.trailingBytes" },
  "comment.tooLong": { code: "comment.tooLong", params: { limit: 255 } },
  "comment.characters": { code: "comment.characters" },
  "file.tooLarge": { code: "file.tooLarge", params: { limit: 16 * 1024 } },
  "file.unreadable": { code: "file.unreadable" },
};

const NAME_PROBLEMS: Record<NameProblem["code"], NameProblem> = {
  "name.empty": { code: "name.empty" },
  "name.characters": { code: "name.characters" },
  "name.tooLong": { code: "name.tooLong", params: { max: 255 } },
  "name.taken": { code: "name.taken", params: { name: "web-01" } },
  "name.twice": { code: "name.twice", params: { name: "web-01" } },
};

afterAll(() => switchLanguage("en"));

describe.each<Language>(["en", "zh-CN"])("refusals in %s", (language) => {
  async function words() {
    await switchLanguage(language);
    return { refusals: refusalWords.get(), names: nameWords.get(), format: formatFor(language) };
  }

  it("give every key refusal its own words, with its parameters filled in", async () => {
    for (const [code, problem] of Object.entries(KEY_PROBLEMS)) expect(problem.code).toBe(code);
    const { refusals, format } = await words();
    const said = Object.values(KEY_PROBLEMS).map((problem) =>
      keyProblemWords(problem, refusals, format),
    );
    expect(new Set(said).size).toBe(said.length);
    for (const text of said) expect(text).not.toMatch(/\{(limit|lines|type|declared|held|bits)\}/);
    const joined = said.join("\n");
    for (const quoted of ["sk-ssh-ed25519@openssh.com", "ssh-foo", "ssh-ed25519", "1024"]) {
      expect(joined).toContain(quoted);
    }
    // Sizes and counts are written the language's way, not as raw numbers.
    expect(joined).toContain(format.bytes(16 * 1024));
    expect(joined).toContain(format.number(1200));
  });

  it("give every name problem its own words, naming the name", async () => {
    const { names } = await words();
    const said = Object.values(NAME_PROBLEMS).map((problem) => nameProblemWords(problem, names));
    expect(new Set(said).size).toBe(said.length);
    expect(nameProblemWords(NAME_PROBLEMS["name.taken"], names)).toContain("web-01");
    expect(nameProblemWords(NAME_PROBLEMS["name.tooLong"], names)).toContain("255");
  });
});
