// A fresh ED25519 key pair in OpenSSH formats, for tests that import keys.
import { generateKeyPairSync } from "node:crypto";
import sshpk from "sshpk";

export function ed25519Pair(): { privateKey: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync("ed25519");
  const key = sshpk.parsePrivateKey(
    privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    "pem",
  );
  return { privateKey: key.toString("openssh"), publicKey: key.toPublic().toString("ssh") };
}
