// Group commit: work queued in the same turn of the event loop shares one transaction, so one
// fsync (synchronous=FULL) makes a whole group durable. That fsync cost as much as an entire
// audited request when every request paid for its own.
//
// Each piece of work runs in its own savepoint: one that throws rolls back alone. A promise
// settles only after the commit that holds its writes has succeeded; if the commit fails, every
// member of the group is rejected, so nobody can answer on the strength of an unwritten record.
import type { Db } from "./database.ts";

type Member = {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
};

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private queue: Member[] = [];
  private readonly inSavepoint: (work: () => unknown) => unknown;
  private readonly commitGroup: (group: Member[]) => Settled[];

  constructor(db: Db) {
    // Nested better-sqlite3 transactions are savepoints.
    this.inSavepoint = db.transaction((work: () => unknown) => work());
    this.commitGroup = db.transaction((group: Member[]) =>
      group.map((member): Settled => {
        // An error such as SQLITE_FULL rolls the whole transaction back; work run after it
        // would silently autocommit on its own, outside the group.
        if (!db.inTransaction) throw new Error("the group's transaction was rolled back");
        try {
          return { ok: true, value: this.inSavepoint(member.work) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** Runs `work` inside the next group's transaction; resolves once that group is committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private flush(): void {
    const group = this.queue;
    this.queue = [];
    let settled: Settled[];
    try {
      settled = this.commitGroup(group);
    } catch (error) {
      for (const member of group) member.reject(error);
      return;
    }
    group.forEach((member, index) => {
      const outcome = settled[index];
      if (outcome?.ok) member.resolve(outcome.value);
      else member.reject(outcome?.error);
    });
  }
}
