// Figures for keys at rest and for the audit trail, measured on a real store through inject().
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { open, seal } from "../server/crypto/envelope.ts";
import { createTestWorld } from "../server/testing/test-world.ts";

export async function ivRepeats(seals = 100_000): Promise<number> {
  const key = Buffer.alloc(32, 1);
  const seen = new Set<string>();
  let repeats = 0;
  for (let i = 0; i < seals; i += 1) {
    const iv = seal(key, Buffer.from("x"), "aad").sealed.subarray(0, 12).toString("base64");
    if (seen.has(iv)) repeats += 1;
    seen.add(iv);
  }
  return repeats;
}

export async function storeFigures(attempts = 1000) {
  const world = await createTestWorld({ exportRateLimit: 1_000_000 });
  try {
    const token = await world.token("alice");
    const pool = ["hosted-1", "hosted-2", "ed-hosted", "plain", "frozen", "carol-own", "nope"];
    const exported = new Set<string>();
    for (let i = 0; i < attempts; i += 1) {
      const names = [pool[i % pool.length], pool[(i * 3 + 1) % pool.length]].filter(
        (n, j, all) => all.indexOf(n) === j,
      );
      const single = i % 2 === 0;
      const response = await world.app.inject({
        method: "POST",
        url: `/v3/${world.projects.main}/keypairs/private-key/${single ? "export" : "batch-export"}`,
        headers: {
          "x-auth-token": i % 10 === 9 ? "kps1.bad-token-value-xxxxxxxx" : token,
          // Issue 15: most attempts give a reason; some try to smuggle a token or a key into it.
          ...(i % 5 === 4
            ? {}
            : {
                "x-export-reason": encodeURIComponent(
                  i % 50 === 3 ? `Ticket ${i} ${token}` : `Ticket SUP-${i}: customer request`,
                ),
              }),
        },
        payload: single
          ? { keypair: { name: names[0] } }
          : names.map((name) => ({ keypair: { name } })),
      });
      if (single && response.statusCode === 200) exported.add(response.json().keypair.private_key);
    }
    const { db } = world.store;
    const records = db.prepare("SELECT * FROM audit").all() as { reason: string | null }[];
    const withReason = records.filter((record) => record.reason !== null).length;
    const auditText = JSON.stringify(records);
    const auditLeaks =
      [...exported].filter((pem) => auditText.includes(pem.split("\n")[1] ?? "")).length +
      (auditText.includes(token) ? 1 : 0) +
      (auditText.includes("PRIVATE KEY") ? 1 : 0);

    // Swap every pair of sealed blobs between rows: none may open under the other row's binding.
    const rows = db
      .prepare(
        "SELECT pk.keypair_id, pk.wrapped_key, pk.sealed, k.project_id, k.name FROM private_keys pk JOIN keypairs k ON k.id = pk.keypair_id",
      )
      .all() as {
      keypair_id: number;
      wrapped_key: Buffer;
      sealed: Buffer;
      project_id: string;
      name: string;
    }[];
    const masterKey = readFileSync(join(world.dataDir, "master.key"));
    let swappedOpened = 0;
    for (const a of rows) {
      for (const b of rows) {
        if (a === b) continue;
        try {
          open(
            masterKey,
            { wrappedKey: b.wrapped_key, sealed: b.sealed },
            `kps-private-key:v1:${a.project_id}:${a.keypair_id}:${a.name}`,
          );
          swappedOpened += 1;
        } catch {
          // refused, as it must be
        }
      }
    }

    await db.backup(join(world.dataDir, "backup.sqlite"));
    const needles = [
      Buffer.from("-----BEGIN"),
      Buffer.from("PRIVATE KEY"),
      Buffer.from("openssh-key-v1"),
      ...[...exported].map((pem) => Buffer.from(pem.split("\n")[2] ?? "x")),
    ];
    let plaintextHits = 0;
    for (const file of readdirSync(world.dataDir)) {
      const bytes = readFileSync(join(world.dataDir, file));
      for (const needle of needles) if (bytes.includes(needle)) plaintextHits += 1;
    }
    return {
      attempts,
      auditRecords: records.length,
      withReason,
      auditLeaks,
      swappedPairs: rows.length * (rows.length - 1),
      swappedOpened,
      plaintextHits,
    };
  } finally {
    await world.close();
  }
}
