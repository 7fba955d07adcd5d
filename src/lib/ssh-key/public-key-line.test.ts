import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PUBLIC_KEY_BYTES, parsePublicKeyLine } from "./public-key-line.ts";
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

function problemOf(text: string): string {
  const result = parsePublicKeyLine(text);
  if (result.ok) throw new Error("accepted");
  return result.problem;
}

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

describe("parsePublicKeyLine refuses, with the reason", () => {
  it("a private key pasted by mistake, in PEM or OpenSSH form", () => {
    for (const label of ["rsa-2048", "ed25519"]) {
      expect(problemOf(key(label).privateText)).toMatch(/^This is a private key/);
    }
    expect(
      problemOf("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"),
    ).toMatch(/private key/);
  });

  it("several lines, saying how many", () => {
    const two = `${key("ed25519").line}${key("rsa-2048").line}`;
    expect(problemOf(two)).toBe(
      "This holds 2 lines; a public key is one line. Import one at a time.",
    );
  });

  it("more than 16 KiB", () => {
    const [type, base64] = parts(key("ed25519").line);
    const big = `${type} ${base64} ${"a".repeat(MAX_PUBLIC_KEY_BYTES)}`;
    expect(problemOf(big)).toMatch(/larger than 16 KiB/);
  });

  it("unsupported types: DSA, a security key, a certificate, something else", () => {
    expect(problemOf(key("dsa").line)).toMatch(/^DSA keys \(ssh-dss\) are not supported/);
    const sk = concat([
      sshString("sk-ssh-ed25519@openssh.com"),
      sshString(new Uint8Array(32)),
      sshString("ssh:"),
    ]);
    expect(problemOf(`sk-ssh-ed25519@openssh.com ${b64(sk)} yubi`)).toMatch(
      /^Security-key \(FIDO\)/,
    );
    expect(problemOf(`ssh-ed25519-cert-v01@openssh.com ${b64(sk)}`)).toMatch(/certificates/);
    expect(problemOf(`ssh-foo ${b64(sk)}`)).toMatch(/^The key type ssh-foo is not supported/);
  });

  it("an RSA size KPS does not take", () => {
    expect(problemOf(key("rsa-1024").line)).toBe(
      "This RSA key has 1024 bits; KPS takes RSA keys of 2048, 3072 or 4096 bits.",
    );
  });

  it("a type in the line that is not the blob's", () => {
    const [, base64] = parts(key("ed25519").line);
    expect(problemOf(`ssh-rsa ${base64}`)).toBe(
      "The line says ssh-rsa, but the key it holds is ssh-ed25519; the two must match.",
    );
    const [, ecdsa] = parts(key("ecdsa-256").line);
    expect(problemOf(`ecdsa-sha2-nistp384 ${ecdsa}`)).toMatch(/the two must match/);
  });

  it("malformed or non-canonical base64", () => {
    const [type, base64] = parts(key("ed25519").line);
    expect(problemOf(`${type} ${base64.slice(0, -1)}`)).toMatch(/base64 is malformed/);
    expect(problemOf(`${type} ${base64.replace(/=*$/, "")}@@`)).toMatch(
      /not an OpenSSH public key/,
    );
    // The last character's stray low bits: decodes to the same bytes, but is not what was listed.
    const blob = blobOf(key("ecdsa-256").line);
    const canonical = b64(blob);
    const last = canonical.replace(/=+$/, "").at(-1) as string;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const bent = alphabet[alphabet.indexOf(last) + 1] as string;
    const stray = canonical.replace(/.(=*)$/, `${bent}$1`);
    if (Buffer.from(stray, "base64").equals(Buffer.from(blob))) {
      expect(problemOf(`ecdsa-sha2-nistp256 ${stray}`)).toMatch(/canonical/);
    }
  });

  it("a damaged blob: truncated, with bytes after the key, or a point off the curve", () => {
    const ed = blobOf(key("ed25519").line);
    expect(problemOf(`ssh-ed25519 ${b64(ed.subarray(0, ed.length - 3))}`)).toMatch(/damaged/);
    expect(problemOf(`ssh-ed25519 ${b64(concat([ed, sshString("x")]))}`)).toMatch(
      /bytes after the key/,
    );
    const ec = blobOf(key("ecdsa-256").line);
    const offCurve = Uint8Array.from(ec);
    offCurve[offCurve.length - 1] = (offCurve[offCurve.length - 1] ?? 0) ^ 1;
    expect(problemOf(`ecdsa-sha2-nistp256 ${b64(offCurve)}`)).toMatch(/damaged/);
    const notEd = concat([sshString("ssh-ed25519"), sshString(new Uint8Array(32).fill(0xff))]);
    expect(problemOf(`ssh-ed25519 ${b64(notEd)}`)).toMatch(/damaged/);
  });

  it("authorized_keys options, control characters and an unsafe comment", () => {
    const line = key("ed25519").line.trim();
    expect(problemOf(`command="rm -rf /" ${line}`)).toMatch(/options/);
    expect(problemOf(line.replace(" ", "\t"))).toMatch(/tabs, control or non-ASCII/);
    expect(problemOf(`${line} <script>`)).toMatch(/^The key comment may hold only/);
    expect(problemOf(`${line} caf\u00e9`)).toMatch(/non-ASCII/);
  });

  it("an empty paste", () => {
    expect(problemOf(" \n")).toBe("Paste or choose a public key.");
  });

  it("never quotes key material in a refusal", () => {
    const [, base64] = parts(key("rsa-2048").line);
    for (const text of [`ssh-ed25519 ${base64}`, `ssh-rsa ${base64.slice(0, -4)}`]) {
      expect(problemOf(text)).not.toContain(base64.slice(20, 40));
    }
  });
});
