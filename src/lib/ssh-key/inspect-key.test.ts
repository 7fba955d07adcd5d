import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  forgeEcdsa,
  forgeEd25519,
  forgeRsa,
  type RsaParts,
  rsaPkcs1Pem,
} from "../../testing/forged-keys.ts";
import { generateTestKeys, type TestKey } from "../../testing/test-keys.ts";
import { inspectKey, type KeyProblem, NOT_POSSESSED } from "./inspect-key.ts";

let keys: TestKey[] = [];

beforeAll(() => {
  keys = generateTestKeys();
});

function keyOf(label: string): TestKey {
  const key = keys.find((candidate) => candidate.label === label);
  if (!key) throw new Error(`no test key ${label}`);
  return key;
}

function pemBody(pem: string): Uint8Array {
  const body = pem.split("\n").filter((line) => line && !line.startsWith("-----"));
  return Uint8Array.from(Buffer.from(body.join(""), "base64"));
}

function toPem(label: string, bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes).toString("base64");
  const lines = base64.match(/.{1,70}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

function sshString(value: string | Uint8Array): Uint8Array {
  const bytes = typeof value === "string" ? Buffer.from(value) : value;
  const out = Buffer.alloc(4 + bytes.length);
  out.writeUInt32BE(bytes.length);
  out.set(bytes, 4);
  return out;
}

describe("inspectKey on real keys", () => {
  it("derives algorithm, size and the fingerprint sshpk computes, for every kind", () => {
    for (const key of keys) {
      expect(inspectKey(key.pem), key.label).toEqual({
        ok: true,
        algorithm: key.algorithm,
        keySize: key.keySize,
        fingerprint: key.fingerprint,
      });
    }
  });

  it("accepts CRLF line ends", () => {
    const key = keyOf("rsa-2048-pkcs1");
    expect(inspectKey(key.pem.replace(/\n/g, "\r\n"))).toMatchObject({
      ok: true,
      fingerprint: key.fingerprint,
    });
  });
});

describe("inspectKey refusals", () => {
  const encrypted = "key.encrypted";

  it("calls legacy-encrypted PKCS#1 and encrypted PKCS#8 keys passphrase-protected", () => {
    const options = { cipher: "aes-256-cbc", passphrase: "secret" } as const;
    for (const type of ["pkcs1", "pkcs8"] as const) {
      const { privateKey } = generateKeyPairSync("rsa", {
        modulusLength: 2048,
        privateKeyEncoding: { type, format: "pem", ...options },
        publicKeyEncoding: { type: "spki", format: "pem" },
      });
      expect(inspectKey(privateKey)).toEqual({
        ok: false,
        problem: encrypted,
      });
    }
  });

  it("calls an OpenSSH key with a cipher passphrase-protected", () => {
    const magic = Buffer.from("openssh-key-v1\0");
    const body = Buffer.concat([
      magic,
      sshString("aes256-ctr"),
      sshString("bcrypt"),
      sshString(new Uint8Array(24)),
      Buffer.from([0, 0, 0, 1]),
      sshString(new Uint8Array(51)),
      sshString(new Uint8Array(160)),
    ]);
    expect(inspectKey(toPem("OPENSSH PRIVATE KEY", body))).toEqual({
      ok: false,
      problem: encrypted,
    });
  });

  it("refuses an OpenSSH key whose public header belongs to another key", () => {
    const [first, second] = [keyOf("ed25519-openssh"), keyOf("ecdsa-p256-openssh")];
    const a = pemBody(first.pem);
    const b = pemBody(second.pem);
    // Header layout: magic(15) + "none"(8) + "none"(8) + ""(4) + count(4) + public blob.
    const headerEnd = 15 + 8 + 8 + 4 + 4;
    const blobLength = (bytes: Uint8Array) => Buffer.from(bytes).readUInt32BE(headerEnd);
    const spliced = Buffer.concat([
      a.subarray(0, headerEnd + 4 + blobLength(a)),
      b.subarray(headerEnd + 4 + blobLength(b)),
    ]);
    const result = inspectKey(toPem("OPENSSH PRIVATE KEY", spliced));
    expect(result).toEqual({
      ok: false,
      problem: NOT_POSSESSED,
      claimed: { algorithm: null, keySize: null, fingerprint: first.fingerprint },
    });
  });

  it("refuses a PKCS#1 key whose modulus was changed", () => {
    const der = pemBody(keyOf("rsa-2048-pkcs1").pem);
    // SEQUENCE(4) + version INTEGER(3) + modulus tag and length(4) + leading zero(1).
    const at = 4 + 3 + 4 + 1 + 10;
    der[at] = (der[at] ?? 0) ^ 0x01;
    expect(inspectKey(toPem("RSA PRIVATE KEY", der))).toMatchObject({
      ok: false,
      problem: NOT_POSSESSED,
    });
  });

  it("refuses damaged, truncated and foreign input with a code for each", () => {
    const rsa = keyOf("rsa-2048-pkcs1").pem;
    const truncated = toPem("RSA PRIVATE KEY", pemBody(rsa).subarray(0, 300));
    const sec1 = generateKeyPairSync("ec", {
      namedCurve: "P-256",
      privateKeyEncoding: { type: "sec1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    }).privateKey;
    const cases: Array<[string, KeyProblem]> = [
      ["", "key.notAKey"],
      ["hello world", "key.notAKey"],
      [keyOf("rsa-2048-pkcs1").pem.replace("BEGIN RSA", "BEGIN DSA"), "key.notAKey"],
      [truncated, "key.damaged"],
      [rsa.replace(/\n[A-Za-z0-9+/]{8}/, "\n!!!!!!!!"), "key.damaged"],
      [sec1, "key.formatUnsupported"],
      [
        generateKeyPairSync("ed25519", {
          privateKeyEncoding: { type: "pkcs8", format: "pem" },
          publicKeyEncoding: { type: "spki", format: "pem" },
        }).privateKey,
        "key.pkcs8NotRsa",
      ],
    ];
    for (const [text, problem] of cases) {
      const result = inspectKey(text);
      // A code, so nothing of the key can be quoted back.
      expect(result, text.slice(0, 40)).toEqual({ ok: false, problem });
    }
  });
});

function rsaPartsOf(pem: string): RsaParts {
  const jwk = createPrivateKey(pem).export({ format: "jwk" });
  const big = (field: string | undefined) =>
    BigInt(`0x${Buffer.from(field ?? "", "base64url").toString("hex")}`);
  return {
    n: big(jwk.n),
    e: big(jwk.e),
    d: big(jwk.d),
    p: big(jwk.p),
    q: big(jwk.q),
    dp: big(jwk.dp),
    dq: big(jwk.dq),
    qi: big(jwk.qi),
  };
}

describe("inspectKey proves possession, not just the public half", () => {
  it("calls a forged key a mismatch while naming the public key it claims", () => {
    const forgeries: Array<[string, (line: string) => string]> = [
      ["ed25519-openssh", forgeEd25519],
      ["ecdsa-p256-openssh", forgeEcdsa],
      ["ecdsa-p384-openssh", forgeEcdsa],
      ["ecdsa-p521-openssh", forgeEcdsa],
      ["rsa-2048-pkcs1", forgeRsa],
      ["rsa-4096-pkcs1", forgeRsa],
    ];
    for (const [label, forge] of forgeries) {
      const key = keyOf(label);
      const result = inspectKey(forge(key.publicLine));
      expect(result, label).toEqual({
        ok: false,
        problem: NOT_POSSESSED,
        claimed: { algorithm: key.algorithm, keySize: key.keySize, fingerprint: key.fingerprint },
      });
    }
  });

  it("refuses RSA keys whose factors or CRT parts are inconsistent", () => {
    const parts = rsaPartsOf(keyOf("rsa-2048-pkcs1").pem);
    expect(inspectKey(rsaPkcs1Pem(parts))).toMatchObject({ ok: true });
    const broken: Array<[string, Partial<RsaParts>]> = [
      ["p = n, q = 1", { p: parts.n, q: 1n }],
      ["q = n, p = 1", { p: 1n, q: parts.n }],
      ["wrong d", { d: parts.d + 2n }],
      ["wrong dp", { dp: parts.dp + 2n }],
      ["wrong dq", { dq: parts.dq + 2n }],
      ["wrong qinv", { qi: parts.qi + 1n }],
      ["d that only works mod (p-1)", { d: parts.dp }],
    ];
    for (const [label, change] of broken) {
      expect(inspectKey(rsaPkcs1Pem({ ...parts, ...change })), label).toMatchObject({
        ok: false,
        problem: NOT_POSSESSED,
      });
    }
  });
});

describe("inspectKey is strict about the file around the key", () => {
  it("refuses trailing data, a second block, leading text and PuTTY files", () => {
    const pem = keyOf("ed25519-openssh").pem;
    const other = keyOf("ecdsa-p256-openssh").pem;
    const cases: Array<[string, string, KeyProblem]> = [
      ["trailing text", `${pem}ssh-ed25519 AAAA attacker\n`, "key.dataAfter"],
      ["second block", `${pem}${other}`, "key.severalBlocks"],
      ["second block after a blank line", `${pem}\n${other}`, "key.severalBlocks"],
      ["leading text", `command="x"\n${pem}`, "key.dataBefore"],
      [
        "PuTTY",
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: x\nPublic-Lines: 1\nAAAA\n",
        "key.putty",
      ],
    ];
    for (const [label, text, problem] of cases) {
      expect(inspectKey(text), label).toEqual({ ok: false, problem });
    }
  });

  it("still accepts one trailing newline, CRLF, or none", () => {
    const pem = keyOf("rsa-2048-pkcs1").pem;
    for (const text of [pem, pem.trimEnd(), pem.replace(/\n/g, "\r\n")]) {
      expect(inspectKey(text).ok).toBe(true);
    }
  });
});
