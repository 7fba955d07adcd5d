import { describe, expect, it } from "vitest";
import { testSession } from "../testing/test-session.ts";
import { sessionMay } from "./permissions.ts";

const EXPORT = "kps:SSHKeyPair:exportPrivateKey" as const;

describe("sessionMay", () => {
  it("reads the demo's policies: full access may export, read-only may only look", () => {
    expect(sessionMay(testSession(["DEW KeypairFullAccess"]), EXPORT)).toBe(true);
    expect(sessionMay(testSession(["DEW KeypairReadOnlyAccess"]), EXPORT)).toBe(false);
    expect(sessionMay(testSession(["DEW KeypairReadOnlyAccess"]), "kps:SSHKeyPair:list")).toBe(
      true,
    );
  });

  it("never rules out what a role it cannot read may grant: the server decides", () => {
    expect(sessionMay(testSession(["te_admin"]), EXPORT)).toBe(true);
    expect(sessionMay(testSession(["DEW KeypairReadOnlyAccess", "custom-export"]), EXPORT)).toBe(
      true,
    );
    expect(sessionMay(testSession([]), EXPORT)).toBe(true);
  });
});
