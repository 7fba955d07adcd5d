// The master key (KEK) lives in its own 0600 file beside, never inside, the database.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const KEY_BYTES = 32;

/**
 * Loads the master key, creating it only for a store that has never held a key: a missing key
 * for an existing store would silently make every hosted key unreadable, so it is an error.
 */
export function loadMasterKey(file: string, storeIsNew: boolean): Buffer {
  if (!existsSync(file)) {
    if (!storeIsNew) {
      throw new Error(
        `The master key ${file} is missing but the database already holds keys; refusing to start.`,
      );
    }
    writeFileSync(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: "wx" });
  }
  const key = readFileSync(file);
  if (key.length !== KEY_BYTES)
    throw new Error(`The master key ${file} is not ${KEY_BYTES} bytes; refusing to start.`);
  return key;
}
