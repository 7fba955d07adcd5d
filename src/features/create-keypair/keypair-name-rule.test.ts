import { afterAll, describe, expect, it } from "vitest";
import { formatFor } from "../../lib/i18n/format.ts";
import { switchLanguage } from "../../lib/i18n/i18n.ts";
import { nameWords } from "./components/words/en.ts";
import { nameProblem } from "./keypair-name-rule.ts";
import { nameProblemWords } from "./name-problem-words.ts";

const none = new Set<string>();

afterAll(() => switchLanguage("en"));

describe("nameProblem", () => {
  it("accepts letters, digits, _ and - up to 255 characters", () => {
    expect(nameProblem("web-01_A", none)).toBeNull();
    expect(nameProblem("a".repeat(255), none)).toBeNull();
    expect(nameProblem("7", none)).toBeNull();
  });

  it("refuses an empty name and one over 255 characters, saying the length", () => {
    expect(nameProblem("", none)).toEqual({ code: "name.empty" });
    expect(nameProblem("a".repeat(256), none)).toEqual({
      code: "name.tooLong",
      params: { max: 255, length: 256 },
    });
  });

  it("names the characters it refuses, each once, in the order typed", () => {
    const refused = (name: string) => {
      const problem = nameProblem(name, none);
      return problem?.code === "name.characters" ? problem.params.characters : null;
    };
    expect(refused("web 01")).toEqual([" "]);
    expect(refused("web.01/x.y")).toEqual([".", "/"]);
    expect(refused("clé")).toEqual(["é"]);
    expect(refused("../etc")).toEqual([".", "/"]);
    expect(refused("a\nb c!")).toEqual(["\n", " ", "!"]);
  });

  it("refuses a name the loaded list already holds, and only exactly that name", () => {
    const taken = new Set(["web-01"]);
    expect(nameProblem("web-01", taken)).toEqual({
      code: "name.taken",
      params: { name: "web-01" },
    });
    expect(nameProblem("WEB-01", taken)).toBeNull();
    expect(nameProblem("web-011", taken)).toBeNull();
  });
});

describe.each(["en", "zh-CN"] as const)("nameProblemWords in %s", (language) => {
  it("shows a space by name and a control character by its code point", async () => {
    await switchLanguage(language);
    const t = nameWords.get();
    const problem = nameProblem("a\nb c!", none);
    if (!problem) throw new Error("accepted");
    expect(nameProblemWords(problem, t, formatFor(language))).toBe(
      t.characters({ characters: `U+000A ${t.space} !` }),
    );
    const long = nameProblem("a".repeat(1300), none);
    if (!long) throw new Error("accepted");
    expect(nameProblemWords(long, t, formatFor(language))).toBe(
      t.tooLong({ max: "255", length: formatFor(language).number(1300) }),
    );
  });
});
