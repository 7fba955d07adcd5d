// The gate every hosted private key passes (create, import, batch import): parsed strictly, then
// proven to be the private half of the key pair's public key. The text stored is the text that
// was validated: one PEM block and at most a final newline.
import sshpk from "sshpk";
import { kpsError } from "../http/errors.ts";
import { parsePrivateKeyFile } from "../keys/private-key-file.ts";
import { provesPossession } from "../keys/proof-of-possession.ts";

/** Throws 400 KPS.0002 (with the reason) for a file the service does not host, KPS.6011 for a mismatch. */
export function provenPrivateKey(text: string, publicKey: string | sshpk.Key): string {
  const parsed = parsePrivateKeyFile(text);
  if (!parsed.ok) throw kpsError("KPS.0002", `parameter error: ${parsed.reason}`);
  const stored = typeof publicKey === "string" ? sshpk.parseKey(publicKey, "ssh") : publicKey;
  if (!provesPossession(parsed.value.key, stored)) throw kpsError("KPS.6011");
  return text;
}
