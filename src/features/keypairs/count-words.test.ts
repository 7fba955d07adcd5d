import { describe, expect, it } from "vitest";
import { formatFor } from "../../lib/i18n/format.ts";
import { countWords } from "./count-words.ts";
import { listWords } from "./words/en.ts";

const t = listWords.get();
const en = formatFor("en");

describe("countWords", () => {
  it("picks the plural form by the number and writes it grouped", () => {
    expect(countWords(t.total, 1, en)).toBe(t.total(1));
    expect(countWords(t.total, 1234, en)).toBe(t.total(1234).replace("1234", "1,234"));
    expect(countWords(t.total, 1234, en)).toContain("1,234");
  });

  it("fills the other numbers after the count, so a shown number never clashes with it", () => {
    const text = countWords(t.showing, 1234, en, { shown: 123 });
    expect(text).toContain("123 ");
    expect(text).toContain("1,234");
    expect(text).not.toContain("{shown}");
    expect(countWords(t.showing, 12345, en, { shown: 12345 }).match(/12,345/g)).toHaveLength(2);
  });

  it("writes the numbers as Chinese writes them in zh-CN", () => {
    const zh = formatFor("zh-CN");
    expect(countWords(t.total, 10000, zh)).toContain(zh.number(10000));
  });
});
