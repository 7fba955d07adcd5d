// Opens the embedded store: durable pragmas, plain SQL migrations in order, integrity check.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export type Db = Database.Database;

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export function openDatabase(file: string): Db {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // better-sqlite3 leaves WAL at NORMAL, which can lose the last commit on power loss; a 2xx
  // must mean committed.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // Cleared and deleted keys must not linger in free pages.
  db.pragma("secure_delete = ON");
  const integrity = db.pragma("integrity_check", { simple: true });
  if (integrity !== "ok") {
    db.close();
    throw new Error(`The database ${file} failed its integrity check: ${String(integrity)}`);
  }
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const applied = db.pragma("user_version", { simple: true }) as number;
  const files = readdirSync(migrationsDir)
    .filter((name) => name.endsWith(".sql"))
    .sort();
  files.forEach((name, index) => {
    const version = index + 1;
    if (version <= applied) return;
    db.transaction(() => {
      db.exec(readFileSync(join(migrationsDir, name), "utf8"));
      db.pragma(`user_version = ${version}`);
    })();
  });
}
