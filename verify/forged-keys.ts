// Forged private keys (a victim's public half next to a wrong secret) against the proof the
// server hosts keys behind: how many it would accept (target 0), and how many genuine keys it
// refuses (target 0 too, or the proof is simply refusing everything).
import sshpk from "sshpk";
import type { Algorithm } from "../contract/kps.ts";
import { parsePrivateKeyFile } from "../server/keys/private-key-file.ts";
import { provesPossession } from "../server/keys/proof-of-possession.ts";
import { generateSshKey } from "../server/keys/ssh-keys.ts";
import { forgedEcdsa, forgedEd25519, forgedRsa } from "../server/testing/ssh-pairs.ts";

const KINDS: [Algorithm, (publicKey: string) => string[]][] = [
  ["SSH_ED25519", (key) => [forgedEd25519(key)]],
  ["SSH_RSA_2048", (key) => [forgedRsa(key)]],
  ["ECDSA_NISTP256", (key) => [forgedEcdsa(key), forgedEcdsa(key, "openssh")]],
  ["ECDSA_NISTP384", (key) => [forgedEcdsa(key)]],
  ["ECDSA_NISTP521", (key) => [forgedEcdsa(key, "openssh")]],
];

export async function forgedKeys(perKind: number) {
  let forged = 0;
  let forgedAccepted = 0;
  let genuineRefused = 0;
  const accepts = (text: string, publicKey: sshpk.Key) => {
    const parsed = parsePrivateKeyFile(text);
    return parsed.ok && provesPossession(parsed.value.key, publicKey);
  };
  for (const [algorithm, forge] of KINDS) {
    for (let i = 0; i < perKind; i += 1) {
      const victim = await generateSshKey(algorithm);
      const publicKey = sshpk.parseKey(victim.publicKey, "ssh");
      if (!accepts(victim.privateKey, publicKey)) genuineRefused += 1;
      for (const text of forge(victim.publicKey)) {
        forged += 1;
        if (accepts(text, publicKey)) forgedAccepted += 1;
      }
    }
  }
  return { forged, forgedAccepted, genuine: perKind * KINDS.length, genuineRefused };
}
