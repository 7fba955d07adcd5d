// Opens the embedded store: durable pragmas, plain SQL migrations in order, integrity check.
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export type Db = Database.Database;

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export function openDatabase(file: string): Db {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // SQLite gives the WAL and shared-memory files the database file's mode, so a database made
  // 0600 before SQLite first opens it keeps all three private whatever the umask or the
  // directory's mode; files left by an older version are tightened here too.
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  privateFiles(file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  privateFiles(file);
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

function privateFiles(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`])
    if (existsSync(path)) chmodSync(path, 0o600);
}

/**
 * Applied migrations are remembered by name, not by count: migrations written on parallel
 * branches (002-*, 003-*) may land in either order, and a count would then skip one.
 */
function migrate(db: Db): void {
  const files = readdirSync(migrationsDir)
    .filter((name) => name.endsWith(".sql"))
    .sort();
  db.exec("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)");
  const known = db.prepare("SELECT name FROM migrations").all() as { name: string }[];
  if (known.length === 0) {
    // A store from before names were kept: user_version counted the first files, in order.
    const counted = db.pragma("user_version", { simple: true }) as number;
    const remember = db.prepare("INSERT INTO migrations (name) VALUES (?)");
    for (const name of files.slice(0, counted)) remember.run(name);
  }
  const applied = new Set(
    (db.prepare("SELECT name FROM migrations").all() as { name: string }[]).map((r) => r.name),
  );
  for (const name of files) {
    if (applied.has(name)) continue;
    db.transaction(() => {
      db.exec(readFileSync(join(migrationsDir, name), "utf8"));
      db.prepare("INSERT INTO migrations (name) VALUES (?)").run(name);
      db.pragma(`user_version = ${applied.size + 1}`);
    })();
    applied.add(name);
  }
}
