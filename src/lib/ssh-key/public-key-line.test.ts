import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_COMMENT_LENGTH } from "../../../contract/key-comment.ts";
import {
  MAX_PUBLIC_KEY_BYTES,
  type PublicKeyRefusal,
  parsePublicKeyLine,
} from "./public-key-line.ts";
import { concat, sshString } from "./ssh-bytes.ts";

/** Keys made by OpenSSH at test time (never committed), with what ssh-keygen -l says of them. */
type Made = { line: string; privateText: string; md5: string; sha256: string; bits: number };

let dir = "";
const made = new Map<string, Made>();

function keygen(label: string, args: string[]): Made {
  const file = join(dir, label);
  execFileSync("ssh-keygen", ["-q", "-N", "", "-C", `${label}@test`, "-f", file, ...args]);
  const print = (hash: string) =>
    execFileSync("ssh-keygen", ["-l", "-E", hash, "-f", `${file}.pub`], { encoding: "utf8" });
  const [bits = "", md5 = ""] = print("md5").split(" ");
  return {
    line: readFileSync(`${file}.pub`, "utf8"),
    privateText: readFileSync(file, "utf8"),
    md5: md5.replace(/^MD5:/, ""),
    sha256: print("sha256").split(" ")[1] ?? "",
    bits: Number(bits),
  };
}

function key(label: string): Made {
  const found = made.get(label);
  if (!found) throw new Error(`no key ${label}`);
  return found;
}

const KINDS = [
  ["rsa-2048", ["-t", "rsa", "-b", "2048"], "RSA", null],
  ["rsa-3072", ["-t", "rsa", "-b", "3072"], "RSA", null],
  ["rsa-4096", ["-t", "rsa", "-b", "4096"], "RSA", null],
  ["ed25519", ["-t", "ed25519"], "ED25519", null],
  ["ecdsa-256", ["-t", "ecdsa", "-b", "256"], "ECDSA", "nistp256"],
  ["ecdsa-384", ["-t", "ecdsa", "-b", "384"], "ECDSA", "nistp384"],
  ["ecdsa-521", ["-t", "ecdsa", "-b", "521"], "ECDSA", "nistp521"],
] as const;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kps-pub-"));
  for (const [label, args] of KINDS) made.set(label, keygen(label, [...args]));
  made.set("rsa-1024", keygen("rsa-1024", ["-t", "rsa", "-b", "1024"]));
  made.set("dsa", keygen("dsa", ["-t", "dsa"]));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parts = (line: string) => line.trim().split(" ") as [string, string, string];
const blobOf = (line: string) => Uint8Array.from(Buffer.from(parts(line)[1], "base64"));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

function refusalOf(text: string): PublicKeyRefusal {
  const result = parsePublicKeyLine(text);
  if (result.ok) throw new Error("accepted");
  return result.refusal;
}

const codeOf = (text: string) => refusalOf(text).code;

describe("parsePublicKeyLine on keys made by ssh-keygen", () => {
  it("reads type, size and the fingerprints ssh-keygen -l prints, for every kind KPS takes", () => {
    for (const [label, , algorithm, curve] of KINDS) {
      const made = key(label);
      expect(parsePublicKeyLine(made.line), label).toEqual({
        ok: true,
        algorithm,
        keySize: made.bits,
        curve,
        fingerprint: made.md5,
        sha256: made.sha256,
        line: made.line.trim(),
        comment: `${label}@test`,
      });
    }
  });

  it("takes a line without a comment, or with CRLF and spaces around it, and sends it tidied", () => {
    const [type, base64] = parts(key("ed25519").line);
    expect(parsePublicKeyLine(`${type} ${base64}`)).toMatchObject({ ok: true, comment: "" });
    expect(parsePublicKeyLine(`  ${type} ${base64} me@host\r\n`)).toMatchObject({
      ok: true,
      line: `${type} ${base64} me@host`,
    });
  });
});

describe("parsePublicKeyLine refuses, with the reason as a code", () => {
  it("a private key pasted by mistake, in PEM or OpenSSH form", () => {
    for (const label of ["rsa-2048", "ed25519"]) {
      expect(codeOf(key(label).privateText)).toBe("text.privateKey");
    }
    // And PKCS#1, which ssh-keygen no longer writes by default.
    const pkcs1 = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    }).privateKey;
    expect(codeOf(pkcs1)).toBe("text.privateKey");
  });

  it("several lines, saying how many", () => {
    const two = `${key("ed25519").line}${key("rsa-2048").line}`;
    expect(refusalOf(two)).toEqual({ code: "text.lines", params: { lines: 2 } });
  });

  it("more than 16 KiB", () => {
    const [type, base64] = parts(key("ed25519").line);
    const big = `${type} ${base64} ${"a".repeat(MAX_PUBLIC_KEY_BYTES)}`;
    expect(refusalOf(big)).toEqual({
      code: "text.tooLarge",
      params: { limit: MAX_PUBLIC_KEY_BYTES },
    });
  });

  it("unsupported types: DSA, a security key, a certificate, something else", () => {
    expect(codeOf(key("dsa").line)).toBe("type.dsa");
    const sk = concat([
      sshString("sk-ssh-ed25519@openssh.com"),
      sshString(new Uint8Array(32)),
      sshString("ssh:"),
    ]);
    expect(refusalOf(`sk-ssh-ed25519@openssh.com ${b64(sk)} yubi`)).toEqual({
      code: "type.securityKey",
      params: { type: "sk-ssh-ed25519@openssh.com" },
    });
    expect(codeOf(`ssh-ed25519-cert-v01@openssh.com ${b64(sk)}`)).toBe("type.certificate");
    expect(refusalOf(`ssh-foo ${b64(sk)}`)).toEqual({
      code: "type.unsupported",
      params: { type: "ssh-foo" },
    });
    // A type is quoted back cut short, whatever was pasted.
    const long = `x${"y".repeat(500)}`;
    expect(refusalOf(`${long} ${b64(sk)}`)).toEqual({
      code: "type.unsupported",
      params: { type: long.slice(0, 40) },
    });
  });

  it("an RSA size KPS does not take", () => {
    expect(refusalOf(key("rsa-1024").line)).toEqual({ code: "rsa.size", params: { bits: 1024 } });
  });

  it("a type in the line that is not the blob's", () => {
    const [, base64] = parts(key("ed25519").line);
    expect(refusalOf(`ssh-rsa ${base64}`)).toEqual({
      code: "type.mismatch",
      params: { declared: "ssh-rsa", held: "ssh-ed25519" },
    });
    const [, ecdsa] = parts(key("ecdsa-256").line);
    expect(codeOf(`ecdsa-sha2-nistp384 ${ecdsa}`)).toBe("type.mismatch");
    const untyped = concat([sshString(""), sshString(new Uint8Array(32))]);
    expect(refusalOf(`ssh-ed25519 ${b64(untyped)}`)).toEqual({
      code: "type.missing",
      params: { declared: "ssh-ed25519" },
    });
  });

  it("malformed or non-canonical base64", () => {
    const [type, base64] = parts(key("ed25519").line);
    expect(codeOf(`${type} ${base64.slice(0, -1)}`)).toBe("base64.length");
    expect(codeOf(`${type} ${base64.replace(/=*$/, "")}@@`)).toBe("line.malformed");
    // The last character's stray low bits: decodes to the same bytes, but is not what was listed.
    const blob = blobOf(key("ecdsa-256").line);
    const canonical = b64(blob);
    const last = canonical.replace(/=+$/, "").at(-1) as string;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const bent = alphabet[alphabet.indexOf(last) + 1] as string;
    const stray = canonical.replace(/.(=*)$/, `${bent}$1`);
    if (Buffer.from(stray, "base64").equals(Buffer.from(blob))) {
      expect(codeOf(`ecdsa-sha2-nistp256 ${stray}`)).toBe("base64.notCanonical");
    }
  });

  it("a damaged blob: truncated, with bytes after the key, or a point off the curve", () => {
    const ed = blobOf(key("ed25519").line);
    expect(codeOf(`ssh-ed25519 ${b64(ed.subarray(0, ed.length - 3))}`)).toBe("key.damaged");
    expect(codeOf(`ssh-ed25519 ${b64(concat([ed, sshString("x")]))}`)).toBe("key.trailingBytes");
    const ec = blobOf(key("ecdsa-256").line);
    const offCurve = Uint8Array.from(ec);
    offCurve[offCurve.length - 1] = (offCurve[offCurve.length - 1] ?? 0) ^ 1;
    expect(codeOf(`ecdsa-sha2-nistp256 ${b64(offCurve)}`)).toBe("key.damaged");
    const notEd = concat([sshString("ssh-ed25519"), sshString(new Uint8Array(32).fill(0xff))]);
    expect(codeOf(`ssh-ed25519 ${b64(notEd)}`)).toBe("key.damaged");
  });

  it("authorized_keys options, control characters and an unsafe comment", () => {
    const line = key("ed25519").line.trim();
    expect(codeOf(`command="rm -rf /" ${line}`)).toBe("line.options");
    expect(codeOf(line.replace(" ", "\t"))).toBe("text.characters");
    expect(codeOf(`${line} <script>`)).toBe("comment.characters");
    expect(codeOf(`${line} caf\u00e9`)).toBe("text.characters");
    expect(refusalOf(`${line} ${"a".repeat(MAX_COMMENT_LENGTH + 1)}`)).toEqual({
      code: "comment.tooLong",
      params: { limit: MAX_COMMENT_LENGTH },
    });
  });

  it("an empty paste", () => {
    expect(codeOf(" \n")).toBe("text.empty");
  });

  it("never quotes key material in a refusal", () => {
    const [, base64] = parts(key("rsa-2048").line);
    for (const text of [`ssh-ed25519 ${base64}`, `ssh-rsa ${base64.slice(0, -4)}`]) {
      expect(JSON.stringify(refusalOf(text))).not.toContain(base64.slice(20, 40));
    }
  });
});
