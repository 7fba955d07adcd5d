import { defineWords } from "../../../i18n/i18n.ts";

/** One sentence per KeyProblem code (../../inspect-key.ts), keyed by the code after "key.". */
export const keyProblemWords = defineWords("lib/ssh-key/problems", {
  notAKey: "This file is not a private key.",
  damaged: "This key is damaged and cannot be read.",
  encrypted: "This key is protected by a passphrase, so it cannot be checked.",
  notPossessed:
    "The private key does not belong to the listed public key: its secret part does not produce that public key.",
  pkcs8NotRsa: "Only RSA keys are supported in the PKCS#8 format.",
  curveUnsupported: "This ECDSA curve is not supported.",
  typeUnsupported: "This key type is not supported.",
  severalKeys: "This file holds more than one key.",
  putty: "This is a PuTTY key file, not a format KPS exports.",
  dataBefore: "This file has data before the key.",
  severalBlocks: "This file holds more than one PEM block; a key file holds one.",
  dataAfter: "This file has data after the key.",
  formatUnsupported: "This private key format is not supported here.",
  notProtected: "This is not an OpenSSH key protected with bcrypt and aes256-ctr.",
  wrongPassphrase: "The passphrase does not open this key.",
  noPublicKey:
    "The key pair lists no readable public key, so no private key can be checked for it.",
});
