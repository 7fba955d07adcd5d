// Types for the CommonJS port of OpenBSD's bcrypt_pbkdf (joyent/node-bcrypt-pbkdf, via sshpk).
declare module "bcrypt-pbkdf" {
  /** Fills `key` and returns 0, or returns -1 for bad parameters. */
  export function pbkdf(
    pass: Uint8Array,
    passlen: number,
    salt: Uint8Array,
    saltlen: number,
    key: Uint8Array,
    keylen: number,
    rounds: number,
  ): number;
}
