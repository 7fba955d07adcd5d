// Finding 7: a master key is made only for an empty store; the data directory is 0700 and the
// database files 0600 whatever the directory was; a master.key others can read is refused.
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openEmbeddedStore } from "../embedded-kps.ts";
import { createTestWorld } from "../testing/test-world.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const mode = (path: string) => statSync(path).mode & 0o777;

/** A data directory holding sealed keys, with the server stopped. */
async function storeWithKeys(): Promise<string> {
  const world = await createTestWorld();
  await world.app.close();
  dirs.push(world.dataDir);
  return world.dataDir;
}

describe("store safety", () => {
  it("refuses to make a new master key for a store that holds keys, even with the canary gone", async () => {
    const dir = await storeWithKeys();
    const store = openEmbeddedStore(dir);
    store.db.prepare("DELETE FROM meta WHERE key = 'canary'").run();
    store.db.close();
    unlinkSync(join(dir, "master.key"));
    expect(() => openEmbeddedStore(dir)).toThrow(/master key .* is missing .* holds keys/);
    expect(existsSync(join(dir, "master.key"))).toBe(false);
  });

  it("makes a master key for an empty store, even one left with an old canary", () => {
    const dir = mkdtempSync(join(tmpdir(), "kps-empty-"));
    dirs.push(dir);
    openEmbeddedStore(dir).db.close();
    unlinkSync(join(dir, "master.key"));
    const store = openEmbeddedStore(dir);
    store.db.close();
    expect(mode(join(dir, "master.key"))).toBe(0o600);
  });

  it("makes the data directory 0700 and the database, WAL and SHM files 0600 in an existing 0755 directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "kps-modes-"));
    dirs.push(dir);
    chmodSync(dir, 0o755);
    const previous = process.umask(0o022);
    try {
      const store = openEmbeddedStore(dir);
      store.db.prepare("INSERT INTO meta (key, value) VALUES ('probe', x'00')").run();
      expect(mode(dir)).toBe(0o700);
      for (const file of ["kps.sqlite", "kps.sqlite-wal", "kps.sqlite-shm", "master.key"])
        expect([file, mode(join(dir, file))]).toEqual([file, 0o600]);
      store.db.close();
    } finally {
      process.umask(previous);
    }
  });

  it("refuses a master.key that group or others can read, saying how to fix it", async () => {
    const dir = await storeWithKeys();
    const key = join(dir, "master.key");
    chmodSync(key, 0o644);
    expect(() => openEmbeddedStore(dir)).toThrow(`chmod 600 ${key}`);
    chmodSync(key, 0o600);
    openEmbeddedStore(dir).db.close();
  });
});
