// kill -9 during concurrent creates, imports and exports, several rounds. A 2xx must mean
// committed: every acknowledged write is found after the crash, and the database is intact.
import Database from "better-sqlite3";
import { ed25519Pair } from "../server/testing/ssh-pairs.ts";
import { signIn, startServer } from "./server-process.ts";

export type DurabilityFigures = {
  rounds: number;
  acknowledged: number;
  lost: number;
  integrityFailures: number;
};

export async function crashDurability(
  dataDir: string,
  port: number,
  rounds = 5,
): Promise<DurabilityFigures> {
  let acknowledged = 0;
  let lost = 0;
  let integrityFailures = 0;
  for (let round = 0; round < rounds; round += 1) {
    const server = await startServer(dataDir, port);
    const { token, projectId } = await signIn(server.base);
    const headers = { "x-auth-token": token, "content-type": "application/json" };
    const url = (path: string) => `${server.base}/v3/${projectId}${path}`;
    const created: string[] = [];
    const exportIds: string[] = [];
    let stop = false;
    const worker = async (id: number) => {
      for (let i = 0; !stop; i += 1) {
        const name = `crash-${round}-${id}-${i}`;
        const pair = ed25519Pair();
        try {
          const create = await fetch(url("/keypairs"), {
            method: "POST",
            headers,
            body: JSON.stringify({ keypair: { name, public_key: pair.publicKey } }),
          });
          if (create.ok) created.push(name);
          const host = await fetch(url("/keypairs/private-key/import"), {
            method: "POST",
            headers,
            body: JSON.stringify({
              keypair: {
                name,
                key_protection: { private_key: pair.privateKey, encryption: { type: "default" } },
              },
            }),
          });
          if (host.ok) {
            const exported = await fetch(url("/keypairs/private-key/export"), {
              method: "POST",
              headers,
              body: JSON.stringify({ keypair: { name } }),
            });
            const requestId = exported.headers.get("x-request-id");
            if (exported.ok && requestId) exportIds.push(requestId);
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, id) => worker(id));
    await new Promise((resolve) => setTimeout(resolve, 400 + Math.random() * 800));
    server.child.kill("SIGKILL");
    stop = true;
    await Promise.all(workers);
    await server.exited;

    const db = new Database(`${dataDir}/kps.sqlite`);
    if (db.pragma("integrity_check", { simple: true }) !== "ok") integrityFailures += 1;
    const names = new Set(
      (db.prepare("SELECT name FROM keypairs").all() as { name: string }[]).map((r) => r.name),
    );
    const audits = new Set(
      (
        db.prepare("SELECT request_id FROM audit WHERE outcome = 'success'").all() as {
          request_id: string;
        }[]
      ).map((r) => r.request_id),
    );
    db.close();
    acknowledged += created.length + exportIds.length;
    lost +=
      created.filter((name) => !names.has(name)).length +
      exportIds.filter((id) => !audits.has(id)).length;
  }
  return { rounds, acknowledged, lost, integrityFailures };
}
