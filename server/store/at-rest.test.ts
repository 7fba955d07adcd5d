import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedStore } from "../embedded-kps.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let token: string;
const exported: string[] = [];
let accessSecret = "";

beforeAll(async () => {
  world = await createTestWorld();
  token = await world.token("alice");
  for (const name of ["hosted-1", "ed-hosted", "hosted-7"]) {
    const response = await world.app.inject({
      method: "POST",
      url: `/v3/${world.projects.main}/keypairs/private-key/export`,
      headers: { "x-auth-token": token },
      payload: { keypair: { name } },
    });
    exported.push(response.json().keypair.private_key);
  }
  const credential = await world.app.inject({
    method: "POST",
    url: "/v3.0/OS-CREDENTIAL/credentials",
    headers: { "x-auth-token": token },
    payload: { credential: { user_id: world.users.alice } },
  });
  accessSecret = credential.json().credential.secret;
});
afterAll(() => world.close());

/** Every needle that would betray plaintext key material in a file. */
function needles(): Buffer[] {
  const fixed = ["-----BEGIN", "PRIVATE KEY", "openssh-key-v1"].map((s) => Buffer.from(s));
  const slices = exported.map((pem) => {
    const body = pem.split("\n").slice(1, -2).join("");
    return Buffer.from(body.slice(40, 80));
  });
  // An access key's secret, whole and in halves: it is sealed like a private key.
  const secret = [accessSecret, accessSecret.slice(0, 20), accessSecret.slice(20)].map((s) =>
    Buffer.from(s),
  );
  return [...fixed, ...slices, ...secret];
}

function scan(dir: string): number {
  let hits = 0;
  for (const file of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, file));
    for (const needle of needles()) if (bytes.includes(needle)) hits += 1;
  }
  return hits;
}

describe("keys at rest", () => {
  it("keeps no plaintext key material or access-key secret in the database, its WAL or a backup", async () => {
    expect(accessSecret).toMatch(/^[A-Za-z0-9]{40}$/);
    await world.store.db.backup(join(world.dataDir, "backup.sqlite"));
    expect(existsSync(join(world.dataDir, "kps.sqlite-wal"))).toBe(true);
    expect(scan(world.dataDir)).toBe(0);
  });

  it("leaves no ciphertext of a cleared key behind", async () => {
    const before = world.store.db
      .prepare(
        "SELECT sealed FROM private_keys pk JOIN keypairs k ON k.id = pk.keypair_id WHERE k.name = 'hosted-7'",
      )
      .get() as { sealed: Buffer };
    const cleared = await world.app.inject({
      method: "DELETE",
      url: `/v3/${world.projects.main}/keypairs/hosted-7/private-key`,
      headers: { "x-auth-token": token },
    });
    expect(cleared.statusCode).toBe(200);
    const probe = before.sealed.subarray(28, 60);
    for (const file of readdirSync(world.dataDir).filter((f) => f.startsWith("kps.sqlite"))) {
      expect(readFileSync(join(world.dataDir, file)).includes(probe), file).toBe(false);
    }
  });

  it("keeps the master key in its own 0600 file and refuses to start without it or with another", () => {
    const keyFile = join(world.dataDir, "master.key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const original = readFileSync(keyFile);
    try {
      writeFileSync(keyFile, Buffer.alloc(32, 7));
      expect(() => openEmbeddedStore(world.dataDir)).toThrow(/canary/);
      rmSync(keyFile);
      expect(() => openEmbeddedStore(world.dataDir)).toThrow(/missing/);
    } finally {
      writeFileSync(keyFile, original, { mode: 0o600 });
    }
  });

  it("refuses a sealed key moved to another row", async () => {
    const { db } = world.store;
    const rowOf = (name: string) =>
      db
        .prepare(
          "SELECT pk.* FROM private_keys pk JOIN keypairs k ON k.id = pk.keypair_id WHERE k.name = ?",
        )
        .get(name) as {
        keypair_id: number;
        wrapped_key: Buffer;
        sealed: Buffer;
      };
    const [a, b] = [rowOf("hosted-2"), rowOf("hosted-3")];
    db.prepare("UPDATE private_keys SET wrapped_key = ?, sealed = ? WHERE keypair_id = ?").run(
      b.wrapped_key,
      b.sealed,
      a.keypair_id,
    );
    const response = await world.app.inject({
      method: "POST",
      url: `/v3/${world.projects.main}/keypairs/private-key/batch-export`,
      headers: { "x-auth-token": token },
      payload: [{ keypair: { name: "hosted-2" } }],
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain("PRIVATE KEY");
  });
});
