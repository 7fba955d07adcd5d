import { describe, expect, it } from "vitest";
import { isOriginForm } from "./request-target.ts";

describe("isOriginForm", () => {
  it.each([
    "/",
    "/v3/0123/keypairs",
    "/v3/0123/keypairs?limit=5&marker=web-01",
    "/v3/0123/keypairs/a.b",
    "/assets/index-abc.js",
  ])("accepts %s", (target) => expect(isOriginForm(target)).toBe(true));

  it.each([
    "http://127.0.0.1:8392/v3/0123/keypairs",
    "HTTP://example.com/v3",
    "//evil.example/v3/0123/keypairs",
    "\\\\evil\\v3",
    "/v3\\..\\latest",
    "*",
    "",
    "v3/0123/keypairs",
    "/v3/x/../../latest/meta-data/",
    "/v3/x/./keypairs",
    "/v3/x/%2e%2e/%2E%2E/latest",
    "/v3/x/.%2e/latest",
    "/v3/x/..%2f..%2flatest",
    "/v3/x/%5c..",
    "/v3/x/%zz",
    "/v3/x#frag",
  ])("refuses %s", (target) => expect(isOriginForm(target)).toBe(false));
});
