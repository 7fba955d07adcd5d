import { describe, expect, it } from "vitest";
import { nameProblem } from "./keypair-name-rule.ts";

const none = new Set<string>();

describe("nameProblem", () => {
  it("accepts letters, digits, _ and - up to 255 characters", () => {
    expect(nameProblem("web-01_A", none)).toBeNull();
    expect(nameProblem("a".repeat(255), none)).toBeNull();
    expect(nameProblem("7", none)).toBeNull();
  });

  it("refuses an empty name and one over 255 characters, saying the length", () => {
    expect(nameProblem("", none)).toBe("Enter a name.");
    expect(nameProblem("a".repeat(256), none)).toContain("this one has 256");
  });

  it("names the characters it refuses", () => {
    expect(nameProblem("web 01", none)).toContain("(not space)");
    expect(nameProblem("web.01/x", none)).toContain("(not . /)");
    expect(nameProblem("clé", none)).toContain("é");
    expect(nameProblem("../etc", none)).not.toBeNull();
    expect(nameProblem("a\nb c!", none)).toContain("(not U+000A space !)");
  });

  it("refuses a name the loaded list already holds, and only exactly that name", () => {
    const taken = new Set(["web-01"]);
    expect(nameProblem("web-01", taken)).toBe(
      "A key pair named web-01 already exists in this project.",
    );
    expect(nameProblem("WEB-01", taken)).toBeNull();
    expect(nameProblem("web-011", taken)).toBeNull();
  });
});
