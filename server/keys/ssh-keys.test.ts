import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALGORITHMS } from "../../contract/kps.ts";
import { md5Fingerprint } from "./key-types.ts";
import { parsePrivateKeyFile } from "./private-key-file.ts";
import { parsePublicKeyLine } from "./public-key-line.ts";
import { generateSshKey } from "./ssh-keys.ts";

const parsePublicKey = (line: string) => {
  const result = parsePublicKeyLine(line);
  return result.ok
    ? {
        publicKey: result.value.publicKey,
        fingerprint: result.value.fingerprint,
        algorithm: result.value.algorithm,
      }
    : null;
};
const privateKeyFingerprint = (text: string) => {
  const result = parsePrivateKeyFile(text);
  return result.ok ? md5Fingerprint(result.value.key.toPublic()) : null;
};

// Armor lines are assembled, so no literal one sits in the repository (where a real key would be flagged).
const DASHES = "-".repeat(5);

const dir = mkdtempSync(join(tmpdir(), "kps-ssh-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sshKeygen = (...args: string[]) =>
  execFileSync("ssh-keygen", args, { encoding: "utf8" }).trim();
const withoutComment = (line: string) => line.split(" ").slice(0, 2).join(" ");

describe("generated keys are accepted by OpenSSH", () => {
  it.each(ALGORITHMS)(
    "%s: ssh-keygen derives the stored public key and the listed MD5 fingerprint",
    async (algorithm) => {
      const key = await generateSshKey(algorithm);
      const file = join(dir, `${algorithm}.pem`);
      writeFileSync(file, key.privateKey, { mode: 0o600 });
      expect(key.privateKey.endsWith("\n")).toBe(true);
      expect(key.privateKey).toMatch(
        algorithm.startsWith("SSH_RSA")
          ? /^-{5}BEGIN RSA PRIVATE KEY-{5}\n/
          : /^-{5}BEGIN OPENSSH PRIVATE KEY-{5}\n/,
      );
      expect(key.publicKey.endsWith(" Generated-by-Nova")).toBe(true);
      expect(withoutComment(sshKeygen("-y", "-f", file))).toBe(withoutComment(key.publicKey));
      expect(sshKeygen("-l", "-E", "md5", "-f", file)).toContain(`MD5:${key.fingerprint} `);
      expect(key.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
      expect(privateKeyFingerprint(key.privateKey)).toBe(key.fingerprint);
      expect(parsePublicKey(key.publicKey)).toEqual({
        publicKey: key.publicKey,
        fingerprint: key.fingerprint,
        algorithm,
      });
    },
  );

  it("fingerprints a public key made by ssh-keygen itself the way ssh-keygen does", () => {
    const file = join(dir, "made-by-openssh");
    sshKeygen("-q", "-t", "ed25519", "-N", "", "-C", "laptop", "-f", file);
    const publicKey = execFileSync("cat", [`${file}.pub`], { encoding: "utf8" });
    const expected = sshKeygen("-l", "-E", "md5", "-f", `${file}.pub`)
      .split(" ")[1]
      ?.replace("MD5:", "");
    expect(parsePublicKey(publicKey)?.fingerprint).toBe(expected);
  });

  it("rejects what is not a supported public key", () => {
    expect(parsePublicKey("ssh-rsa not-base64!!")).toBeNull();
    expect(parsePublicKey("hello")).toBeNull();
    expect(
      privateKeyFingerprint(
        `${DASHES}BEGIN RSA PRIVATE KEY${DASHES}\nAAAA\n${DASHES}END RSA PRIVATE KEY${DASHES}\n`,
      ),
    ).toBeNull();
  });
});
