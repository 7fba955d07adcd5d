// A public key as the service accepts it: exactly one OpenSSH authorized_keys-style line
// "<type> <base64 blob>[ <comment>]" of a hosted type, optionally ended by one "\n". sshpk reads
// the blob; the strictness is around it, because sshpk's "ssh" parser skips options prefixes,
// trims whitespace and ignores what follows the first key.
import sshpk from "sshpk";
import { commentProblem } from "../../contract/key-comment.ts";
import type { Algorithm } from "../../contract/kps.ts";
import { algorithmOf, md5Fingerprint } from "./key-types.ts";
import { SshWireReader } from "./ssh-wire.ts";

export type ParsedPublicKey = {
  /** The canonical line re-serialised from what was validated: type, base64 blob, comment. */
  publicKey: string;
  fingerprint: string;
  algorithm: Algorithm;
  key: sshpk.Key;
};

export type PublicKeyResult = { ok: true; value: ParsedPublicKey } | { ok: false; reason: string };

const TYPES = new Set([
  "ssh-rsa",
  "ssh-ed25519",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
]);
const LINE = /^(\S+) ([A-Za-z0-9+/]+={0,2})(?: (.*))?$/;

export function parsePublicKeyLine(text: string): PublicKeyResult {
  const line = text.endsWith("\n") ? text.slice(0, -1) : text;
  const refuse = (reason: string): PublicKeyResult => ({ ok: false, reason });
  if (line.includes("\n")) return refuse("public_key must be one line (found a second line)");
  if (line.includes("\r")) return refuse("public_key must not contain a carriage return");
  if (line.includes("\t")) return refuse("public_key must not contain a tab");
  if (/[^\x20-\x7e]/.test(line))
    return refuse("public_key must not contain control or non-ASCII characters");
  const match = LINE.exec(line);
  const [, type = "", base64 = "", comment = ""] = match ?? [];
  if (!match || !TYPES.has(type)) {
    return refuse(
      /^\S*=/.test(line) || line.split(" ").some((word) => TYPES.has(word))
        ? "public_key must start with the key type: options such as command= are not accepted"
        : "public_key must be an ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521 key",
    );
  }
  const blob = Buffer.from(base64, "base64");
  if (blob.toString("base64") !== base64) return refuse("public_key's base64 is not canonical");
  let key: sshpk.Key;
  try {
    if (new SshWireReader(blob).text() !== type)
      return refuse("public_key's type does not match the key it holds");
    key = sshpk.parseKey(blob, "rfc4253");
  } catch {
    return refuse("public_key's base64 does not hold a valid key");
  }
  // Re-encoding must give the same bytes: no trailing data, no unnormalised integers.
  if (!key.toBuffer("rfc4253").equals(blob)) return refuse("public_key's blob is not canonical");
  const algorithm = algorithmOf(key);
  if (!algorithm) return refuse("RSA keys must have 2048, 3072 or 4096 bits");
  const problem = commentProblem(comment);
  if (problem) return refuse(problem);
  return {
    ok: true,
    value: {
      publicKey: comment ? `${type} ${base64} ${comment}` : `${type} ${base64}`,
      fingerprint: md5Fingerprint(key),
      algorithm,
      key,
    },
  };
}
