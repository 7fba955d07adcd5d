import { describe, expect, it } from "vitest";
import { formatFor } from "./format.ts";
import { browserLanguage } from "./language.ts";

describe("the first visit's language", () => {
  it("follows the browser's first English or Chinese, and any Chinese is Simplified", () => {
    expect(browserLanguage(["zh-CN"])).toBe("zh-CN");
    expect(browserLanguage(["zh-TW", "en"])).toBe("zh-CN");
    expect(browserLanguage(["fr-FR", "en-GB", "zh"])).toBe("en");
    expect(browserLanguage(["de", "zh-Hans-CN"])).toBe("zh-CN");
    expect(browserLanguage(["de"])).toBe("en");
    expect(browserLanguage([])).toBe("en");
  });
});

describe("numbers, sizes and times per language", () => {
  const moment = new Date("2026-12-03T10:00:00Z");

  it("groups digits and names units the way each language does", () => {
    expect(formatFor("en").number(10_000)).toBe(new Intl.NumberFormat("en").format(10_000));
    expect(formatFor("en").bytes(513)).toBe(
      new Intl.NumberFormat("en", { style: "unit", unit: "byte", unitDisplay: "long" }).format(513),
    );
    expect(formatFor("zh-CN").bytes(513)).not.toBe(formatFor("en").bytes(513));
    expect(formatFor("en").bytes(1640)).toMatch(/^1\.6\s?kB$/);
    expect(formatFor("en").bytes(3 * 1024 * 1024)).toMatch(/^3\s?MB$/);
  });

  it("says the same moment in UTC for the hover title, whatever the local zone", () => {
    expect(formatFor("en").utc(moment)).toContain("UTC");
    expect(formatFor("zh-CN").utc(moment)).toContain("UTC");
    expect(formatFor("zh-CN").dateTime(moment)).not.toBe(formatFor("en").dateTime(moment));
  });
});
