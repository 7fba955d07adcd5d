// The master key (KEK) lives in its own 0600 file beside, never inside, the database.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";

const KEY_BYTES = 32;

/**
 * Loads the master key, creating it only for an empty store (no key pairs, no sealed keys): a
 * missing key for a store that holds keys would silently make every hosted key unreadable, so
 * it is an error, whatever else (a canary row) is missing too.
 */
export function loadMasterKey(file: string, storeIsEmpty: boolean): Buffer {
  if (!existsSync(file)) {
    if (!storeIsEmpty) {
      throw new Error(
        `The master key ${file} is missing but the database already holds keys; refusing to start. Restore master.key from your backup.`,
      );
    }
    writeFileSync(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: "wx" });
  }
  // Whoever can read the master key can open every hosted key in a copy of the database.
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `The master key ${file} is readable by others (mode ${mode.toString(8).padStart(4, "0")}); refusing to start. Fix it with: chmod 600 ${file}`,
    );
  }
  const key = readFileSync(file);
  if (key.length !== KEY_BYTES)
    throw new Error(`The master key ${file} is not ${KEY_BYTES} bytes; refusing to start.`);
  return key;
}
