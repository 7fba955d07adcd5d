// Key pairs for tests that import keys, generated at test time (no key material in the repo):
// genuine ones in each format the service hosts, and forged ones that carry a victim's public
// key next to a secret that is not its private half.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import sshpk from "sshpk";

export function ed25519Pair(): { privateKey: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync("ed25519");
  const key = sshpk.parsePrivateKey(
    privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    "pem",
  );
  return { privateKey: key.toString("openssh"), publicKey: key.toPublic().toString("ssh") };
}

type Part = { name: string; data: Buffer };
const PrivateKey = sshpk.PrivateKey as unknown as new (options: {
  type: string;
  curve?: string;
  parts: Part[];
}) => sshpk.PrivateKey;
const parts = (key: sshpk.Key) => (key as unknown as { part: Record<string, Part> }).part;

/** An OpenSSH ED25519 file with the victim's public key and a random seed. */
export function forgedEd25519(publicKey: string): string {
  const victim = parts(sshpk.parseKey(publicKey, "ssh"));
  const forged = new PrivateKey({
    type: "ed25519",
    parts: [victim.A as Part, { name: "k", data: randomBytes(32) }],
  });
  return forged.toString("openssh");
}

/** A PKCS#1 RSA file with the victim's modulus, p = n, q = 1 and a random d. */
export function forgedRsa(publicKey: string): string {
  const victim = sshpk.parseKey(publicKey, "ssh");
  const { n, e } = parts(victim) as { n: Part; e: Part };
  const one = Buffer.from([1]);
  const forged = new PrivateKey({
    type: "rsa",
    parts: [
      n,
      e,
      { name: "d", data: randomBytes(n.data.length - 1) },
      { name: "iqmp", data: one },
      { name: "p", data: n.data },
      { name: "q", data: one },
      { name: "dmodp", data: one },
      { name: "dmodq", data: one },
    ],
  });
  return forged.toString("pkcs1");
}

/** An ECDSA file (SEC1 or OpenSSH) with the victim's point and a random scalar. */
export function forgedEcdsa(publicKey: string, format: "pkcs1" | "openssh" = "pkcs1"): string {
  const victim = sshpk.parseKey(publicKey, "ssh");
  const { curve, Q } = parts(victim) as { curve: Part; Q: Part };
  const bytes = Math.ceil(victim.size / 8);
  const forged = new PrivateKey({
    type: "ecdsa",
    curve: curve.data.toString(),
    parts: [
      curve,
      Q,
      { name: "d", data: Buffer.concat([Buffer.from([1]), randomBytes(bytes - 1)]) },
    ],
  });
  return forged.toString(format);
}
