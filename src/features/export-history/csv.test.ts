import { describe, expect, it } from "vitest";
import { parseCsv } from "../../testing/parse-csv.ts";
import { csvField, toCsv } from "./csv.ts";

describe("csvField (RFC 4180)", () => {
  it("leaves plain text as it is", () => {
    expect(csvField("web-01")).toBe("web-01");
    expect(csvField("")).toBe("");
  });

  it("quotes a field holding a comma, a quote, CR or LF, doubling the quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
  });
});

describe("csvField against formula injection", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
    it(`puts an apostrophe before a field starting with ${JSON.stringify(start)}`, () => {
      const field = csvField(`${start}HYPERLINK("http://evil","x")`);
      expect(field.replace(/^"/, "").startsWith(`'${start}`)).toBe(true);
    });
  }

  it("neutralises and quotes at once, so the reader gets the apostrophe inside the field", () => {
    const csv = toCsv([['=cmd|" /C calc"!A0', "ok"]]);
    expect(parseCsv(csv)).toEqual([[`'=cmd|" /C calc"!A0`, "ok"]]);
  });

  it("leaves a formula character that is not first alone", () => {
    expect(csvField("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("ends every line with CRLF and starts with a byte-order mark", () => {
    const csv = toCsv([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(csv).toBe("\uFEFFa,b\r\nc,d\r\n");
  });

  it("round-trips Chinese text, quotes, commas and line breaks through a separate reader", () => {
    const rows = [
      ["时间", "用户", "原因"],
      ["2026-12-03T10:00:00.000Z", "alice", "工单 SUP-88：客户要求，导出“web-01”"],
      ["", "bob", 'multi\r\nline, with "quotes"'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
