import { pbkdf } from "bcrypt-pbkdf";

/*
 * OpenSSH's key derivation for protected keys (PROTOCOL.key, kdf "bcrypt"): bcrypt_pbkdf over
 * the passphrase and salt. The primitive is joyent's 1:1 port of OpenBSD's bcrypt_pbkdf.c (the
 * one sshpk uses); @noble/hashes has no bcrypt_pbkdf and nothing here is written by hand.
 */
export function bcryptPbkdf(
  passphrase: Uint8Array,
  salt: Uint8Array,
  rounds: number,
  length: number,
): Uint8Array {
  const key = new Uint8Array(length);
  if (pbkdf(passphrase, passphrase.length, salt, salt.length, key, length, rounds) !== 0) {
    throw new Error("kdf.refused");
  }
  return key;
}
