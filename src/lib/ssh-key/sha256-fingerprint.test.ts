import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateTestKeys } from "../../testing/test-keys.ts";
import { sha256FingerprintOfLine } from "./sha256-fingerprint.ts";

const dir = mkdtempSync(join(tmpdir(), "sha256-fp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What OpenSSH prints for a public-key line: the judge, not our idea of the format. */
function sshKeygenSha256(line: string): string {
  const file = join(dir, "key.pub");
  writeFileSync(file, `${line}\n`);
  const [, fingerprint] = execFileSync("ssh-keygen", ["-l", "-f", file], {
    encoding: "utf8",
  }).split(" ");
  return fingerprint as string;
}

describe("sha256FingerprintOfLine", () => {
  it.each(generateTestKeys().filter((key) => !key.label.includes("pkcs8")))(
    "gives what ssh-keygen -l prints for $label",
    (key) => {
      expect(sha256FingerprintOfLine(key.publicLine)).toBe(sshKeygenSha256(key.publicLine));
    },
  );

  it("gives null for what is not a public-key line", () => {
    expect(sha256FingerprintOfLine(undefined)).toBeNull();
    expect(sha256FingerprintOfLine("ssh-ed25519 not*base64")).toBeNull();
    expect(sha256FingerprintOfLine("")).toBeNull();
  });
});
