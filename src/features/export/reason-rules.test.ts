import { describe, expect, it } from "vitest";
import { freshOpenSshKey } from "../../testing/test-keys.ts";
import { reasonHeader, reasonLength, reasonProblem } from "./reason-rules.ts";

describe("reasonProblem", () => {
  it("asks for 8 characters after trimming: eight spaces are no reason", () => {
    expect(reasonProblem("        ", "required")).toBe("missing");
    expect(reasonProblem("   SUP-88  ", "required")).toBe("tooShort");
    expect(reasonProblem("  SUP-1234  ", "required")).toBeNull();
  });

  it("counts code points, so Chinese and emoji are one character each", () => {
    expect(reasonLength("客户工单轮换密钥")).toBe(8);
    expect(reasonProblem("客户工单轮换密钥", "required")).toBeNull();
    expect(reasonProblem("客户工单轮换密", "required")).toBe("tooShort");
    expect(reasonProblem("😀".repeat(500), "required")).toBeNull();
    expect(reasonProblem("😀".repeat(501), "required")).toBe("tooLong");
    expect(reasonProblem("a".repeat(501), "required")).toBe("tooLong");
  });

  it("refuses control, separator and direction characters the history would misshow", () => {
    for (const character of [
      "\n",
      "\t",
      "\u0000",
      "\u007f",
      "\u0085",
      "\u2028",
      "\u202e",
      "\u2066",
      "\u200f",
      "\u061c",
    ]) {
      expect(reasonProblem(`Ticket${character}SUP-88`, "required"), JSON.stringify(character)).toBe(
        "forbiddenCharacter",
      );
    }
  });

  it("refuses pasted key material", () => {
    // A real key's first line, as a hurried paste would bring it.
    const [armour] = freshOpenSshKey().split("\n");
    expect(reasonProblem(`Ticket 7 ${armour}`, "required")).toBe("keyMaterial");
    expect(reasonProblem("see openssh-key-v1 blob", "optional")).toBe("keyMaterial");
  });

  it("lets an optional reason be empty but still judges one that is typed, and ignores hidden", () => {
    expect(reasonProblem("", "optional")).toBeNull();
    expect(reasonProblem("short", "optional")).toBe("tooShort");
    expect(reasonProblem("", "hidden")).toBeNull();
    expect(reasonProblem("\n", "hidden")).toBeNull();
  });
});

describe("reasonHeader", () => {
  it("percent-encodes the trimmed reason as UTF-8, which decodes back to what was typed", () => {
    const header = reasonHeader("  工单 SUP-88: 轮换 ", "required");
    expect(header).toBe("%E5%B7%A5%E5%8D%95%20SUP-88%3A%20%E8%BD%AE%E6%8D%A2");
    expect(header && /^[\x21-\x7e]+$/.test(header)).toBe(true);
    expect(decodeURIComponent(header ?? "")).toBe("工单 SUP-88: 轮换");
  });

  it("sends nothing when hidden or when an optional reason is empty", () => {
    expect(reasonHeader("Ticket SUP-88", "hidden")).toBeNull();
    expect(reasonHeader("   ", "optional")).toBeNull();
  });
});
