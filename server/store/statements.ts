// Prepared statements, compiled once per database: preparing on every call cost more than
// running the query itself (a profile of the detail route showed prepare at the top).
import type Database from "better-sqlite3";
import type { Db } from "./database.ts";

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

export function sql(db: Db, text: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}
