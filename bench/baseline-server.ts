// Baselines for server throughput, on the same framework: a bare route that answers the same
// number of bytes, and what an audited export minimally must do (one durable SQLite insert,
// then the same bytes).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import Fastify from "fastify";

const sizes = JSON.parse(process.env.BASELINE_SIZES ?? "{}") as Record<string, number>;
const db = new Database(join(mkdtempSync(join(tmpdir(), "kps-baseline-")), "audit.sqlite"));
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.exec("CREATE TABLE audit (id INTEGER PRIMARY KEY, time TEXT, names TEXT)");
const insert = db.prepare("INSERT INTO audit (time, names) VALUES (?, ?)");

const app = Fastify({ logger: false });
for (const [name, size] of Object.entries(sizes)) {
  const bytes = Buffer.alloc(size, 97);
  app.all(`/bare/${name}`, async (_request, reply) =>
    reply.type("application/octet-stream").send(bytes),
  );
  app.all(`/audited/${name}`, async (_request, reply) => {
    insert.run(new Date().toISOString(), name);
    return reply.type("application/octet-stream").send(bytes);
  });
}
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
console.log("ready");
