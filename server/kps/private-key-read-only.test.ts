import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSshKey } from "../keys/ssh-keys.ts";
import { createTestWorld, type TestWorld } from "../testing/test-world.ts";

// The console disables host, clear and export for a read-only user; the server must refuse
// them anyway, and leave the hosted key as it was.
let world: TestWorld;
let base: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  world = await createTestWorld();
  tokens.alice = await world.token("alice");
  tokens.bob = await world.token("bob");
  base = `/v3/${world.projects.main}/keypairs`;
});
afterAll(() => world.close());

const call = (user: string, method: "GET" | "POST" | "DELETE", url: string, payload?: unknown) =>
  world.app.inject({
    method,
    url,
    payload: payload as never,
    headers: { "x-auth-token": tokens[user] as string },
  });

describe("a read-only user (DEW KeypairReadOnlyAccess)", () => {
  it("is refused 403 KPS.9003 to host, clear or export one private key, and nothing changes", async () => {
    const key = await generateSshKey("SSH_ED25519");
    const created = await call("alice", "POST", base, {
      keypair: { name: "domain-plain", scope: "domain", public_key: key.publicKey },
    });
    expect(created.statusCode, created.body).toBe(200);
    const hosted = await call("alice", "POST", base, {
      keypair: {
        name: "domain-hosted",
        scope: "domain",
        key_protection: { encryption: { type: "default" } },
      },
    });
    expect(hosted.statusCode, hosted.body).toBe(200);

    const refusals = [
      await call("bob", "POST", `${base}/private-key/import`, {
        keypair: {
          name: "domain-plain",
          key_protection: { private_key: key.privateKey, encryption: { type: "default" } },
        },
      }),
      await call("bob", "DELETE", `${base}/domain-hosted/private-key`),
      await call("bob", "POST", `${base}/private-key/export`, {
        keypair: { name: "domain-hosted" },
      }),
    ];
    for (const refusal of refusals) {
      expect(refusal.statusCode).toBe(403);
      expect(refusal.json().error_code).toBe("KPS.9003");
    }
    const plain = (await call("alice", "GET", `${base}/domain-plain`)).json();
    expect(plain.keypair.is_key_protection).toBe(false);
    const stillHosted = (await call("alice", "GET", `${base}/domain-hosted`)).json();
    expect(stillHosted.keypair.is_key_protection).toBe(true);
  });
});
