import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALGORITHMS } from "../../contract/kps.ts";
import { generateSshKey } from "../keys/ssh-keys.ts";
import { ed25519Pair, forgedEcdsa, forgedEd25519, forgedRsa } from "../testing/ssh-pairs.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

let world: TestWorld;
let alice: string;
let base: string;
const dir = mkdtempSync(join(tmpdir(), "kps-proof-"));
const DASHES = "-".repeat(5);

beforeAll(async () => {
  world = await createTestWorld();
  alice = await world.token("alice");
  base = `/v3/${world.projects.main}/keypairs`;
});
afterAll(async () => {
  await world.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (method: "GET" | "POST" | "DELETE", url: string, payload?: unknown, token = alice) =>
  world.app.inject({ method, url, payload: payload as never, headers: { "x-auth-token": token } });
const host = (name: string, privateKey: string) =>
  call("POST", `${base}/private-key/import`, {
    keypair: { name, key_protection: { private_key: privateKey, encryption: { type: "default" } } },
  });
const auditRows = (name: string) =>
  world.store.db
    .prepare(
      "SELECT * FROM audit WHERE keypair_names = ? AND operation NOT LIKE '%export' ORDER BY id",
    )
    .all(JSON.stringify([name])) as Record<string, unknown>[];

describe("forged private keys (the victim's public half, a wrong secret)", () => {
  it("are refused with KPS.6011 by import, create and batch import, and nothing is stored", async () => {
    const victims = await Promise.all(
      (["SSH_ED25519", "SSH_RSA_2048", "ECDSA_NISTP256", "ECDSA_NISTP521"] as const).map((a) =>
        generateSshKey(a),
      ),
    );
    const forgeries = [
      forgedEd25519(victims[0]?.publicKey ?? ""),
      forgedRsa(victims[1]?.publicKey ?? ""),
      forgedEcdsa(victims[2]?.publicKey ?? ""),
      forgedEcdsa(victims[3]?.publicKey ?? "", "openssh"),
    ];
    for (const [index, forged] of forgeries.entries()) {
      const victim = victims[index];
      if (!victim) throw new Error("no victim");
      const name = `victim-${index}`;
      const genuine = await call("POST", base, {
        keypair: {
          name,
          public_key: victim.publicKey,
          key_protection: { private_key: victim.privateKey, encryption: { type: "default" } },
        },
      });
      expect(genuine.statusCode, genuine.body).toBe(200);
      const replaced = await host(name, forged);
      expect(replaced.statusCode).toBe(400);
      expect(replaced.json().error_code).toBe("KPS.6011");
      const exported = await call("POST", `${base}/private-key/export`, { keypair: { name } });
      expect(exported.json().keypair.private_key).toBe(victim.privateKey);
      const created = await call("POST", base, {
        keypair: {
          name: `forged-${index}`,
          public_key: victim.publicKey,
          key_protection: { private_key: forged, encryption: { type: "default" } },
        },
      });
      expect(created.json().error_code).toBe("KPS.6011");
      expect((await call("GET", `${base}/forged-${index}`)).statusCode).toBe(400);
      const batch = await call("POST", `${base}/batch-import`, [
        {
          name: `forged-b${index}`,
          public_key: victim.publicKey,
          key_protection: { private_key: forged, encryption: { type: "default" } },
        },
      ]);
      expect(batch.json().succeeded_keypairs).toEqual([]);
      expect(batch.json().failed_keypairs[0].failed_reason).toMatch(/^KPS\.6011/);
      const records = auditRows(name);
      expect(records.map((r) => [r.operation, r.outcome, r.error_code])).toEqual([
        ["host-private-key", "success", null],
        ["replace-private-key", "failure", "KPS.6011"],
      ]);
      expect(records[1]).toMatchObject({
        actor_user_id: world.users.alice,
        project_id: world.projects.main,
        fingerprints: JSON.stringify([victim.fingerprint]),
      });
      expect(JSON.stringify(records)).not.toContain("PRIVATE KEY");
    }
  });
});

describe("genuine keys of every algorithm", () => {
  it.each(ALGORITHMS)(
    "%s: hosted, exported byte for byte, ssh-keygen -y prints the stored key",
    async (algorithm) => {
      const key = await generateSshKey(algorithm);
      const name = `genuine-${algorithm.toLowerCase().replaceAll("_", "-")}`;
      expect(
        (await call("POST", base, { keypair: { name, public_key: key.publicKey } })).statusCode,
      ).toBe(200);
      const hosted = await host(name, key.privateKey);
      expect(hosted.statusCode, hosted.body).toBe(200);
      const exported = (
        await call("POST", `${base}/private-key/export`, { keypair: { name } })
      ).json();
      expect(exported.keypair.private_key).toBe(key.privateKey);
      const file = join(dir, name);
      writeFileSync(file, exported.keypair.private_key, { mode: 0o600 });
      const derived = execFileSync("ssh-keygen", ["-y", "-f", file], { encoding: "utf8" }).trim();
      const stored = (await call("GET", `${base}/${name}`)).json().keypair.public_key as string;
      expect(derived.split(" ").slice(0, 2)).toEqual(stored.split(" ").slice(0, 2));
    },
  );
});

describe("strict key parsing", () => {
  it("refuses anything but one OpenSSH line, and stores the canonical line", async () => {
    const pair = ed25519Pair();
    const [type, blob] = pair.publicKey.split(" ");
    const other = ed25519Pair().publicKey;
    for (const bad of [
      `${type} ${blob} c\ncommand="sh" ${other}`,
      `command="sh" ${pair.publicKey}`,
      `${type} ${blob} c\r`,
      `${type}\t${blob}`,
      `${type} ${blob} <script>`,
      `${pair.publicKey}\n${other}`,
    ]) {
      const response = await call("POST", base, {
        keypair: { name: "strict-pub", public_key: bad },
      });
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.json().error_code).toBe("KPS.0002");
      expect(response.json().error_msg).toMatch(/^parameter error: (public_key|the key comment)/);
    }
    const ok = await call("POST", base, {
      keypair: { name: "strict-pub", public_key: `${type} ${blob} laptop@home\n` },
    });
    expect(ok.statusCode).toBe(200);
    expect((await call("GET", `${base}/strict-pub`)).json().keypair.public_key).toBe(
      `${type} ${blob} laptop@home`,
    );
  });

  it("refuses private keys with text around them, a second key, PuTTY and encrypted files", async () => {
    const pair = ed25519Pair();
    await call("POST", base, { keypair: { name: "strict-priv", public_key: pair.publicKey } });
    const file = join(dir, "encrypted");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "secret", "-f", file]);
    const encrypted = execFileSync("cat", [file], { encoding: "utf8" });
    for (const bad of [
      `${pair.privateKey}trailing`,
      `hello\n${pair.privateKey}`,
      `${pair.privateKey}${ed25519Pair().privateKey}`,
      `${pair.privateKey}\n`,
      "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n",
      encrypted,
      pair.privateKey.replace("\n", "\nProc-Type: 4,ENCRYPTED\n"),
      `${DASHES}BEGIN ENCRYPTED PRIVATE KEY${DASHES}\nAAAA\n${DASHES}END ENCRYPTED PRIVATE KEY${DASHES}\n`,
    ]) {
      const response = await host("strict-priv", bad);
      expect(response.statusCode, bad.slice(0, 40)).toBe(400);
      expect(response.json().error_code).toBe("KPS.0002");
      expect(response.json().error_msg).toMatch(/^parameter error: private_key: /);
    }
    expect((await host("strict-priv", pair.privateKey)).statusCode).toBe(200);
  });
});

describe("names", () => {
  it("do not reveal another user's private key pair, and the owner keeps theirs", async () => {
    // carol-own is carol's private key pair: alice may use the name for hers and for a domain one.
    const own = await call("POST", base, {
      keypair: { name: "carol-own", scope: "user", public_key: ed25519Pair().publicKey },
    });
    expect(own.statusCode, own.body).toBe(200);
    const carol = await world.token("carol");
    const before = (await call("GET", `${base}/carol-own`, undefined, carol)).json().keypair;
    const shared = await call("POST", base, {
      keypair: { name: "carol-own", scope: "domain", public_key: ed25519Pair().publicKey },
      // alice already sees her own carol-own: refused because of what she can see
    });
    expect(shared.json().error_code).toBe("KPS.0002");
    const bobLike = await call(
      "POST",
      base,
      { keypair: { name: "carol-only", scope: "user", public_key: ed25519Pair().publicKey } },
      carol,
    );
    expect(bobLike.statusCode).toBe(200);
    const domain = await call("POST", base, {
      keypair: { name: "carol-only", scope: "domain", public_key: ed25519Pair().publicKey },
    });
    expect(domain.statusCode).toBe(200);
    // carol still resolves carol-own and carol-only to her own key pairs
    expect((await call("GET", `${base}/carol-own`, undefined, carol)).json().keypair.id).toBe(
      before.id,
    );
    expect((await call("GET", `${base}/carol-only`, undefined, carol)).json().keypair.scope).toBe(
      "user",
    );
    const names = (await call("GET", `${base}?limit=1000`, undefined, carol))
      .json()
      .keypairs.map((k: { keypair: { name: string } }) => k.keypair.name);
    expect(names.filter((n: string) => n === "carol-only")).toHaveLength(1);
  });

  it("are checked before a key is generated", async () => {
    const started = performance.now();
    for (let i = 0; i < 5; i += 1) {
      const response = await call("POST", base, {
        keypair: { name: "hosted-1", algorithm: "SSH_RSA_4096" },
      });
      expect(response.json().error_code).toBe("KPS.0002");
    }
    // Five RSA 4096 keys take several seconds here; five name checks take milliseconds (36 ms
    // measured), so the bound leaves room for a loaded machine and still fails if keys are made.
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe("clear and delete", () => {
  it("are audited with actor, key name and fingerprint", async () => {
    await call("DELETE", `${base}/hosted-7/private-key`);
    await call("DELETE", `${base}/hosted-7/private-key`);
    await call("DELETE", `${base}/hosted-7`);
    const records = auditRows("hosted-7");
    expect(records.map((r) => [r.operation, r.outcome, r.error_code])).toEqual([
      ["clear-private-key", "success", null],
      ["clear-private-key", "failure", "KPS.6005"],
      ["delete-keypair", "success", null],
    ]);
    for (const record of records) {
      expect(record.actor_user_id).toBe(world.users.alice);
      expect(record.fingerprints).toMatch(/^\["([0-9a-f]{2}:){15}[0-9a-f]{2}"\]$/);
      expect(record.request_id).toBeTruthy();
    }
  });
});
