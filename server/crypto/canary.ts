// A sealed known value in the store proves at start-up that the master key is the right one.
import type { Db } from "../store/database.ts";
import { open, seal } from "./envelope.ts";

const CANARY_TEXT = "kps-console master key canary";
const CANARY_AAD = "kps-canary:v1";

export function storeHasCanary(db: Db): boolean {
  return db.prepare("SELECT 1 FROM meta WHERE key = 'canary'").get() !== undefined;
}

/** No key pair and no sealed key: the only kind of store a new master key may be made for. */
export function storeIsEmpty(db: Db): boolean {
  return (
    db.prepare("SELECT 1 FROM keypairs LIMIT 1").get() === undefined &&
    db.prepare("SELECT 1 FROM private_keys LIMIT 1").get() === undefined
  );
}

/** A canary left from a master key that is gone, in a store with nothing sealed under it. */
export function dropStaleCanary(db: Db): void {
  db.prepare("DELETE FROM meta WHERE key = 'canary'").run();
}

export function checkOrWriteCanary(db: Db, masterKey: Buffer): void {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'canary'").get() as
    | { value: Buffer }
    | undefined;
  if (!row) {
    const envelope = seal(masterKey, Buffer.from(CANARY_TEXT), CANARY_AAD);
    db.prepare("INSERT INTO meta (key, value) VALUES ('canary', ?)").run(
      Buffer.from(
        JSON.stringify({
          w: envelope.wrappedKey.toString("base64"),
          s: envelope.sealed.toString("base64"),
        }),
      ),
    );
    return;
  }
  try {
    const stored = JSON.parse(row.value.toString("utf8")) as { w: string; s: string };
    const text = open(
      masterKey,
      { wrappedKey: Buffer.from(stored.w, "base64"), sealed: Buffer.from(stored.s, "base64") },
      CANARY_AAD,
    );
    if (text.toString("utf8") === CANARY_TEXT) return;
  } catch {
    // fall through to the refusal below
  }
  throw new Error(
    "The master key does not open this database (canary check failed); refusing to start.",
  );
}
