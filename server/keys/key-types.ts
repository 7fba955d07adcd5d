// The key types the embedded KPS hosts, as sshpk names them, and how a key is fingerprinted.
import type sshpk from "sshpk";
import type { Algorithm } from "../../contract/kps.ts";

const RSA_SIZES = { 2048: "SSH_RSA_2048", 3072: "SSH_RSA_3072", 4096: "SSH_RSA_4096" } as const;
const EC_SIZES = { 256: "ECDSA_NISTP256", 384: "ECDSA_NISTP384", 521: "ECDSA_NISTP521" } as const;

/** The contract's algorithm of a key; null for a type or size the service does not host. */
export function algorithmOf(key: sshpk.Key | sshpk.PrivateKey): Algorithm | null {
  switch (key.type) {
    case "rsa":
      return RSA_SIZES[key.size as keyof typeof RSA_SIZES] ?? null;
    case "ed25519":
      return "SSH_ED25519";
    case "ecdsa":
      return EC_SIZES[key.size as keyof typeof EC_SIZES] ?? null;
    default:
      return null;
  }
}

export function md5Fingerprint(key: sshpk.Key): string {
  return key.fingerprint("md5").toString("hex");
}
