// Password hashing with scrypt from Node's crypto; verification in constant time.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { scryptLimit } from "../limits/expensive-work.ts";

const PARAMS = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

/** Runs in the thread pool, so it waits for a place in the scrypt limit (WorkQueueFull if none). */
function derive(password: string, salt: Buffer): Promise<Buffer> {
  return scryptLimit.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize("NFKC"), salt, KEY_BYTES, PARAMS, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [, , , , salt, expected] = stored.split("$");
  if (!salt || !expected) return false;
  const key = await derive(password, Buffer.from(salt, "base64"));
  const expectedKey = Buffer.from(expected, "base64");
  return key.length === expectedKey.length && timingSafeEqual(key, expectedKey);
}

/** A hash that matches nothing, checked when the user is unknown so timing does not tell. */
export const DUMMY_HASH = `scrypt$${PARAMS.N}$8$1$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(KEY_BYTES).toString("base64")}`;
