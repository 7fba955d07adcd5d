// Issue 14: a key in one language and not the other fails here (and in tsc, through
// ChineseCatalog); so does a placeholder the translation dropped or invented.
import { describe, expect, it } from "vitest";
import type { NamedWords } from "./i18n.ts";

type Raw = string | { input: unknown } | Record<string, string>;

const english = import.meta.glob<Record<string, unknown>>("/src/**/words/*en.ts", { eager: true });
const chinese = import.meta.glob<{ default: Record<string, Record<string, unknown>> }>(
  "/src/**/words/*zh-cn.ts",
  { eager: true },
);

function isWords(value: unknown): value is NamedWords & { base: Record<string, Raw> } {
  return typeof value === "object" && value !== null && "wordsName" in value;
}

/** Every text of a message: a plain string, a `params` input, or each form of a `count`. */
function texts(raw: unknown): string[] {
  if (typeof raw === "string") return [raw];
  if (typeof raw === "object" && raw !== null) {
    if ("input" in raw) return texts(raw.input);
    return Object.values(raw).flatMap(texts);
  }
  return [];
}

function placeholders(raw: unknown): string[] {
  return [...new Set(texts(raw).flatMap((text) => text.match(/\{\w+\}/g) ?? []))].sort();
}

const englishGroups = Object.entries(english).flatMap(([path, module]) =>
  Object.values(module)
    .filter(isWords)
    .map((words) => ({ path, words })),
);

describe("the Chinese catalog matches the English words", () => {
  it("has a Chinese file beside every English one (en.ts / zh-cn.ts, x-en.ts / x-zh-cn.ts)", () => {
    const pairs = (paths: string[], suffix: RegExp) =>
      paths.map((path) => path.replace(suffix, "")).sort();
    expect(pairs(Object.keys(chinese), /zh-cn\.ts$/)).toEqual(
      pairs(Object.keys(english), /en\.ts$/),
    );
    expect(englishGroups.length).toBeGreaterThan(0);
  });

  it("gives each group's name once in the whole console", () => {
    const names = englishGroups.map(({ words }) => words.wordsName);
    expect(names.length).toBe(new Set(names).size);
  });

  for (const { path, words } of englishGroups) {
    it(`${words.wordsName} (${path}): same keys, same placeholders, nothing empty`, () => {
      const zhPath = path.replace(/en\.ts$/, "zh-cn.ts");
      const translated = chinese[zhPath]?.default[words.wordsName];
      expect(translated, `${zhPath} has no "${words.wordsName}"`).toBeDefined();
      const base = words.base;
      expect(Object.keys(translated ?? {}).sort()).toEqual(Object.keys(base).sort());
      for (const key of Object.keys(base)) {
        const zh = translated?.[key];
        expect(placeholders(zh), `${words.wordsName}.${key}`).toEqual(placeholders(base[key]));
        for (const text of texts(zh)) expect(text.trim(), `${words.wordsName}.${key}`).not.toBe("");
      }
    });
  }

  it("has no Chinese group that no English words define", () => {
    const defined = new Set(englishGroups.map(({ words }) => words.wordsName));
    const extra = Object.values(chinese)
      .flatMap((module) => Object.keys(module.default))
      .filter((name) => !defined.has(name));
    expect(extra).toEqual([]);
  });
});
