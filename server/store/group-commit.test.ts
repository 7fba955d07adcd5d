import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "./database.ts";
import { GroupCommit } from "./group-commit.ts";

let dir: string;
let db: Db;
let commits: GroupCommit;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kps-group-"));
  db = openDatabase(join(dir, "kps.sqlite"));
  db.exec("CREATE TABLE note (text TEXT NOT NULL)");
  commits = new GroupCommit(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (text: string) => () => {
  db.prepare("INSERT INTO note (text) VALUES (?)").run(text);
  return text;
};
const notes = () =>
  (db.prepare("SELECT text FROM note ORDER BY rowid").all() as { text: string }[]).map(
    (row) => row.text,
  );

describe("group commit", () => {
  it("runs work queued in one turn inside one transaction", async () => {
    const seen: string[][] = [];
    const results = await Promise.all([
      commits.run(write("a")),
      commits.run(() => {
        expect(db.inTransaction).toBe(true);
        seen.push(notes());
        return write("b")();
      }),
    ]);
    expect(results).toEqual(["a", "b"]);
    expect(seen).toEqual([["a"]]);
    expect(notes()).toEqual(["a", "b"]);
  });

  it("rolls back only the work that throws", async () => {
    const failing = commits.run(() => {
      write("lost")();
      throw new Error("refused");
    });
    const [kept, refused] = await Promise.allSettled([commits.run(write("kept")), failing]);
    expect(kept).toEqual({ status: "fulfilled", value: "kept" });
    expect(refused).toMatchObject({ status: "rejected", reason: { message: "refused" } });
    expect(notes()).toEqual(["kept"]);
  });

  it("rejects every member, and keeps nothing, when the commit fails", async () => {
    // A deferred foreign key is checked at COMMIT: the one way to make a commit itself fail.
    db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
             CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)`);
    const innocent = commits.run(write("innocent"));
    const poison = commits.run(() => db.prepare("INSERT INTO child VALUES (42)").run());
    const outcomes = await Promise.allSettled([innocent, poison]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect(notes()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    await expect(commits.run(write("later"))).resolves.toBe("later");
  });
});
