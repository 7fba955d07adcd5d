import { describe, expect, it } from "vitest";
import { forgeFor } from "../../testing/forged-keys.ts";
import { generateTestKeys } from "../../testing/test-keys.ts";
import { NOT_POSSESSED } from "./inspect-key.ts";
import { checkPrivateKeyFor } from "./possession-check.ts";

const keys = generateTestKeys();
const [first, second] = keys as [(typeof keys)[0], (typeof keys)[0]];

describe("checkPrivateKeyFor", () => {
  it.each(keys.map((key) => [key.label, key] as const))(
    "accepts the private half of the listed public key (%s)",
    (_label, key) => {
      const check = checkPrivateKeyFor(key.pem, key.publicLine);
      expect(check).toMatchObject({ ok: true, fingerprint: key.fingerprint });
    },
  );

  it("refuses another key pair's private key", () => {
    expect(checkPrivateKeyFor(second.pem, first.publicLine)).toEqual({
      ok: false,
      problem: NOT_POSSESSED,
    });
  });

  it.each(keys.map((key) => [key.label, key] as const))(
    "refuses a file that carries the listed public key around a made-up secret (%s)",
    (_label, key) => {
      const check = checkPrivateKeyFor(forgeFor(key.publicLine), key.publicLine);
      expect(check.ok).toBe(false);
    },
  );

  it("sends what it checked: CRLF and blank edges of a paste become one clean block", () => {
    const pasted = `\r\n  ${first.pem.replace(/\n/g, "\r\n")}\r\n\r\n`;
    const check = checkPrivateKeyFor(pasted, first.publicLine);
    expect(check).toMatchObject({ ok: true, text: first.pem });
  });

  it("refuses a public key pasted by mistake and a listing without a public key", () => {
    expect(checkPrivateKeyFor(first.publicLine, first.publicLine).ok).toBe(false);
    expect(checkPrivateKeyFor(first.pem, undefined)).toMatchObject({ ok: false });
  });
});
